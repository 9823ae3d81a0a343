/**
 * Every way a bundle can be bad, each refused with its own error and message. Bundles are built in
 * memory with fflate, then damaged.
 */
import { strFromU8, strToU8 } from 'fflate';
import { BUNDLE_FORMAT_VERSION } from './format';
import { describe, expect, it } from 'vitest';
import { buildBundle } from './buildBundle';
import { parseBundle } from './parseBundle';
import { expectRefused, goodFiles, legacyFiles, rezip, rezipSigned } from './testBundles';
import { fixtureSource } from './testFixture';

/** Sets the uncompressed size the central directory declares for `name` (the local header is left alone). */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = out.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (strFromU8(out.subarray(at + 46, at + 46 + nameLength)) === name) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`${name} not in the zip`);
}

const json = (bytes: Uint8Array) => JSON.parse(strFromU8(bytes));

describe('parseBundle refuses bad input, each with its own message', () => {
  it('a file of 0 bytes', async () => {
    await expectRefused(new Uint8Array(0), 'empty', /empty \(0 bytes\)/);
  });

  it('not a zip', async () => {
    await expectRefused(
      strToU8('{"hello": "this is JSON, not a zip"}'),
      'not-zip',
      /^This file is not a Rehearse bundle: it is not a zip archive\.$/,
    );
  });

  it('a truncated zip (the download cut short)', async () => {
    const zip = await buildBundle(fixtureSource());
    await expectRefused(zip.subarray(0, Math.floor(zip.length / 2)), 'truncated', /incomplete: the end of the zip archive is missing/);
  });

  it('a zip without manifest.json', async () => {
    const { ['manifest.json']: _, ...rest } = await goodFiles();
    await expectRefused(rezip(rest), 'missing-manifest', /it has no manifest\.json/);
  });

  it('a manifest of another format', async () => {
    const files = await goodFiles();
    files['manifest.json'] = strToU8(JSON.stringify({ ...json(files['manifest.json']!), format: 'something-else' }));
    await expectRefused(rezip(files), 'wrong-format', /does not name the Rehearse bundle format/);
  });

  it('a newer format version', async () => {
    const files = await goodFiles();
    files['manifest.json'] = strToU8(JSON.stringify({ ...json(files['manifest.json']!), formatVersion: BUNDLE_FORMAT_VERSION + 1 }));
    await expectRefused(
      rezip(files),
      'unsupported-version',
      new RegExp(
        `newer version of Rehearse \\(bundle format ${BUNDLE_FORMAT_VERSION + 1}\\); this version reads format ${BUNDLE_FORMAT_VERSION}`,
      ),
    );
  });

  it('an unknown format version', async () => {
    const files = await goodFiles();
    files['manifest.json'] = strToU8(JSON.stringify({ ...json(files['manifest.json']!), formatVersion: '1' }));
    await expectRefused(rezip(files), 'unsupported-version', /format version \("1"\) is not one Rehearse knows/);
  });

  it('a file changed after export (checksum mismatch)', async () => {
    const files = await goodFiles();
    // Same length, different bytes, so only the checksum can tell.
    files['files/solution.ts'] = strToU8(strFromU8(files['files/solution.ts']!).replace('return 1', 'return 2'));
    await expectRefused(rezip(files), 'checksum-mismatch', /“files\/solution\.ts” in this bundle does not match its checksum/);
  });

  it('session.json that breaks the schema', async () => {
    const files = await goodFiles();
    const session = json(files['session.json']!);
    session.session.startedAt = 'yesterday';
    files['session.json'] = strToU8(JSON.stringify(session));
    await expectRefused(await rezipSigned(files), 'schema-violation', /session\.json is malformed: \/session\/startedAt must be number/);
  });

  it('an event line that breaks the schema', async () => {
    const files = await goodFiles();
    const lines = strFromU8(files['events.jsonl']!).split('\n');
    lines[7] = JSON.stringify({ ...JSON.parse(lines[7]!), t: -5 });
    files['events.jsonl'] = strToU8(lines.join('\n'));
    await expectRefused(
      await rezipSigned(files),
      'schema-violation',
      /Line 8 of this bundle's events\.jsonl is malformed: \/t must be >= 0/,
    );
  });

  it('an event of an unknown type', async () => {
    const files = await goodFiles();
    files['events.jsonl'] = strToU8(`${strFromU8(files['events.jsonl']!)}{"t":99999,"type":"<script>"}\n`);
    await expectRefused(await rezipSigned(files), 'schema-violation', /Line 22 .* unknown event type "<script>"/);
  });

  it('an entry whose declared size is over its limit', async () => {
    const zip = patchDeclaredSize(await buildBundle(fixtureSource()), 'events.jsonl', 300 * 1024 * 1024);
    await expectRefused(zip, 'entry-too-large', /“events\.jsonl” in this bundle would be 300 MB uncompressed; the limit is 20 MB/);
  });

  it('a zip bomb is bounded by sizes, not by its compression ratio: it never inflates past what it declares', async () => {
    // 8 MB of spaces deflate to ~8 kB (1000:1): within the events limit, so it is inflated (to exactly its
    // declared size, no more) and then refused because its content is not what the manifest listed.
    const files = await goodFiles();
    files['events.jsonl'] = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    await expectRefused(rezip(files), 'checksum-mismatch', /“events\.jsonl” in this bundle is 8388608 bytes but its manifest says/);
    // A bomb that lies about its size stops at the size it declared (see the next test); one that tells
    // the truth is stopped by the per-file limit before anything is inflated.
    const bomb = patchDeclaredSize(rezip(files), 'events.jsonl', 21 * 1024 * 1024);
    await expectRefused(bomb, 'entry-too-large', /“events\.jsonl” in this bundle would be 21 MB uncompressed; the limit is 20 MB/);
  });

  it('an entry that inflates past the size it declares', async () => {
    // manifest.json is inflated first, before any listing check could notice the size.
    const zip = patchDeclaredSize(await buildBundle(fixtureSource()), 'manifest.json', 100);
    await expectRefused(zip, 'size-mismatch', /“manifest\.json” in this bundle inflates to more than the 100 bytes it declares/);
    const listed = patchDeclaredSize(await buildBundle(fixtureSource()), 'events.jsonl', 100);
    await expectRefused(listed, 'checksum-mismatch', /“events\.jsonl” in this bundle is 100 bytes but its manifest says/);
  });

  it('path traversal names (../x)', async () => {
    const files = await goodFiles();
    await expectRefused(rezip({ ...files, '../x': strToU8('x') }), 'unsafe-name', /“\.\.\/x” points outside the bundle/);
    await expectRefused(rezip({ ...files, 'audio/../../x': strToU8('x') }), 'unsafe-name', /points outside the bundle/);
  });

  it('absolute paths and backslashes', async () => {
    const files = await goodFiles();
    await expectRefused(rezip({ ...files, '/etc/passwd': strToU8('x') }), 'unsafe-name', /is an absolute path/);
    await expectRefused(rezip({ ...files, 'C:/x': strToU8('x') }), 'unsafe-name', /is an absolute path/);
    await expectRefused(rezip({ ...files, 'audio\\segment-0.webm': strToU8('x') }), 'unsafe-name', /uses backslashes/);
  });

  it('a file that is not one of a bundle’s files', async () => {
    const files = await goodFiles();
    await expectRefused(
      rezip({ ...files, 'index.html': strToU8('<script>alert(1)</script>') }),
      'unexpected-file',
      /contains “index\.html”, which is not one of a bundle's files/,
    );
  });

  it('a file the manifest does not list, or a listed file that is missing', async () => {
    const files = await goodFiles();
    await expectRefused(
      rezip({ ...files, 'audio/segment-1.webm': new Uint8Array(10) }),
      'unlisted-file',
      /“audio\/segment-1\.webm”, which its manifest does not list/,
    );
    const { ['report.md']: _, ...rest } = files;
    await expectRefused(rezip(rest), 'missing-file', /“report\.md”, listed in its manifest, is missing/);
  });

  it('a log that does not replay to the files it holds', async () => {
    const files = await goodFiles();
    files['files/solution.ts'] = strToU8('// something else\n');
    await expectRefused(await rezipSigned(files), 'inconsistent', /does not replay to the code in its files\/solution\.ts/);
  });

  it('a format 1–4 log that does not replay to solution.ts', async () => {
    const files = await legacyFiles();
    files['solution.ts'] = strToU8('// something else\n');
    await expectRefused(await rezipSigned(files, 4), 'inconsistent', /does not replay to the code in its solution\.ts/);
  });

  it('audio for a segment the session does not have', async () => {
    const files = await goodFiles();
    files['audio/segment-3.webm'] = new Uint8Array(16);
    await expectRefused(await rezipSigned(files), 'inconsistent', /its session has no audio segment 3/);
  });

  it('a problem this app does not know', async () => {
    const zip = await buildBundle(fixtureSource());
    await expect(parseBundle(zip, { knowsProblem: () => false })).rejects.toMatchObject({
      code: 'unknown-problem',
      message: expect.stringContaining('“Token-bucket rate limiter” (token-bucket)'),
    });
  });

  it('a session exported while recording comes back as interrupted', async () => {
    const source = fixtureSource();
    source.session.status = 'recording';
    expect((await parseBundle(await buildBundle(source))).session.status).toBe('interrupted');
  });
});
