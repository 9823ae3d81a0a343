/** Format 5: every file of the session's project under files/, checked against the log on import. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { buildBundle } from './buildBundle';
import { BUNDLE_LIMITS, MAX_AUDIO_SEGMENTS, MAX_PROJECT_FILES } from './format';
import { parseBundle } from './parseBundle';
import { expectRefused, goodFiles, legacyFiles, rezipSigned } from './testBundles';
import { fixtureSource, syntheticWebm } from './testFixture';

/** The fixture with a small project: a helper created, renamed, edited, and a scratch file deleted. */
function projectSource() {
  const source = fixtureSource();
  const more: SessionEvent[] = [
    { t: 8_100, type: 'file-create', file: 'lib/util.ts' },
    { t: 8_100, type: 'snapshot', file: 'lib/util.ts', text: 'export const one = 1;\n' },
    { t: 8_200, type: 'file-open', file: 'lib/util.ts' },
    { t: 8_300, type: 'file-rename', from: 'lib/util.ts', to: 'lib/numbers.ts' },
    { t: 8_400, type: 'edit', file: 'lib/numbers.ts', changes: [{ offset: 22, deleteCount: 0, insert: 'export const two = 2;\n' }] },
    { t: 8_500, type: 'file-create', file: 'scratch.ts' },
    { t: 8_600, type: 'file-delete', file: 'scratch.ts' },
  ];
  const events = [...source.events];
  events.splice(events.length - 1, 0, ...more);
  return { ...source, events, session: { ...source.session, features: ['typing', 'receipts'] } };
}

describe('a project session in a bundle (format 5)', () => {
  it('holds the files the log ends with, in tree order, lists them in the report, and reads back as it was', async () => {
    const source = projectSource();
    const zip = await buildBundle(source);
    const files = unzipSync(zip);
    expect(Object.keys(files).filter((n) => n.startsWith('files/'))).toEqual(['files/lib/numbers.ts', 'files/solution.ts']);
    expect(strFromU8(files['files/lib/numbers.ts']!)).toBe('export const one = 1;\nexport const two = 2;\n');
    expect(strFromU8(files['report.md']!)).toContain(
      'these 2 files, each under files/ in this bundle:\n\n- `lib/numbers.ts`\n- `solution.ts`\n',
    );
    const parsed = await parseBundle(zip);
    expect(parsed.events).toEqual(source.events);
    expect(parsed.session.features).toEqual(['typing', 'receipts']);
  });

  it('refuses a file the log does not end with, and a file of the log it lacks', async () => {
    const files = await goodFiles(projectSource());
    await expectRefused(
      await rezipSigned({ ...files, 'files/scratch.ts': strToU8('') }),
      'inconsistent',
      /holds files\/scratch\.ts, a file its event log does not end with/,
    );
    const { ['files/lib/numbers.ts']: _, ...rest } = files;
    await expectRefused(
      await rezipSigned(rest),
      'inconsistent',
      /ends with the file “lib\/numbers\.ts”, but the bundle has no files\/lib\/numbers\.ts/,
    );
    files['files/lib/numbers.ts'] = strToU8('changed');
    await expectRefused(await rezipSigned(files), 'inconsistent', /does not replay to the code in its files\/lib\/numbers\.ts/);
  });

  it('refuses paths that are not a project: not a path, two that differ in case, a file where a folder is', async () => {
    const files = await goodFiles();
    await expectRefused(await rezipSigned({ ...files, 'files/a//b.ts': strToU8('') }), 'unexpected-file', /contains “files\/a\/\/b\.ts”/);
    await expectRefused(
      await rezipSigned({ ...files, 'files/Solution.ts': strToU8('') }),
      'inconsistent',
      /“files\/[Ss]olution\.ts” cannot be a file of a project: “[Ss]olution\.ts” already exists/,
    );
    await expectRefused(
      await rezipSigned({ ...files, 'files/solution.ts/x.ts': strToU8('') }),
      'inconsistent',
      /cannot be a file of a project: “solution\.ts” is a file/,
    );
  });

  it('refuses a format 5+ bundle with a solution file, and a format 4 bundle with files/', async () => {
    const files = await goodFiles();
    await expectRefused(
      await rezipSigned({ ...files, 'solution.ts': strToU8('') }),
      'unexpected-file',
      /format \d+, which keeps the code under files\//,
    );
    const legacy = await legacyFiles();
    await expectRefused(
      await rezipSigned({ ...legacy, 'files/x.ts': strToU8('') }, 4),
      'unexpected-file',
      /format 4, which has no files\/ folder, yet it holds “files\/x\.ts”/,
    );
  });

  it('tolerates the folder entries a zip tool adds when someone re-zips it', async () => {
    const files = await goodFiles(projectSource());
    const rezipped = zipSync({ ...files, 'files/': new Uint8Array(0), 'files/lib/': new Uint8Array(0) });
    await expect(parseBundle(rezipped)).resolves.toMatchObject({ session: { features: ['typing', 'receipts'] } });
  });

  it(`fits ${MAX_PROJECT_FILES} files and ${MAX_AUDIO_SEGMENTS} audio segments, and refuses a file more`, async () => {
    const source = fixtureSource();
    const snapshots: SessionEvent[] = Array.from({ length: MAX_PROJECT_FILES }, (_, i) => ({
      t: 100,
      type: 'snapshot',
      file: i === 0 ? 'solution.ts' : `src/module-${String(i).padStart(3, '0')}/index.ts`,
      text: `export const n = ${i};\n`,
    }));
    const segments = Array.from({ length: MAX_AUDIO_SEGMENTS }, (_, index) => ({
      index,
      mimeType: 'audio/webm;codecs=opus',
      startMs: index * 200,
      durationMs: 200,
    }));
    const big = {
      ...source,
      events: snapshots,
      session: { ...source.session, audio: { segments } },
      levels: [],
      audio: segments.map((s) => ({ index: s.index, mimeType: s.mimeType, bytes: syntheticWebm(new Uint8Array(16)) })),
    };
    const zip = await buildBundle(big);
    expect(Object.keys(unzipSync(zip)).length).toBeLessThanOrEqual(BUNDLE_LIMITS.maxEntries);
    const parsed = await parseBundle(zip);
    expect(parsed.audio).toHaveLength(MAX_AUDIO_SEGMENTS);
    const files = await goodFiles(big);
    await expectRefused(await rezipSigned({ ...files, 'files/one-more.ts': strToU8('') }), 'too-many-files', /101 project files/);
  });
});
