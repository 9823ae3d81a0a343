/**
 * Is an audio entry plausibly the recording its segment claims to be? A full decode is not possible
 * where the import is checked (a worker has no AudioContext, and three hours of Opus decode to gigabytes
 * of samples), so the container's own structure is checked instead: for WebM (what Chromium records) the
 * EBML header with DocType "webm", then a Segment whose Tracks come before any Cluster; for Ogg and MP4
 * (other browsers) their signatures. A recording that still fails to play shows a message in the replay.
 */
import { fail } from './errors';

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const ID = {
  docType: 0x4282,
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  cluster: 0x1f43b675,
};
/** Top-level elements that may come before Tracks inside a Segment (SeekHead, Info, Void, CRC-32, Tags, Chapters, Attachments, Cues). */
const BEFORE_TRACKS = new Set([0x114d9b74, 0x1549a966, 0xec, 0xbf, 0x1254c367, 0x1043a770, 0x1941a469, 0x1c53bb6b]);
/** How far into the file Tracks must have appeared (MediaRecorder puts it within the first hundred bytes). */
const TRACKS_WITHIN = 1024 * 1024;

interface Vint {
  value: number;
  length: number;
  /** All value bits set: the "unknown size" a live recorder writes for a Segment or Cluster. */
  unknown: boolean;
}

/** An EBML variable-length integer at `at` (an element id keeps its marker bit, a size does not). */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

interface Element {
  id: number;
  /** Offset of the element's data. */
  data: number;
  size: number;
  unknownSize: boolean;
}

function readElement(bytes: Uint8Array, at: number): Element | null {
  const id = readVint(bytes, at, true);
  if (!id || id.length > 4) return null;
  const size = readVint(bytes, at + id.length, false);
  if (!size) return null;
  return { id: id.value, data: at + id.length + size.length, size: size.value, unknownSize: size.unknown };
}

function docTypeOf(bytes: Uint8Array, header: Element): string | null {
  for (let at = header.data; at < header.data + header.size;) {
    const child = readElement(bytes, at);
    if (!child || child.unknownSize) return null;
    if (child.id === ID.docType)
      return String.fromCharCode(...bytes.subarray(child.data, Math.min(child.data + child.size, child.data + 16))).replace(/\0+$/, '');
    at = child.data + child.size;
  }
  return null;
}

/** Why the bytes are not a WebM recording, or null when they plausibly are. */
export function webmProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 4 || EBML_MAGIC.some((b, i) => bytes[i] !== b)) return 'it does not start with the WebM signature (1A 45 DF A3)';
  const header = readElement(bytes, 0);
  if (!header || header.unknownSize || header.data + header.size > bytes.length || header.size > 4096) return 'its WebM header is damaged';
  const docType = docTypeOf(bytes, header);
  if (docType !== 'webm')
    return docType === null ? 'its WebM header names no document type' : `its header says it is “${docType.slice(0, 16)}”, not WebM`;
  const segment = readElement(bytes, header.data + header.size);
  if (!segment || segment.id !== ID.segment) return 'it has no WebM Segment after its header';
  const end = segment.unknownSize ? bytes.length : Math.min(bytes.length, segment.data + segment.size);
  for (let at = segment.data; at < Math.min(end, TRACKS_WITHIN);) {
    const child = readElement(bytes, at);
    if (!child) break;
    if (child.id === ID.tracks) return null;
    if (child.id === ID.cluster) return 'its audio starts before its track description';
    if (!BEFORE_TRACKS.has(child.id) || child.unknownSize) break;
    at = child.data + child.size;
  }
  return 'it has no WebM track description';
}

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Refuses an audio entry whose bytes are not the container its extension (and segment MIME type) names. */
export function checkAudioContainer(name: string, bytes: Uint8Array): void {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  let problem: string | null;
  if (extension === 'webm') problem = webmProblem(bytes);
  else if (extension === 'ogg') problem = startsWith(bytes, 0, 'OggS') ? null : 'it does not start with the Ogg signature (“OggS”)';
  else problem = startsWith(bytes, 4, 'ftyp') ? null : 'it does not start with an MP4 “ftyp” box';
  if (problem) fail('not-audio', `“${name}” in this bundle is not a playable recording: ${problem}.`);
}
