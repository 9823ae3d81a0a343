/**
 * The backup validator: a good backup round-trips; damaged ones are refused with a reason (checksums,
 * sizes, names, schemas, guards, the sessions' own checks); and under fuzzing (seeded byte flips and
 * truncations) it never throws anything but a BundleError.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle, manifestFiles } from '../bundle/buildBundle';
import { BundleError } from '../bundle/errors';
import { FIXTURE_SESSION_ID, fixtureSource } from '../bundle/testFixture';
import { prng } from '../testing/prng';
import { parseBackup } from './parseBackup';
import { SECOND_SESSION_ID, testBackupBytes, testProfile } from './testBackup';

async function refusal(bytes: Uint8Array): Promise<BundleError> {
  try {
    await parseBackup(bytes);
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw e;
  }
  throw new Error('the backup was accepted');
}

/** Re-zips changed files with a manifest that matches them: only the content checks can refuse them. */
async function resigned(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  const content = new Map(Object.entries(files).filter(([name]) => name !== 'manifest.json'));
  const manifest = {
    format: 'rehearse-backup',
    formatVersion: 1,
    appVersion: '0',
    createdAt: '2026-12-07T00:00:00Z',
    files: await manifestFiles(content),
  };
  return zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), ...Object.fromEntries(content) });
}

describe('restoring a backup: the validator', () => {
  it('reads back every session and record as they went in', async () => {
    const parsed = await parseBackup(await testBackupBytes());
    expect(parsed.sessions.map((s) => s.session.id).sort()).toEqual([SECOND_SESSION_ID, FIXTURE_SESSION_ID].sort());
    expect(parsed.sessions[0]!.audio).toHaveLength(1);
    expect(parsed.profile).toEqual(testProfile());
  });

  it('reports progress over the files and the sessions', async () => {
    const seen: string[] = [];
    await parseBackup(await testBackupBytes(), { onProgress: (p) => seen.push(`${p.stage} ${p.done}/${p.total}`) });
    expect(seen).toContain('files 3/3');
    expect(seen.at(-1)).toBe('sessions 2/2');
  });

  it('refuses a file changed after it was made (checksum)', async () => {
    const files = unzipSync(await testBackupBytes());
    files['profile.json'] = strToU8(JSON.stringify({ ...testProfile(), settings: {} }));
    expect((await refusal(zipSync(files))).code).toBe('checksum-mismatch');
  });

  it('refuses a truncated file and one that is not a zip', async () => {
    const bytes = await testBackupBytes();
    expect((await refusal(bytes.subarray(0, bytes.length - 100))).code).toBe('truncated');
    expect((await refusal(strToU8('hello'))).message).toMatch(/not a Rehearse backup/);
    expect((await refusal(new Uint8Array(0))).message).toMatch(/empty/);
  });

  it('refuses a session bundle offered as a backup, saying where it goes', async () => {
    const error = await refusal(await buildBundle(fixtureSource()));
    expect(error.code).toBe('wrong-format');
    expect(error.message).toMatch(/one session’s bundle, not a backup: import it on the Sessions page/);
  });

  it('refuses a damaged record in profile.json, naming it', async () => {
    const files = unzipSync(await testBackupBytes());
    const profile = testProfile() as unknown as Record<string, unknown[]>;
    profile.practice = [{ problemId: 'x', status: 'broken' }];
    files['profile.json'] = strToU8(JSON.stringify(profile));
    const error = await refusal(await resigned(files));
    expect(error.code).toBe('schema-violation');
    expect(error.message).toMatch(/damaged practice record \(number 1\)/);
  });

  it('refuses an unknown file, a foreign setting and a session filed under another id', async () => {
    const files = unzipSync(await testBackupBytes());
    expect((await refusal(await resigned({ ...files, 'evil.js': strToU8('x') }))).code).toBe('unexpected-file');
    const profile = { ...testProfile(), settings: { 'other.app': 'x' } };
    expect((await refusal(await resigned({ ...files, 'profile.json': strToU8(JSON.stringify(profile)) }))).message).toMatch(/setting/);
    const moved = { ...files };
    moved['sessions/11111111-2222-4333-8444-555555555555.zip'] = moved[`sessions/${SECOND_SESSION_ID}.zip`]!;
    delete moved[`sessions/${SECOND_SESSION_ID}.zip`];
    expect((await refusal(await resigned(moved))).code).toBe('inconsistent');
  });

  it('refuses a backup whose session fails its own checks, saying which', async () => {
    const files = unzipSync(await testBackupBytes());
    const inner = unzipSync(files[`sessions/${FIXTURE_SESSION_ID}.zip`]!);
    inner['events.jsonl'] = strToU8('{"t":0,"type":"nonsense"}\n');
    files[`sessions/${FIXTURE_SESSION_ID}.zip`] = zipSync(inner);
    const error = await refusal(await resigned(files));
    expect(error.message).toMatch(new RegExp(`^The session in “sessions/${FIXTURE_SESSION_ID}.zip” is refused: `));
  });

  it('under fuzzing (byte flips, truncations) refuses with a BundleError or reads the same backup', async () => {
    const good = await testBackupBytes();
    const expected = await parseBackup(good);
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed);
      const bytes = good.slice(0, rand() < 0.2 ? Math.floor(rand() * good.length) : good.length);
      for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
        const at = Math.floor(rand() * bytes.length);
        bytes[at] = bytes[at]! ^ (1 + Math.floor(rand() * 255));
      }
      try {
        const parsed = await parseBackup(bytes);
        // A flip in bytes nothing reads (a zip entry's date, an extra field) may leave the content intact.
        expect(parsed.profile, `seed ${seed}`).toEqual(expected.profile);
        expect(
          parsed.sessions.map((s) => s.events),
          `seed ${seed}`,
        ).toEqual(expected.sessions.map((s) => s.events));
      } catch (e) {
        expect(e, `seed ${seed}: ${String(e)}`).toBeInstanceOf(BundleError);
      }
    }
  });
});
