/**
 * MIGRATIONS.md, rendered from the version lists (versions.ts), so the document cannot drift from the code:
 * a unit test compares the file with `renderMigrationsDoc()` and schemas/README.md's version table with
 * `renderBundleFormatTable()`; `npm run docs:migrations` rewrites MIGRATIONS.md. Only the prose that is not a
 * version (the guards of the records read back) is written here by hand.
 */
import { BUNDLE_FORMATS, DATABASE_VERSIONS, type BundleFormat, type DatabaseVersion, type StoreSpec } from './versions';

/** A Markdown table cell: one line, no column separators. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

const row = (cells: readonly (string | number)[]) => `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;

function describeStore(store: StoreSpec): string {
  const key = typeof store.keyPath === 'string' ? store.keyPath : `[${store.keyPath.join(', ')}]`;
  const indexes = (store.indexes ?? []).map((i) => `; index \`${i.name}\` on \`${i.keyPath}\``).join('');
  return `\`${store.name}\` (key \`${key}\`${indexes})`;
}

export function renderDatabaseTable(versions: readonly DatabaseVersion[] = DATABASE_VERSIONS): string {
  return [
    row(['version', 'title', 'what changed', 'stores created', 'migration of older data']),
    '|---|---|---|---|---|',
    ...versions.map((v) => row([v.version, v.title, v.changes, v.stores.map(describeStore).join(', '), v.migration])),
  ].join('\n');
}

/** The bundle's version table, the same in MIGRATIONS.md and schemas/README.md. */
export function renderBundleFormatTable(formats: readonly BundleFormat[] = BUNDLE_FORMATS): string {
  return [
    row(['format version', 'title', 'what changed', 'migration from the previous version']),
    '|---|---|---|---|',
    ...formats.map((f) => row([f.version, f.title, f.changes, f.migration])),
  ].join('\n');
}

const RECORDS_READ_BACK = `| record | guard | required | everything else |
|---|---|---|---|
| draft | \`restoreDraft\` | problem id, text, time | — |
| practice | \`restorePracticeRecord\` | problem id, status | last Submit, stages, stage times, protocol, reveals, \`language\`, the current attempt's fields: each dropped when malformed (no language: TypeScript) |
| attempt | \`isAttemptRecord\` | problem id, number ≥ 1, end time, code, notes, Submits, last Submit or null, session ids | — (left out whole) |
| session | \`restoreSessionRecord\` | id, problem, start time | status → interrupted, audio → none, silences → those well formed, threshold → 30 s, \`language\` → absent (TypeScript) unless \`typescript\` or \`python\`, \`features\` → the ids that are text |
| event batch / event | \`restoreEventBatch\` / \`restoreSessionEvent\` | session, seq / time and a known type | one restorer per event type (\`EVENT_RESTORERS\` in \`restoreEvent.ts\`, checked by the compiler against the \`SessionEvent\` union); an event with a malformed field is dropped (an edit all or nothing); files are paths that \`core/files/paths.ts\` allows |
| audio chunk, level batch | \`restoreAudioChunk\`, \`restoreLevelBatch\` | keys and a Blob / a list | a damaged level reads as silence |
| review | \`restoreReview\` | session id | scores → not scored, texts → empty |
| custom protocol | \`isCustomProtocolRecord\` | name, phases with positive minutes | — (rejected whole) |
| plan | \`restorePlan\` | id, title, start and interview dates (real calendar dates), every day's items (rejected whole otherwise) | day notes → empty, done items and the started item → each dropped when malformed |
| review card | \`restoreReviewCard\` | problem id, a list of attempts | an attempt without session, day, end time, kind or a grade 1–4 is dropped; reasons and criteria → those well formed |
| interview settings (localStorage) | \`restoreInterviewSettings\` | — | each switch and the no-run minutes → the default when malformed |`;

export function renderMigrationsDoc(): string {
  return `# Migrations: the database and the bundle, version by version

<!-- Rendered by renderMigrationsDoc() (src/core/records/migrationsDoc.ts) from the lists in versions.ts. Do not
edit by hand: change the lists, then run \`npm run docs:migrations\` (a unit test fails while this file differs). -->

Every stored or exported shape has an integer version. A version is **appended, never edited**: each row
says what changed and how older data is brought to the current shape. The versions are two ordered lists in
code, \`DATABASE_VERSIONS\` and \`BUNDLE_FORMATS\` (\`src/core/records/versions.ts\`): the database version
\`storage/db.ts\` opens and the stores each upgrade creates, and the bundle format an export writes and the
ones an import reads, are their last entries. Migrations of the data are pure functions in
\`src/core/records/migrations.ts\`, applied when data is read, never by rewriting what is stored; the restore
guards beside this file (\`restore*.ts\`) then check every field.

## IndexedDB \`rehearse\` (owner: \`src/storage/db.ts\`)

${renderDatabaseTable()}

## Records read back

${RECORDS_READ_BACK}

Each guard is fuzzed (\`restore.fuzz.test.ts\`): random and damaged records never throw and whatever passes is a
fixed point of its guard.

## Session bundle (owner: \`src/core/bundle/\`, format in \`schemas/README.md\`)

${renderBundleFormatTable()}

Python added no database version: drafts of \`solution.py\` are keyed \`<problemId>/solution.py\` (version 2's
rule for files other than the solution), and \`language\` is an optional field of practice, attempt and
session records, absent (TypeScript) in everything written before.

Projects (bundle format 5) added no database version either: a stored log may name any project path and
hold file events, and \`features\` is an optional field of session records. A Python session's log written
before names its code \`solution.ts\`: \`storage/sessionLog.ts\` renames it on every read (\`pythonCodeOfOldLog\`,
the same migration as a format 1–4 bundle's), so nothing stored is rewritten.
`;
}
