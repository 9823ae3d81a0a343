/**
 * Export: one session's data → the bundle's files (format.ts; the current format, 5: every project file
 * under files/) → one .zip. Pure: the caller reads
 * IndexedDB (storage/exportSession.ts) and saves the bytes. Facts are measured here, from the same
 * record and log the bundle carries, so session.json and report.md agree with what an importer recomputes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { isDesignSession } from '../analysis/designFacts';
import { summariseSession, type SessionSummary } from '../analysis/sessionSummary';
import type { ReviewRecord } from '../records/types';
import { sortPaths } from '../files/paths';
import { finalFiles, NOTES_FILE as NOTES_PATH, projectFiles } from '../session/fileSet';
import type { SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import { sha256Hex } from './checksum';
import {
  audioFileName,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  EVENTS_FILE,
  LEVELS_FILE,
  MANIFEST_FILE,
  NOTES_FILE,
  projectFileName,
  REPORT_FILE,
  SESSION_FILE,
  type BundleManifest,
  type LevelsJson,
  type ManifestFile,
  type SessionJson,
} from './format';
import { buildReport } from './report';
import { whiteboardFiles } from './whiteboardFile';

export interface BundleSource {
  session: SessionRecord;
  problemTitle: string;
  /** 'coding' or 'design' when the exporting app knows the problem (a design session's report has its own facts). */
  problemKind?: string | null;
  events: SessionEvent[];
  review: ReviewRecord | null;
  /** Loudness per frame of each segment that has any. */
  levels: { index: number; db: number[] }[];
  /** Each segment's stored audio (the finished blob's bytes). Segments with no stored audio are left out. */
  audio: { index: number; mimeType: string; bytes: Uint8Array }[];
  appVersion: string;
  /** When the bundle is made (manifest's createdAt, and the zip entries' dates). */
  now: Date;
}

function measure(session: SessionRecord, events: SessionEvent[], problemKind: string | null): SessionSummary | null {
  try {
    return summariseSession({ session, events, problemKind });
  } catch {
    // Facts are informative in a bundle: a log they cannot be measured on still exports.
    return null;
  }
}

/** Every file of the bundle but the manifest, in the order they go into the zip. */
export function bundleContent(source: BundleSource): Map<string, Uint8Array> {
  const { session, events, review } = source;
  const kind = isDesignSession(source.problemKind, events) ? 'design' : 'coding';
  const summary = measure(session, events, source.problemKind ?? null);
  const sessionJson: SessionJson = {
    problem: { id: session.problemId, title: source.problemTitle },
    session,
    review,
    facts: summary?.facts ?? null,
    readiness: summary?.readiness ?? null,
  };
  const files = new Map<string, Uint8Array>();
  files.set(SESSION_FILE, strToU8(JSON.stringify(sessionJson, null, 2)));
  files.set(EVENTS_FILE, strToU8(events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '')));
  if (session.audio) {
    const levels: LevelsJson = { frameMs: session.levelFrameMs, segments: source.levels.map((l) => ({ index: l.index, db: l.db })) };
    files.set(LEVELS_FILE, strToU8(JSON.stringify(levels)));
  }
  // Format 5: every file of the project as the log leaves it, under files/ in tree order; the plan notes apart.
  const final = finalFiles(events);
  const project = projectFiles(final);
  const paths = sortPaths(Object.keys(project));
  for (const path of paths) files.set(projectFileName(path), strToU8(project[path]!));
  if (Object.hasOwn(final, NOTES_PATH)) files.set(NOTES_FILE, strToU8(final[NOTES_PATH]!));
  files.set(REPORT_FILE, strToU8(buildReport({ title: source.problemTitle, session, events, review, summary, kind, files: paths })));
  for (const [name, bytes] of whiteboardFiles(events)) files.set(name, bytes);
  for (const a of source.audio) files.set(audioFileName(a.index, a.mimeType), a.bytes);
  return files;
}

/** Each file's path, size and SHA-256, in order: a manifest's `files` (the session bundle's and the backup's). */
export async function manifestFiles(files: ReadonlyMap<string, Uint8Array>): Promise<ManifestFile[]> {
  const entries = [...files.entries()];
  const hashes = await Promise.all(entries.map(([, bytes]) => sha256Hex(bytes)));
  return entries.map(([path, bytes], i) => ({ path, bytes: bytes.byteLength, sha256: hashes[i]! }));
}

export async function buildManifest(files: ReadonlyMap<string, Uint8Array>, appVersion: string, now: Date): Promise<BundleManifest> {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion,
    createdAt: now.toISOString(),
    files: await manifestFiles(files),
  };
}

const isAudio = (path: string) => path.startsWith('audio/');

/**
 * The zip: files `stored(path)` names go in as they are (audio: Opus does not compress further, and
 * storing is fast; a backup's session bundles are zips already), the others are deflated.
 */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>, now: Date, stored: (path: string) => boolean = isAudio): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, bytes] of files) zippable[path] = [bytes, { level: stored(path) ? 0 : 6, mtime: now }];
  return zipSync(zippable);
}

/** The whole export: files, manifest first, zipped. */
export async function buildBundle(source: BundleSource): Promise<Uint8Array> {
  const content = bundleContent(source);
  const manifest = await buildManifest(content, source.appVersion, source.now);
  const files = new Map<string, Uint8Array>([[MANIFEST_FILE, strToU8(JSON.stringify(manifest, null, 2))], ...content]);
  return zipFiles(files, source.now);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `<problem-id>-<YYYY-MM-DD-HHmm>.zip`, the session's start in the user's local time. */
export function bundleFileName(problemId: string, startedAt: number): string {
  const d = new Date(startedAt);
  const safeId = problemId.replace(/[^a-z0-9-]/gi, '-') || 'session';
  return `${safeId}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.zip`;
}
