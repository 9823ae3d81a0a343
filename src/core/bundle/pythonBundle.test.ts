import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle } from './buildBundle';
import { parseBundle } from './parseBundle';
import { expectRefused, goodFiles, legacyFiles, rezipSigned } from './testBundles';
import { fixtureSource } from './testFixture';

/** The fixture session, recorded in Python: its log names the code 'solution.py', as projects log it. */
function pythonSource() {
  const source = fixtureSource();
  const events = source.events.map((e) =>
    (e.type === 'snapshot' || e.type === 'edit') && e.file === 'solution.ts' ? { ...e, file: 'solution.py' } : e,
  );
  return { ...source, events, session: { ...source.session, language: 'python' as const } };
}

describe('a Python session in a bundle', () => {
  it('keeps its code in files/solution.py, says so in the report, and round-trips its language', async () => {
    const files = unzipSync(await buildBundle(pythonSource()));
    expect(Object.keys(files)).toContain('files/solution.py');
    expect(Object.keys(files).filter((n) => n.startsWith('files/') || n.startsWith('solution'))).toEqual(['files/solution.py']);
    const report = strFromU8(files['report.md']!);
    expect(report).toContain('- Language: Python');
    expect(report).toContain('## Files');
    expect(report).toContain('- `solution.py`');
    const parsed = await parseBundle(await buildBundle(pythonSource()));
    expect(parsed.session.language).toBe('python');
    expect(parsed.events).toEqual(pythonSource().events);
  });

  it('a TypeScript session (or one from before languages) still reads as TypeScript', async () => {
    const parsed = await parseBundle(await buildBundle(fixtureSource()));
    expect(parsed.session.language).toBeUndefined();
  });

  it('refuses a language it does not know', async () => {
    const files = await goodFiles(pythonSource());
    const json = JSON.parse(strFromU8(files['session.json']!)) as { session: Record<string, unknown> };
    json.session.language = 'cobol';
    files['session.json'] = strToU8(JSON.stringify(json));
    await expectRefused(await rezipSigned(files), 'schema-violation', /session\.json/);
  });
});

describe('a Python session in a format 3 or 4 bundle', () => {
  it("reads its solution.py, and renames its log's 'solution.ts' to 'solution.py' (the format 5 migration)", async () => {
    const files = await legacyFiles(pythonSource());
    expect(Object.keys(files)).toContain('solution.py');
    expect(strFromU8(files['events.jsonl']!)).toContain('"file":"solution.ts"');
    for (const version of [3, 4]) {
      const parsed = await parseBundle(await rezipSigned(files, version));
      expect(parsed.manifest.formatVersion).toBe(version);
      expect(parsed.events).toEqual(pythonSource().events);
    }
  });

  it('refuses a Python session whose code is in solution.ts', async () => {
    const files = await legacyFiles(pythonSource());
    files['solution.ts'] = files['solution.py']!;
    delete files['solution.py'];
    await expectRefused(await rezipSigned(files, 4), 'inconsistent', /in Python, so its code must be in solution\.py/);
  });

  it('refuses a bundle with both solution files', async () => {
    const files = await legacyFiles(pythonSource());
    files['solution.ts'] = files['solution.py']!;
    await expectRefused(await rezipSigned(files, 4), 'inconsistent', /must be in solution\.py, not solution\.ts/);
  });

  it('a TypeScript session of format 4 keeps its log as it is', async () => {
    const parsed = await parseBundle(await rezipSigned(await legacyFiles(fixtureSource()), 4));
    expect(parsed.events).toEqual(fixtureSource().events);
  });
});
