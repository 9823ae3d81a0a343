/**
 * Inflates one entry the directory check accepted, never producing more than its declared size: the
 * declared size is only a claim, so a stream that would inflate past it is stopped within one 16 kB input
 * chunk (at most ~16 MB of output at deflate's 1032:1 maximum) instead of filling memory.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { BundleError, fail } from './errors';
import type { ZipEntry } from './zipDirectory';

const INPUT_CHUNK = 16 * 1024;

/**
 * `checkCrc`: the zip's own CRC-32 is checked only where no SHA-256 covers the file (manifest.json); for
 * the others the manifest's SHA-256 is the stronger check, and a second pass over 10 MB of audio costs ~20 ms.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, checkCrc: boolean): Uint8Array {
  const compressed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const out = entry.method === 0 ? compressed : inflateBounded(compressed, entry);
  if (checkCrc && crc32(out) !== entry.crc32)
    fail('damaged-entry', `“${entry.name}” in this bundle is damaged (its zip checksum does not match).`);
  return out;
}

function inflateBounded(compressed: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  const stream = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      fail('size-mismatch', `“${entry.name}” in this bundle inflates to more than the ${entry.size} bytes it declares: refused.`);
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < compressed.length; at += INPUT_CHUNK) {
      const end = Math.min(compressed.length, at + INPUT_CHUNK);
      stream.push(compressed.subarray(at, end), end === compressed.length);
    }
    if (compressed.length === 0) stream.push(compressed, true);
  } catch (e) {
    if (e instanceof BundleError) throw e;
    fail('damaged-entry', `“${entry.name}” in this bundle is damaged and cannot be decompressed.`);
  }
  if (written !== out.length)
    fail('size-mismatch', `“${entry.name}” in this bundle is shorter than the ${entry.size} bytes it declares: it is damaged.`);
  return out;
}
