/**
 * The manifest's promise, checked: it lists exactly the zip's other files, each once with its size, and
 * each file inflates to the bytes its SHA-256 names. Shared by the session bundle and the full backup
 * (core/backup), which differ only in their words.
 */
import { sha256Hex } from './checksum';
import { fail } from './errors';
import type { ManifestFile } from './format';
import { inflateEntry } from './inflateEntry';
import type { ZipEntry } from './zipDirectory';

export interface ArchiveWords {
  /** "bundle" or "backup". */
  noun: string;
  /** When it was made: "export", "it was made". */
  madeAt: string;
  manifestFile: string;
}

export const BUNDLE_WORDS: ArchiveWords = { noun: 'bundle', madeAt: 'export', manifestFile: 'manifest.json' };

/** Returns each listed path with its size. */
export function checkListedFiles(
  files: readonly ManifestFile[],
  entries: ReadonlyMap<string, ZipEntry>,
  words: ArchiveWords,
): Map<string, number> {
  const { noun, madeAt } = words;
  const listed = new Map<string, number>();
  for (const f of files) {
    if (listed.has(f.path)) fail('schema-violation', `This ${noun}'s ${words.manifestFile} lists “${f.path}” twice.`);
    listed.set(f.path, f.bytes);
  }
  for (const name of entries.keys()) {
    if (name !== words.manifestFile && !listed.has(name))
      fail('unlisted-file', `This ${noun} contains “${name}”, which its manifest does not list: it was changed after ${madeAt}.`);
  }
  for (const [path, size] of listed) {
    const entry = entries.get(path);
    if (!entry) fail('missing-file', `This ${noun} is incomplete: “${path}”, listed in its manifest, is missing.`);
    if (entry.size !== size)
      fail(
        'checksum-mismatch',
        `“${path}” in this ${noun} is ${entry.size} bytes but its manifest says ${size}: it was changed or damaged after ${madeAt}.`,
      );
  }
  return listed;
}

/** Inflates every listed file within its declared size and checks its SHA-256; `progress(doneBytes, totalBytes)`. */
export async function inflateListedFiles(
  bytes: Uint8Array,
  files: readonly ManifestFile[],
  entries: ReadonlyMap<string, ZipEntry>,
  words: ArchiveWords,
  progress: (done: number, total: number) => void,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  let done = 0;
  for (const f of files) {
    const data = inflateEntry(bytes, entries.get(f.path)!, false);
    if ((await sha256Hex(data)) !== f.sha256) {
      fail(
        'checksum-mismatch',
        `“${f.path}” in this ${words.noun} does not match its checksum: the file was changed or damaged after ${words.madeAt}.`,
      );
    }
    out.set(f.path, data);
    done += f.bytes;
    progress(done, total);
  }
  return out;
}
