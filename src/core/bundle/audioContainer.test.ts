import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webmProblem } from './audioContainer';
import { syntheticWebm } from './testFixture';

const hasFfmpeg = (() => {
  try {
    execFileSync('which', ['ffmpeg']);
    return true;
  } catch {
    return false;
  }
})();

describe('webmProblem', () => {
  it('accepts the structure MediaRecorder writes (unknown-size Segment and Cluster)', () => {
    expect(webmProblem(syntheticWebm(new Uint8Array(100)))).toBeNull();
  });

  it.skipIf(!hasFfmpeg)('accepts a real WebM/Opus file (ffmpeg: SeekHead and Void before Info and Tracks)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'webm-')), 'a.webm');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=1',
      '-c:a',
      'libopus',
      '-b:a',
      '32k',
      '-y',
      file,
    ]);
    expect(webmProblem(new Uint8Array(readFileSync(file)))).toBeNull();
  });

  it('refuses what only looks like WebM', () => {
    expect(webmProblem(new Uint8Array(0))).toMatch(/does not start with the WebM signature/);
    expect(webmProblem(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe('its WebM header is damaged');
    // A header with no DocType.
    expect(webmProblem(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x86, 0x81, 0x01]))).toBe(
      'its WebM header names no document type',
    );
    // A good header followed by something that is not a Segment.
    const good = syntheticWebm(new Uint8Array(10));
    const headerEnd = good.indexOf(0x18);
    expect(webmProblem(Uint8Array.from([...good.subarray(0, headerEnd), 0x42, 0x42]))).toBe('it has no WebM Segment after its header');
    // A Segment that ends before any Tracks.
    expect(webmProblem(good.subarray(0, headerEnd + 12))).toBe('it has no WebM track description');
  });
});
