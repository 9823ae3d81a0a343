/**
 * Reads a zip's central directory and checks every entry BEFORE anything is inflated: names (no path
 * traversal, no absolute paths, no backslashes, only the bundle's own file names), declared sizes against
 * the limits, and that each entry's data lies inside the file. We parse the
 * directory ourselves (APPNOTE.TXT §4.3) rather than trust a library's unzip, so a zip bomb or a hostile
 * name is refused from a few hundred bytes of metadata, with a message that says which check failed.
 */
import { BUNDLE_LIMITS, entryLimit, isAllowedDirectory, isAllowedName } from './format';
import { fail, formatMiB, NOT_A_BUNDLE } from './errors';

/**
 * What an archive may hold: the session bundle's rules by default; the full backup (core/backup) has its
 * own names and limits and reuses every structural check here.
 */
export interface ZipRules {
  /** "bundle" or "backup", for the messages. */
  noun: string;
  /** The start of a "this is not one of ours" message. */
  notOurs: string;
  /** What to do about an empty file. */
  remake: string;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
  isAllowedName(name: string): boolean;
  /** Directory entries (empty, ending in '/') to skip besides `audio/`; none when absent. */
  isAllowedDirectory?(name: string): boolean;
  entryLimit(name: string): number;
}

export const SESSION_BUNDLE_RULES: ZipRules = {
  noun: 'bundle',
  notOurs: NOT_A_BUNDLE,
  remake: 'Export the session again and import the new file.',
  maxFileBytes: BUNDLE_LIMITS.maxFileBytes,
  maxTotalBytes: BUNDLE_LIMITS.maxTotalBytes,
  maxEntries: BUNDLE_LIMITS.maxEntries,
  isAllowedName,
  isAllowedDirectory,
  entryLimit,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (the only two we accept). */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Offset of the entry's compressed bytes in the file. */
  dataOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
/** zip64 marks a size or offset that did not fit in 32 bits; a valid bundle never needs it (limits are far below 4 GB). */
const ZIP64_MARK = 0xffffffff;

/** A directory entry some zip tools add when a user re-zips the files: harmless, ignored (the rules may name more). */
const ALLOWED_DIRECTORY = 'audio/';

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    // The comment length must reach exactly the end of the file, so a signature inside data is not taken.
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_MIN + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  return -1;
}

export function checkEntryName(name: string, rules: ZipRules = SESSION_BUNDLE_RULES): void {
  const { notOurs, noun } = rules;
  if (name.includes('\\')) fail('unsafe-name', `${notOurs} the file name “${name}” uses backslashes, which a ${noun} never does.`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) fail('unsafe-name', `${notOurs} the file name “${name}” is an absolute path.`);
  if (name.split('/').includes('..')) fail('unsafe-name', `${notOurs} the file name “${name}” points outside the ${noun} (“..”).`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this check refuses
  if (/[\u0000-\u001f\u007f]/.test(name)) fail('unsafe-name', `${notOurs} a file name contains control characters.`);
}

/** Checks the whole archive's structure and every entry's metadata; inflates nothing. */
export function readZipDirectory(bytes: Uint8Array, rules: ZipRules = SESSION_BUNDLE_RULES): ZipEntry[] {
  const { notOurs, noun } = rules;
  if (bytes.byteLength === 0) fail('empty', `This file is empty (0 bytes): it is not a Rehearse ${noun}. ${rules.remake}`);
  if (bytes.byteLength > rules.maxFileBytes) {
    fail('file-too-large', `This file is ${formatMiB(bytes.byteLength)}; a ${noun} may be at most ${formatMiB(rules.maxFileBytes)}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Every zip starts with a local file header, or (an empty archive) with the end record.
  const magic = bytes.byteLength >= 4 ? view.getUint32(0, true) : 0;
  if (magic !== LOCAL_SIGNATURE && magic !== EOCD_SIGNATURE) fail('not-zip', `${notOurs} it is not a zip archive.`);

  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0)
    fail('truncated', `This ${noun} is incomplete: the end of the zip archive is missing (the download or copy was probably cut short).`);
  const diskNumber = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (diskNumber !== 0 || directoryDisk !== 0 || count !== view.getUint16(eocd + 8, true)) {
    fail('unsupported-zip', `${notOurs} it is a zip split over several parts.`);
  }
  if (directoryOffset === ZIP64_MARK || count === 0xffff)
    fail('unsupported-zip', `${notOurs} it is a zip64 archive, which no ${noun} needs.`);
  if (count > rules.maxEntries) fail('too-many-files', `${notOurs} it holds ${count} files; a ${noun} has at most ${rules.maxEntries}.`);
  if (directoryOffset + directorySize > eocd)
    fail('truncated', `This ${noun} is incomplete or damaged: its list of files points past the end of the archive.`);

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      fail('truncated', `This ${noun} is damaged: its list of files is cut short or corrupted.`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > eocd) fail('truncated', `This ${noun} is damaged: its list of files is cut short or corrupted.`);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    checkEntryName(name, rules);
    if (size === 0 && (name === ALLOWED_DIRECTORY || rules.isAllowedDirectory?.(name))) continue;
    if (!rules.isAllowedName(name)) fail('unexpected-file', `${notOurs} it contains “${name}”, which is not one of a ${noun}'s files.`);
    if (seen.has(name)) fail('duplicate-file', `${notOurs} it contains “${name}” twice.`);
    seen.add(name);
    if (flags & 1) fail('unsupported-zip', `This ${noun} is encrypted (“${name}”); Rehearse ${noun}s are never password-protected.`);
    if (method !== 0 && method !== 8)
      fail('unsupported-zip', `${notOurs} “${name}” is compressed with a method Rehearse does not use (${method}).`);
    if (size === ZIP64_MARK || compressedSize === ZIP64_MARK || localOffset === ZIP64_MARK) {
      fail('entry-too-large', `“${name}” in this ${noun} is over 4 GB; the limit is ${formatMiB(rules.entryLimit(name))}.`);
    }
    const limit = rules.entryLimit(name);
    if (size > limit)
      fail('entry-too-large', `“${name}” in this ${noun} would be ${formatMiB(size)} uncompressed; the limit is ${formatMiB(limit)}.`);
    total += size;
    if (total > rules.maxTotalBytes) {
      fail('total-too-large', `This ${noun}'s files would take more than ${formatMiB(rules.maxTotalBytes)} uncompressed, over the limit.`);
    }
    if (method === 0 && size !== compressedSize) fail('size-mismatch', `“${name}” in this ${noun} is damaged: its sizes do not agree.`);
    // No compression-ratio limit: the declared size is bounded above, and inflating never goes past it.

    // The local header repeats the name; its own extra field may differ in length from the directory's.
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      fail('truncated', `This ${noun} is damaged: the data of “${name}” is missing.`);
    }
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > directoryOffset) fail('truncated', `This ${noun} is incomplete: the data of “${name}” is cut short.`);
    entries.push({ name, method: method as 0 | 8, crc32: crc, compressedSize, size, dataOffset });
  }
  return entries;
}
