import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle } from './buildBundle';
import { parseBundle } from './parseBundle';
import { expectRefused, goodFiles, rezipSigned } from './testBundles';
import { fixtureSource } from './testFixture';

/** The fixture session, recorded in Python. */
function pythonSource() {
  const source = fixtureSource();
  return { ...source, session: { ...source.session, language: 'python' as const } };
}

describe('a Python session in a bundle (format 3)', () => {
  it('keeps its code in solution.py, says so in the report, and round-trips its language', async () => {
    const files = unzipSync(await buildBundle(pythonSource()));
    expect(Object.keys(files)).toContain('solution.py');
    expect(Object.keys(files)).not.toContain('solution.ts');
    expect(strFromU8(files['report.md']!)).toContain('- Language: Python');
    expect(strFromU8(files['report.md']!)).toContain('The final code is in solution.py');
    const parsed = await parseBundle(await buildBundle(pythonSource()));
    expect(parsed.session.language).toBe('python');
  });

  it('a TypeScript session (or one from before languages) still reads as TypeScript, from solution.ts', async () => {
    const parsed = await parseBundle(await buildBundle(fixtureSource()));
    expect(parsed.session.language).toBeUndefined();
  });

  it('refuses a Python session whose code is in solution.ts', async () => {
    const files = await goodFiles(pythonSource());
    files['solution.ts'] = files['solution.py']!;
    delete files['solution.py'];
    await expectRefused(await rezipSigned(files), 'inconsistent', /in Python, so its code must be in solution\.py/);
  });

  it('refuses a bundle with both solution files', async () => {
    const files = await goodFiles(pythonSource());
    files['solution.ts'] = files['solution.py']!;
    await expectRefused(await rezipSigned(files), 'inconsistent', /must be in solution\.py, not solution\.ts/);
  });

  it('refuses a language it does not know', async () => {
    const files = await goodFiles(pythonSource());
    const json = JSON.parse(strFromU8(files['session.json']!)) as { session: Record<string, unknown> };
    json.session.language = 'cobol';
    files['session.json'] = strToU8(JSON.stringify(json));
    await expectRefused(await rezipSigned(files), 'schema-violation', /session\.json/);
  });
});
