import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { strFromU8, unzipSync } from 'fflate';
import { BUNDLE_FORMAT_VERSION } from './format';
import { describe, expect, it } from 'vitest';
import manifestSchema from '../../../schemas/bundle-manifest.schema.json';
import sessionSchema from '../../../schemas/session.schema.json';
import eventSchema from '../../../schemas/event.schema.json';
import levelsSchema from '../../../schemas/levels.schema.json';
import { buildBundle, bundleFileName } from './buildBundle';
import { parseBundle } from './parseBundle';
import { fixtureSource } from './testFixture';

const hasUnzip = (() => {
  try {
    execFileSync('which', ['unzip']);
    return true;
  } catch {
    return false;
  }
})();

describe('buildBundle', () => {
  it('zips the documented files, each listed in the manifest with its real SHA-256 and size', async () => {
    const zip = await buildBundle(fixtureSource());
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'audio/segment-0.webm',
      'events.jsonl',
      'files/solution.ts',
      'levels.json',
      'manifest.json',
      'notes.md',
      'report.md',
      'session.json',
    ]);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({
      format: 'rehearse-session-bundle',
      formatVersion: BUNDLE_FORMAT_VERSION,
      appVersion: '0.1.0',
      createdAt: '2026-11-25T10:05:00.000Z',
    });
    expect(manifest.files).toHaveLength(7);
    for (const f of manifest.files) {
      expect(f.sha256).toBe(createHash('sha256').update(files[f.path]!).digest('hex'));
      expect(f.bytes).toBe(files[f.path]!.byteLength);
    }
    expect(strFromU8(files['files/solution.ts']!)).toBe('export function f() {\n  return 1;\n}\n');
    expect(strFromU8(files['notes.md']!)).toBe('- empty input\n- burst\n');
  });

  it('writes JSON that a standard validator (ajv, draft 2020-12) accepts against the published schemas', async () => {
    const files = unzipSync(await buildBundle(fixtureSource()));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const check = (schema: object, value: unknown) => {
      const validate = ajv.compile(schema);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };
    check(manifestSchema, JSON.parse(strFromU8(files['manifest.json']!)));
    const session = JSON.parse(strFromU8(files['session.json']!));
    check(sessionSchema, session);
    check(levelsSchema, JSON.parse(strFromU8(files['levels.json']!)));
    const lines = strFromU8(files['events.jsonl']!).trimEnd().split('\n');
    expect(lines).toHaveLength(fixtureSource().events.length);
    const validateEvent = ajv.compile(eventSchema);
    for (const line of lines) expect(validateEvent(JSON.parse(line)), line).toBe(true);
    // Twelve event types appear in the fixture; everyBundleEvent.test.ts takes one of every type through a bundle.
    expect(new Set(lines.map((l) => JSON.parse(l).type)).size).toBe(12);
    expect(session.facts).toMatchObject({ runs: 2, submits: 1, followUpsAsked: 1 });
    expect(session.readiness).toHaveLength(4);
  });

  it('reads back exactly what it wrote', async () => {
    const source = fixtureSource();
    const parsed = await parseBundle(await buildBundle(source));
    expect(parsed.session).toEqual(source.session);
    expect(parsed.events).toEqual(source.events);
    expect(parsed.review).toEqual(source.review);
    expect(parsed.levels).toEqual(source.levels);
    expect(parsed.audio).toEqual(source.audio);
    expect(parsed.problem).toEqual({ id: 'token-bucket', title: 'Token-bucket rate limiter' });
  });

  it('exports a session without audio or review: no levels, no audio files', async () => {
    const source = fixtureSource({ review: null, audio: [], levels: [] });
    source.session = { ...source.session, audio: null, audioOffReason: 'denied', silences: [] };
    const files = unzipSync(await buildBundle(source));
    expect(Object.keys(files)).not.toContain('levels.json');
    expect(Object.keys(files).some((n) => n.startsWith('audio/'))).toBe(false);
    expect(strFromU8(files['report.md']!)).toContain('not reviewed');
    const parsed = await parseBundle(await buildBundle(source));
    expect(parsed.session.audio).toBeNull();
    expect(parsed.review).toBeNull();
  });

  it('writes a readable report: scores, learnings, facts and the follow-ups asked', async () => {
    const report = strFromU8(unzipSync(await buildBundle(fixtureSource()))['report.md']!);
    expect(report).toContain('# Token-bucket rate limiter');
    expect(report).toContain('| Talked continuously | 7 / 10 | long pause \\| mid-way |');
    expect(report).toContain('Total: 16 of 20 (2 of 6 items scored)');
    expect(report).toContain('> Talk while typing.');
    expect(report).toContain('- Runs: 2; Submits: 1');
    expect(report).toContain('in: What if the clock goes backwards?');
    expect(report).toMatch(/## Clarifying questions asked\n\n- .* in: How many users\?/);
    expect(report).toMatch(/- Clarifying questions: Asked \d clarifying questions? before coding/);
  });

  it.skipIf(!hasUnzip)('makes a zip that unzip -t accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    const file = join(dir, 'bundle.zip');
    writeFileSync(file, await buildBundle(fixtureSource()));
    expect(execFileSync('unzip', ['-t', file]).toString()).toContain('No errors detected');
  });

  it('names the file after the problem and the local start time', () => {
    const startedAt = new Date(2026, 10, 5, 9, 7).getTime();
    expect(bundleFileName('token-bucket', startedAt)).toBe('token-bucket-2026-11-05-0907.zip');
  });
});
