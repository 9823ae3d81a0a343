/**
 * The import rules of issue 12: times within the session, ids as the app makes them, audio that is a
 * real recording, and no compression-ratio limit (so long silent sessions import). Each bad bundle is
 * refused with its own message; parseBundle writes nothing, so a refusal leaves storage as it was.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { buildBundle } from './buildBundle';
import { parseBundle } from './parseBundle';
import type { ImportProgress } from './progress';
import { expectRefused, goodFiles, rezipSigned, type Files } from './testBundles';
import { fixtureSource, syntheticWebm } from './testFixture';

const json = (bytes: Uint8Array) => JSON.parse(strFromU8(bytes));

/** The fixture's files with session.json (record part) changed, signed again. */
async function withSession(change: (session: Record<string, unknown>) => void, files?: Files): Promise<Uint8Array> {
  const f = files ?? (await goodFiles());
  const sessionJson = json(f['session.json']!);
  change(sessionJson.session);
  f['session.json'] = strToU8(JSON.stringify(sessionJson));
  return rezipSigned(f);
}

/** The fixture's files with one event line replaced (1-based), signed again. */
async function withEventLine(line: number, change: (event: Record<string, unknown>) => void): Promise<Uint8Array> {
  const files = await goodFiles();
  const lines = strFromU8(files['events.jsonl']!).split('\n');
  const event = JSON.parse(lines[line - 1]!);
  change(event);
  lines[line - 1] = JSON.stringify(event);
  files['events.jsonl'] = strToU8(lines.join('\n'));
  return rezipSigned(files);
}

describe('times must lie within the session', () => {
  // The fixture session lasts 12 s (finished); the tolerance is 2 s.
  it('an event at t = 1e15 ms is refused, naming its line', async () => {
    const source = fixtureSource();
    source.events.push({ t: 1e15, type: 'pause' });
    await expectRefused(
      await buildBundle(source),
      'out-of-range',
      /^Line 22 of this bundle's events\.jsonl has t = 1000000000000000 ms, after the session's end \(12 s\)\.$/,
    );
  });

  it('an event just inside the tolerance is accepted, one just past it is refused', async () => {
    const inside = fixtureSource();
    inside.events.push({ t: 14_000, type: 'pause' });
    expect((await parseBundle(await buildBundle(inside))).events).toHaveLength(22);
    const outside = fixtureSource();
    outside.events.push({ t: 14_001, type: 'pause' });
    await expectRefused(await buildBundle(outside), 'out-of-range', /Line 22 .* has t = 14 s, after the session's end/);
  });

  it('the last line (the phase ending at Finish) moved ten minutes on is refused', async () => {
    const bytes = await withEventLine(21, (e) => {
      e.t = 600_000;
    });
    await expectRefused(bytes, 'out-of-range', /Line 21 of this bundle's events\.jsonl has t = 10 min/);
  });

  it('a phase whose active time exceeds the session is refused', async () => {
    const bytes = await withEventLine(21, (e) => {
      e.actualMs = 3_600_000;
    });
    await expectRefused(
      bytes,
      'out-of-range',
      /Line 21 of this bundle's events\.jsonl has actualMs = 1 h, after the session's end \(12 s\)/,
    );
  });

  it('a silence outside the session is refused, naming the silence', async () => {
    await expectRefused(
      await withSession(
        (s) =>
          (s.silences = [
            { startMs: 1_000, endMs: 2_000 },
            { startMs: 5_000, endMs: 90_000 },
          ]),
      ),
      'out-of-range',
      /^Silence 2 in this bundle's session\.json \(5\.0 s to 1 min 30 s\) lies outside the session/,
    );
    await expectRefused(
      await withSession((s) => (s.silences = [{ startMs: -5_000, endMs: 1_000 }])),
      'out-of-range',
      /^Silence 1 in this bundle's session\.json/,
    );
  });

  it('an audio segment that runs past the end is refused', async () => {
    const bytes = await withSession((s) => ((s.audio as { segments: { durationMs: number }[] }).segments[0]!.durationMs = 120_000));
    await expectRefused(
      bytes,
      'out-of-range',
      /^Audio segment 0 in this bundle's session\.json runs to 2 min, after the session's end \(12 s\)\.$/,
    );
  });

  it('levels longer than the session are refused', async () => {
    const files = await goodFiles();
    const levels = json(files['levels.json']!);
    levels.segments[0].db = new Array(10_000).fill(-40);
    files['levels.json'] = strToU8(JSON.stringify(levels));
    await expectRefused(
      await rezipSigned(files),
      'out-of-range',
      /^The levels of audio segment 0 in this bundle's levels\.json run to 8 min 20 s, after the session's end/,
    );
  });

  it('a session that ends before it starts, or lasts more than 30 days, is refused', async () => {
    await expectRefused(
      await withSession((s) => (s.endedAt = (s.startedAt as number) - 1)),
      'out-of-range',
      /session ended before it started/,
    );
    await expectRefused(
      await withSession((s) => (s.endedAt = (s.startedAt as number) + 1e15)),
      'out-of-range',
      /lasted 1000000000000000 ms; a session may last at most 720 h/,
    );
  });

  it('a session cut off before its end (no endedAt) is bounded by the longest a session may last', async () => {
    const source = fixtureSource();
    source.session = { ...source.session, status: 'interrupted', endedAt: null };
    source.events.push({ t: 3_600_000, type: 'pause' });
    expect((await parseBundle(await buildBundle(source))).session.endedAt).toBeNull();
    source.events.push({ t: 31 * 24 * 3_600_000, type: 'resume' });
    await expectRefused(await buildBundle(source), 'out-of-range', /Line 23 .* after the longest a session may last \(720 h\)/);
  });
});

describe('session ids must be the app’s own', () => {
  it('a path-like id with HTML is refused, quoting it as text', async () => {
    const bytes = await withSession((s) => (s.id = '../../x?y=1#/<b>odd</b>'));
    await expectRefused(
      bytes,
      'invalid-session-id',
      /^This bundle's session\.json has the session id "\.\.\/\.\.\/x\?y=1#\/<b>odd<\/b>", which is not one Rehearse makes/,
    );
  });

  it('an upper-case or braced UUID, or a non-string id, is refused too', async () => {
    await expectRefused(
      await withSession((s) => (s.id = '5E55A0B1-7C2D-4E3F-8A9B-0C1D2E3F4A5B')),
      'invalid-session-id',
      /session id "5E55A0B1/,
    );
    await expectRefused(
      await withSession((s) => (s.id = '{5e55a0b1-7c2d-4e3f-8a9b-0c1d2e3f4a5b}')),
      'invalid-session-id',
      /session id "\{5e55/,
    );
    await expectRefused(await withSession((s) => (s.id = 42)), 'invalid-session-id', /session id "42"/);
  });

  it('a very long id is cut short in the message, and control characters show escaped', async () => {
    const error = await expectRefused(
      await withSession((s) => (s.id = `a\u0000b${'x'.repeat(500)}`)),
      'invalid-session-id',
      /"a\\u0000bxxx/,
    );
    expect(error.message.length).toBeLessThan(260);
  });
});

describe('audio must be a real recording', () => {
  it('an audio file full of HTML is refused', async () => {
    const files = await goodFiles();
    files['audio/segment-0.webm'] = strToU8('<!doctype html><html><body><script>alert(1)</script></body></html>');
    await expectRefused(
      await rezipSigned(files),
      'not-audio',
      /^“audio\/segment-0\.webm” in this bundle is not a playable recording: it does not start with the WebM signature \(1A 45 DF A3\)\.$/,
    );
  });

  it('the WebM signature alone is not enough: the header must name WebM and Tracks must come before the audio', async () => {
    const files = await goodFiles();
    const good = files['audio/segment-0.webm']!;
    files['audio/segment-0.webm'] = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, ...strToU8('<html>')]);
    await expectRefused(await rezipSigned(files), 'not-audio', /its WebM header is damaged/);
    const matroska = good.slice();
    matroska.set(strToU8('mkv!'), strFromU8(good.subarray(0, 60), true).indexOf('webm'));
    files['audio/segment-0.webm'] = matroska;
    await expectRefused(await rezipSigned(files), 'not-audio', /its header says it is “mkv!”, not WebM/);
    const noTracks = good.slice();
    noTracks.set([0x1f, 0x43, 0xb6, 0x75], strFromU8(good, true).indexOf('\u0016T\u00aek'));
    files['audio/segment-0.webm'] = noTracks;
    await expectRefused(await rezipSigned(files), 'not-audio', /its audio starts before its track description/);
  });

  it('an audio file whose container differs from its segment’s type is refused', async () => {
    const files = await goodFiles();
    const { ['audio/segment-0.webm']: audio, ...rest } = files;
    rest['audio/segment-0.ogg'] = audio!;
    await expectRefused(
      await rezipSigned(rest),
      'inconsistent',
      /“audio\/segment-0\.ogg”, but its session recorded segment 0 as audio\/webm;codecs=opus/,
    );
  });

  it('Ogg and MP4 recordings (other browsers) are accepted by their signatures', async () => {
    for (const [mimeType, bytes] of [
      ['audio/ogg;codecs=opus', Uint8Array.from([...strToU8('OggS'), 0, 2, 0, 0])],
      ['audio/mp4', Uint8Array.from([0, 0, 0, 24, ...strToU8('ftypisom'), 0, 0, 2, 0])],
    ] as const) {
      const source = fixtureSource({ audio: [{ index: 0, mimeType, bytes }] });
      source.session = { ...source.session, audio: { segments: [{ ...source.session.audio!.segments[0]!, mimeType }] } };
      expect((await parseBundle(await buildBundle(source))).audio[0]!.bytes).toEqual(bytes);
      const bad = fixtureSource({ audio: [{ index: 0, mimeType, bytes: syntheticWebm(new Uint8Array(8)) }] });
      bad.session = source.session;
      await expectRefused(
        await buildBundle(bad),
        'not-audio',
        /is not a playable recording: it does not start with (the Ogg signature|an MP4 “ftyp” box)/,
      );
    }
  });
});

const HOUR = 3_600_000;

/** A 3-hour session, 99 % silent: a few minutes of talk and edits at the start, then nothing. */
function threeHourSilentSession() {
  const source = fixtureSource();
  const frames = (3 * HOUR) / 50;
  const talkFrames = Math.floor(frames / 100);
  const db = Array.from({ length: frames }, (_, i) => (i < talkFrames ? -30 + (i % 11) : -100));
  const events: SessionEvent[] = [
    { t: 0, type: 'snapshot', file: 'solution.ts', text: 'export function f() {\n}\n' },
    { t: 0, type: 'phase', phaseId: 'plan', phaseIndex: 0 },
    { t: 60_000, type: 'edit', file: 'solution.ts', changes: [{ offset: 22, deleteCount: 0, insert: '  return 1;\n' }] },
    { t: 3 * HOUR - 500, type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 300_000, actualMs: 3 * HOUR - 500 },
  ];
  // Opus at ~32 kb/s for 3 hours: ~43 MB, stored (not deflated) in the zip.
  const audio = syntheticWebm(new Uint8Array(43 * 1024 * 1024).fill(0xf8));
  source.session = {
    ...source.session,
    endedAt: source.session.startedAt + 3 * HOUR,
    audio: { segments: [{ index: 0, mimeType: 'audio/webm;codecs=opus', startMs: 0, durationMs: 3 * HOUR }] },
    silences: [{ startMs: talkFrames * 50, endMs: 3 * HOUR }],
  };
  return {
    ...source,
    events,
    review: null,
    levels: [{ index: 0, db }],
    audio: [{ index: 0, mimeType: 'audio/webm;codecs=opus', bytes: audio }],
  };
}

describe('our own exports always import', () => {
  it('a 3-hour, 99 % silent session exported by buildBundle imports, though its levels compress over 500:1', async () => {
    const source = threeHourSilentSession();
    const zip = await buildBundle(source);
    // The case the old ratio limit refused: levels.json expands hundreds of times.
    const levelsBytes = unzipSync(zip, { filter: (f) => f.name === 'levels.json' })['levels.json']!.length;
    const compressed = (() => {
      const at = strFromU8(zip, true).lastIndexOf('levels.json');
      return new DataView(zip.buffer, zip.byteOffset).getUint32(at - 46 + 20, true);
    })();
    expect(levelsBytes / compressed).toBeGreaterThan(500);
    const stages: ImportProgress[] = [];
    const parsed = await parseBundle(zip, { onProgress: (p) => stages.push(p) });
    expect(parsed.session).toEqual(source.session);
    expect(parsed.levels[0]!.db).toHaveLength((3 * HOUR) / 50);
    expect(parsed.audio[0]!.bytes.length).toBe(source.audio[0]!.bytes.length);
    expect(parsed.events).toEqual(source.events);
    expect(stages.at(-1)).toEqual({ stage: 'audio', fraction: 1 });
  }, 30_000);
});
