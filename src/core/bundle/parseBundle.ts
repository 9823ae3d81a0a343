/**
 * Import: untrusted bytes → a typed session, or a BundleError saying exactly what is wrong. The checks
 * run cheapest and most fundamental first: the zip's structure and every entry's metadata (nothing
 * inflated yet), the manifest (format, version, schema), each file inflated within its declared size and
 * matched against its SHA-256, then each JSON file against its schema and through the restore guards, and
 * finally that the parts agree (the log replays to the files it holds, every time lies within the session, the
 * id is one the app makes, audio and levels belong to real segments and the audio is a real recording).
 * Nothing here writes anything: storage/importSession.ts writes only what this returns. It runs in the
 * import worker (features/bundle/worker), which reports `onProgress` to the page.
 */
import type { SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import type { ReviewRecord } from '../records/types';
import { isObject } from '../records/guards';
import { restoreSessionRecord } from '../records/restore';
import { restoreSessionEvent } from '../records/restoreEvent';
import { upgradeBundleLog } from '../records/versions';
import { restoreReview } from '../records/restoreReview';
import { checkAudioContainer } from './audioContainer';
import { checkCodeListing, checkReplay, readCode } from './bundleCode';
import { fail, NOT_A_BUNDLE } from './errors';
import {
  audioFileName,
  audioSegmentOf,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  READABLE_FORMAT_VERSIONS,
  EVENTS_FILE,
  LEVELS_FILE,
  MANIFEST_FILE,
  REQUIRED_FILES,
  SESSION_FILE,
  type BundleManifest,
  type LevelsJson,
  type SessionJson,
} from './format';
import { inflateEntry } from './inflateEntry';
import { BUNDLE_WORDS, checkListedFiles, inflateListedFiles } from './listedFiles';
import type { ImportProgress } from './progress';
import { bundleValidators, describeSchemaErrors } from './schemas';
import { isSessionId, quoteId } from './sessionId';
import { checkEventTimes, checkRecordTimes, sessionSpan } from './sessionTimes';
import { readZipDirectory, type ZipEntry } from './zipDirectory';

export interface ParsedBundle {
  manifest: BundleManifest;
  problem: { id: string; title: string };
  session: SessionRecord;
  review: ReviewRecord | null;
  events: SessionEvent[];
  levels: { index: number; db: number[] }[];
  audio: { index: number; mimeType: string; bytes: Uint8Array }[];
}

export interface ParseOptions {
  /** Whether this app knows the problem (a bundle from a newer version may name one it lacks). */
  knowsProblem?: (problemId: string) => boolean;
  /** Called as each stage advances (often: throttle it before sending it anywhere). */
  onProgress?: (progress: ImportProgress) => void;
}

type Progress = (progress: ImportProgress) => void;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(name: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail('invalid-json', `“${name}” in this bundle is not UTF-8 text.`);
  }
}

function json(name: string, bytes: Uint8Array): unknown {
  const source = text(name, bytes);
  try {
    return JSON.parse(source);
  } catch {
    return fail('invalid-json', `“${name}” in this bundle is not valid JSON.`);
  }
}

function readManifest(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): BundleManifest {
  const entry = entries.get(MANIFEST_FILE);
  if (!entry) fail('missing-manifest', `${NOT_A_BUNDLE} it has no manifest.json.`);
  const raw = json(MANIFEST_FILE, inflateEntry(bytes, entry, true));
  const loose = isObject(raw) ? raw : {};
  if (loose.format !== BUNDLE_FORMAT) fail('wrong-format', `${NOT_A_BUNDLE} its manifest.json does not name the Rehearse bundle format.`);
  const version = loose.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION) {
    fail(
      'unsupported-version',
      `This bundle was made by a newer version of Rehearse (bundle format ${version}); this version reads format ${BUNDLE_FORMAT_VERSION}. Reload Rehearse to update it, then import again.`,
    );
  }
  // Each older version is read through the migrations of the entries above it (BUNDLE_FORMATS, core/records/versions.ts).
  if (!READABLE_FORMAT_VERSIONS.includes(version as number))
    fail(
      'unsupported-version',
      `This bundle's format version (${JSON.stringify(version)}) is not one Rehearse knows; it reads format ${BUNDLE_FORMAT_VERSION}.`,
    );
  const validate = bundleValidators().manifest;
  if (!validate(raw)) fail('schema-violation', `This bundle's manifest.json is malformed: ${describeSchemaErrors(validate.errors)}.`);
  return raw as BundleManifest;
}

/** The manifest lists exactly the zip's other files, once each, with their sizes; the bundle's own files are there. */
function checkListing(manifest: BundleManifest, entries: ReadonlyMap<string, ZipEntry>): void {
  const listed = checkListedFiles(manifest.files, entries, BUNDLE_WORDS);
  for (const required of REQUIRED_FILES) {
    if (!listed.has(required)) fail('missing-file', `This bundle is incomplete: it has no ${required}.`);
  }
  checkCodeListing(manifest.formatVersion, listed);
}

function inflateAndVerify(
  bytes: Uint8Array,
  manifest: BundleManifest,
  entries: ReadonlyMap<string, ZipEntry>,
  progress: Progress,
): Promise<Map<string, Uint8Array>> {
  return inflateListedFiles(bytes, manifest.files, entries, BUNDLE_WORDS, (done, total) =>
    progress({ stage: 'files', fraction: total ? done / total : 1 }),
  );
}

function readSession(data: Uint8Array): { json: SessionJson; session: SessionRecord; review: ReviewRecord | null } {
  const raw = json(SESSION_FILE, data);
  // Before the schema, so the message says what is wrong with the id rather than quote a pattern.
  const rawId = (raw as { session?: { id?: unknown } } | null)?.session?.id;
  if (rawId !== undefined && !isSessionId(rawId)) {
    fail(
      'invalid-session-id',
      `This bundle's ${SESSION_FILE} has the session id ${quoteId(rawId)}, which is not one Rehearse makes (a UUID such as 0b7c4e1a-2f3d-4c5b-9a8e-7d6c5b4a3f21).`,
    );
  }
  const validate = bundleValidators().session;
  if (!validate(raw)) fail('schema-violation', `This bundle's session.json is malformed: ${describeSchemaErrors(validate.errors)}.`);
  const parsed = raw as SessionJson;
  const session = restoreSessionRecord(parsed.session);
  if (!session) fail('schema-violation', "This bundle's session.json holds no usable session.");
  const review = parsed.review === null ? null : restoreReview(parsed.review);
  if (parsed.review !== null && !review) fail('schema-violation', "This bundle's session.json holds a review that cannot be read.");
  if (parsed.problem.id !== session.problemId) fail('inconsistent', "This bundle's session.json names two different problems.");
  if (review && review.sessionId !== session.id)
    fail('inconsistent', "This bundle's review belongs to a different session than its recording.");
  // A bundle is a snapshot: no tab here is recording it, so a session exported mid-recording reads as interrupted.
  if (session.status === 'recording') session.status = 'interrupted';
  return { json: parsed, session, review };
}

function readEvents(data: Uint8Array, progress: Progress): SessionEvent[] {
  const lines = text(EVENTS_FILE, data).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // Each line is checked against its own type's schema: the same verdict as the published oneOf (whose
  // branches differ by their \`type\` constant), without trying all twelve branches on every line.
  const { eventOfType } = bundleValidators();
  const events: SessionEvent[] = [];
  let lastT = 0;
  lines.forEach((line, i) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      fail('invalid-json', `Line ${i + 1} of this bundle's events.jsonl is not valid JSON.`);
    }
    const type = isObject(raw) ? raw.type : undefined;
    const validate = typeof type === 'string' ? eventOfType(type) : null;
    if (!validate)
      fail('schema-violation', `Line ${i + 1} of this bundle's events.jsonl is malformed: unknown event type ${JSON.stringify(type)}.`);
    if (!validate(raw))
      fail('schema-violation', `Line ${i + 1} of this bundle's events.jsonl is malformed: ${describeSchemaErrors(validate.errors)}.`);
    const event = restoreSessionEvent(raw);
    if (!event) fail('schema-violation', `Line ${i + 1} of this bundle's events.jsonl is not a usable event.`);
    if (event.t < lastT) fail('inconsistent', `Line ${i + 1} of this bundle's events.jsonl goes back in time: the log is out of order.`);
    lastT = event.t;
    events.push(event);
    if ((i & 4095) === 4095) progress({ stage: 'log', fraction: i / lines.length });
  });
  progress({ stage: 'log', fraction: 1 });
  return events;
}

function readLevels(data: Uint8Array | undefined, session: SessionRecord): { index: number; db: number[] }[] {
  if (!data) return [];
  const raw = json(LEVELS_FILE, data);
  const validate = bundleValidators().levels;
  if (!validate(raw)) fail('schema-violation', `This bundle's levels.json is malformed: ${describeSchemaErrors(validate.errors)}.`);
  const levels = raw as LevelsJson;
  if (levels.frameMs !== session.levelFrameMs)
    fail('inconsistent', "This bundle's levels.json uses a frame length other than its session's.");
  const segments = new Set(session.audio?.segments.map((s) => s.index) ?? []);
  const seen = new Set<number>();
  for (const s of levels.segments) {
    if (!segments.has(s.index) || seen.has(s.index))
      fail('inconsistent', `This bundle's levels.json has levels for audio segment ${s.index}, which its session does not have.`);
    seen.add(s.index);
  }
  return levels.segments;
}

function readAudio(files: ReadonlyMap<string, Uint8Array>, session: SessionRecord): ParsedBundle['audio'] {
  const audio: ParsedBundle['audio'] = [];
  for (const [name, bytes] of files) {
    const index = audioSegmentOf(name);
    if (index === null) continue;
    const segment = session.audio?.segments.find((s) => s.index === index);
    if (!segment) fail('inconsistent', `This bundle holds “${name}”, but its session has no audio segment ${index}.`);
    if (name !== audioFileName(index, segment.mimeType))
      fail('inconsistent', `This bundle holds “${name}”, but its session recorded segment ${index} as ${segment.mimeType}.`);
    checkAudioContainer(name, bytes);
    audio.push({ index, mimeType: segment.mimeType, bytes });
  }
  return audio.sort((a, b) => a.index - b.index);
}

export async function parseBundle(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedBundle> {
  const progress: Progress = options.onProgress ?? (() => undefined);
  const entries = new Map(readZipDirectory(bytes).map((e) => [e.name, e]));
  const manifest = readManifest(bytes, entries);
  checkListing(manifest, entries);
  const files = await inflateAndVerify(bytes, manifest, entries, progress);
  progress({ stage: 'session', fraction: 0 });
  const { json: sessionJson, session, review } = readSession(files.get(SESSION_FILE)!);
  if (options.knowsProblem && !options.knowsProblem(session.problemId)) {
    fail(
      'unknown-problem',
      `This bundle is a session of “${sessionJson.problem.title}” (${session.problemId}), a problem this version of Rehearse does not have. Reload Rehearse to update it, then import again.`,
    );
  }
  const span = sessionSpan(session);
  progress({ stage: 'log', fraction: 0 });
  // An older format's log is brought to the current one (BUNDLE_FORMATS' migrations) before it is compared with the code.
  const events = upgradeBundleLog(manifest.formatVersion, session, readEvents(files.get(EVENTS_FILE)!, progress));
  checkEventTimes(events, span);
  checkReplay(events, readCode(manifest.formatVersion, files, session, text));
  progress({ stage: 'audio', fraction: 0 });
  const levels = readLevels(files.get(LEVELS_FILE), session);
  checkRecordTimes(session, levels, span);
  const audio = readAudio(files, session);
  progress({ stage: 'audio', fraction: 1 });
  return { manifest, problem: sessionJson.problem, session, review, events, levels, audio };
}
