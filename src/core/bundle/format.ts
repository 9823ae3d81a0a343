/**
 * The session bundle format: what a bundle holds, how its files are named, and the limits an importer
 * enforces before inflating anything. Its versions are BUNDLE_FORMATS in core/records/versions.ts (the
 * current one is the last entry). Documented for people in schemas/README.md; the JSON files' shapes are
 * the JSON Schemas in schemas/. Change a name or a limit here and there together.
 */
import { languageOr, languageSpec } from '../languages/registry';
import type { ReadinessItem, SessionFacts } from '../analysis/types';
import type { DesignFacts } from '../analysis/designFacts';
import type { DesignReadinessItem } from '../analysis/designReadiness';
import type { ReviewRecord } from '../records/types';
import { isValidPath, MAX_FILES, MAX_PATH_LENGTH } from '../files/paths';
import type { Language } from '../problems/language';
import type { SessionRecord } from '../records/types';
import { EXCALIDRAW_FILE, WHITEBOARD_FILE } from './whiteboardFile';

export const BUNDLE_FORMAT = 'rehearse-session-bundle';
// The version written, and every version read: the last entry and all entries of the format's version list.
export { BUNDLE_FORMAT_VERSION, READABLE_FORMAT_VERSIONS } from '../records/versions';

export const MANIFEST_FILE = 'manifest.json';
export const SESSION_FILE = 'session.json';
export const EVENTS_FILE = 'events.jsonl';
export const LEVELS_FILE = 'levels.json';
/** Formats 1–4: the final code (formats 3–4: of a TypeScript session). Format 5 has every file under files/. */
export const SOLUTION_FILE = 'solution.ts';
/** Formats 3–4: a Python session's final code instead of solution.ts. */
export const PYTHON_SOLUTION_FILE = 'solution.py';
export const NOTES_FILE = 'notes.md';
export const REPORT_FILE = 'report.md';

/**
 * Files every bundle has (manifest.json aside); besides them, a format 5 bundle has the session's files
 * under files/ and a format 1–4 bundle exactly one solution file (solutionFileOf); levels.json, notes.md
 * and audio are there when the session had them.
 */
export const REQUIRED_FILES: readonly string[] = [SESSION_FILE, EVENTS_FILE, REPORT_FILE];

/** The first format that holds every file under files/ rather than one solution file. */
export const FILES_FORMAT_VERSION = 5;

/** A format 1–4 bundle's code file: solution.py for a Python session, else solution.ts (every session before format 3). */
export function solutionFileOf(session: { language?: Language }): string {
  return languageSpec(languageOr(session.language)).solutionFile;
}

/** Format 5: where a project file's final text is, `files/<path>`. */
export const PROJECT_FILES_DIR = 'files/';

export const projectFileName = (path: string): string => `${PROJECT_FILES_DIR}${path}`;

/** The project path of a `files/<path>` name, or null when the name is not one (or its path is not a valid path). */
export function projectPathOf(name: string): string | null {
  if (!name.startsWith(PROJECT_FILES_DIR)) return null;
  const path = name.slice(PROJECT_FILES_DIR.length);
  return isValidPath(path) ? path : null;
}

/** Most audio segments a session may have (a resume after each interruption adds one). */
export const MAX_AUDIO_SEGMENTS = 50;

/** Most project files a format 5 bundle holds (core/files/paths.ts: a project's limit). */
export const MAX_PROJECT_FILES = MAX_FILES;

const MIB = 1024 * 1024;

/**
 * What an importer accepts. Sizes are the uncompressed bytes the zip declares, checked before inflating;
 * inflating stops the moment an entry would produce more than it declared (inflateEntry.ts), so these
 * sizes bound memory whatever the compression ratio. There is deliberately no ratio limit: a long, mostly
 * silent session's levels compress more than 500:1, and such a session is one the app itself exports.
 * A 45-minute session is about 11 MB of audio (Opus at 32 kb/s), 1–2 MB of events and 1 MB of levels;
 * a 3-hour one about 45 MB of audio and 4 MB of levels, so these leave a wide margin.
 */
export const BUNDLE_LIMITS = {
  /** The .zip file itself. */
  maxFileBytes: 250 * MIB,
  /** All entries together, uncompressed. */
  maxTotalBytes: 250 * MIB,
  /**
   * The fixed files (at most 9), the project's files (MAX_FILES) and the audio segments (MAX_AUDIO_SEGMENTS)
   * come to 159; the rest leaves room for the directory entries a zip tool adds when someone re-zips a bundle.
   */
  maxEntries: 256,
  /** Per entry, uncompressed. */
  maxAudioBytes: 200 * MIB,
  maxEventsBytes: 20 * MIB,
  maxLevelsBytes: 20 * MIB,
  maxSessionBytes: 2 * MIB,
  maxTextBytes: 5 * MIB,
  /** 256 entries of up to 106-character paths, pretty-printed, stay under a quarter of this. */
  maxManifestBytes: 256 * 1024,
} as const;

/**
 * Times inside a session (events, silences, phases, audio) must lie within its span: start to end for a
 * session that ended, and at most this long for one cut off before its end was recorded. A session can
 * span days only by being resumed after an interruption; a month is far beyond any practice session.
 */
export const MAX_SESSION_MS = 30 * 24 * 3600_000;

/**
 * Slack for times stamped on the wall clock (events, phase times): the log's stamps never go back even
 * when the clock does (NTP), so the last event may land a moment after the recorded end.
 */
export const SESSION_TIME_TOLERANCE_MS = 2_000;

/**
 * Extra slack, as a share of the session's span, for times measured on the audio clock (segment
 * durations, level frames, silences), which drifts against the wall clock by far less than this.
 */
export const AUDIO_CLOCK_TOLERANCE = 0.01;

export const AUDIO_EXTENSIONS: Record<string, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'mp4' };

/** `audio/segment-<index>.<ext>`, the extension following the segment's MIME type (webm in Chromium). */
export function audioFileName(segment: number, mimeType: string): string {
  const base = mimeType.split(';')[0]!.trim();
  return `audio/segment-${segment}.${AUDIO_EXTENSIONS[base] ?? 'webm'}`;
}

const AUDIO_NAME = /^audio\/segment-(0|[1-9]\d?)\.(webm|ogg|mp4)$/;

/** The segment index of an audio file name, or null when the name is not one. */
export function audioSegmentOf(name: string): number | null {
  const m = AUDIO_NAME.exec(name);
  return m ? Number(m[1]) : null;
}

const FIXED_NAMES: ReadonlySet<string> = new Set([
  MANIFEST_FILE,
  SESSION_FILE,
  EVENTS_FILE,
  LEVELS_FILE,
  SOLUTION_FILE,
  PYTHON_SOLUTION_FILE,
  NOTES_FILE,
  REPORT_FILE,
  WHITEBOARD_FILE,
  EXCALIDRAW_FILE,
]);

export function isAllowedName(name: string): boolean {
  return FIXED_NAMES.has(name) || AUDIO_NAME.test(name) || projectPathOf(name) !== null;
}

/** A directory entry (empty, ending in '/') a zip tool may add for `files/` or a folder below it: harmless, skipped. */
export function isAllowedDirectory(name: string): boolean {
  if (name === PROJECT_FILES_DIR) return true;
  return name.endsWith('/') && projectPathOf(name.slice(0, -1)) !== null;
}

/** Longest entry name: a project file's path under files/ (the manifest schema says the same). */
export const MAX_ENTRY_NAME_LENGTH = PROJECT_FILES_DIR.length + MAX_PATH_LENGTH;

/** The declared-size limit of an allowed entry. */
export function entryLimit(name: string): number {
  if (name === MANIFEST_FILE) return BUNDLE_LIMITS.maxManifestBytes;
  if (name === SESSION_FILE) return BUNDLE_LIMITS.maxSessionBytes;
  if (name === EVENTS_FILE) return BUNDLE_LIMITS.maxEventsBytes;
  if (name === LEVELS_FILE) return BUNDLE_LIMITS.maxLevelsBytes;
  if (AUDIO_NAME.test(name)) return BUNDLE_LIMITS.maxAudioBytes;
  return BUNDLE_LIMITS.maxTextBytes;
}

export interface ManifestFile {
  path: string;
  bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** manifest.json (schemas/bundle-manifest.schema.json). */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  files: ManifestFile[];
}

/** session.json (schemas/session.schema.json). */
export interface SessionJson {
  problem: { id: string; title: string };
  session: SessionRecord;
  review: ReviewRecord | null;
  /**
   * As measured by the exporting app, by the session's kind (a design session's are DesignFacts and its
   * checklist); an importer recomputes them from the log and never stores these.
   */
  facts: SessionFacts | DesignFacts | null;
  readiness: ReadinessItem[] | DesignReadinessItem[] | null;
}

/** levels.json (schemas/levels.schema.json). */
export interface LevelsJson {
  frameMs: number;
  segments: { index: number; db: number[] }[];
}
