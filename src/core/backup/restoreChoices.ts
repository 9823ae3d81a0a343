/**
 * What a restore will do to a profile that is not empty: every record of the backup is new here, the same
 * as here (nothing to do), or in conflict with a different record under the same key, where the person
 * chooses to keep both, replace what is here, or skip it. Nothing is lost silently: a conflict is never
 * decided without a choice (the default keeps what is here), and "keep both" keeps both wherever two can
 * live side by side. Pure: storage/restoreBackup.ts writes what resolveRestore returns.
 */
import type { ParsedBundle } from '../bundle/parseBundle';
import type { AttemptRecord } from '../records/types';
import type { CustomProtocolRecord, DraftRecord, PlanRecord, PracticeRecord, ReviewCardRecord } from '../records/types';
import type { ProfileJson } from './format';

export type RestoreKind = 'session' | 'draft' | 'practice' | 'attempt' | 'protocol' | 'plan' | 'reviewCard' | 'setting';
export type RestoreChoice = 'keep-both' | 'replace' | 'skip';

export interface RestoreItem {
  key: string;
  kind: RestoreKind;
  label: string;
  state: 'new' | 'same' | 'conflict';
  /** The choices a conflict offers ("keep both" only where two records can live side by side). */
  choices: RestoreChoice[];
}

/** What the profile holds now (its records as a backup would carry them, and its session ids). */
export type ExistingProfile = ProfileJson & { sessionIds: ReadonlySet<string> };

export interface BackupContent {
  profile: ProfileJson;
  sessions: readonly ParsedBundle[];
}

/** Everything to write: sessions with their import mode, the other records to put (a profile's lists), the settings. */
export type RestoreWrites = Omit<ProfileJson, 'settings'> & {
  sessions: { data: ParsedBundle; mode: 'new' | 'replace' | 'copy' }[];
  settings: [string, string][];
};

const BOTH: RestoreChoice[] = ['keep-both', 'replace', 'skip'];
const ONE: RestoreChoice[] = ['replace', 'skip'];

/** Stable JSON (keys sorted), so two equal records compare equal whatever their key order. */
function same(a: unknown, b: unknown): boolean {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

interface Kind<T> {
  kind: RestoreKind;
  key: (r: T) => string;
  label: (r: T) => string;
  choices: RestoreChoice[];
}

const attemptKey = (a: AttemptRecord) => `${a.problemId}#${a.number}`;
const KINDS = {
  drafts: { kind: 'draft', key: (d) => d.problemId, label: (d) => `Draft of ${d.problemId}`, choices: ONE } as Kind<DraftRecord>,
  practice: { kind: 'practice', key: (p) => p.problemId, label: (p) => `Practice of ${p.problemId}`, choices: ONE } as Kind<PracticeRecord>,
  attempts: {
    kind: 'attempt',
    key: attemptKey,
    label: (a) => `Attempt ${a.number} of ${a.problemId}`,
    choices: BOTH,
  } as Kind<AttemptRecord>,
  protocols: { kind: 'protocol', key: (p) => p.id, label: (p) => `Protocol “${p.name}”`, choices: BOTH } as Kind<CustomProtocolRecord>,
  plans: {
    kind: 'plan',
    key: (p) => p.id,
    label: (p) => `Plan “${p.title}” (interview ${p.interviewDate})`,
    choices: ONE,
  } as Kind<PlanRecord>,
  reviewCards: {
    kind: 'reviewCard',
    key: (c) => c.problemId,
    label: (c) => `Re-do schedule of ${c.problemId}`,
    choices: BOTH,
  } as Kind<ReviewCardRecord>,
} as const;

type RecordLists = Omit<ProfileJson, 'settings'>;

function itemsOf<T>(kind: Kind<T>, incoming: readonly T[], existing: readonly T[]): RestoreItem[] {
  const here = new Map(existing.map((r) => [kind.key(r), r]));
  return incoming.map((r) => {
    const mine = here.get(kind.key(r));
    const state = mine === undefined ? 'new' : same(mine, r) ? 'same' : 'conflict';
    return {
      key: `${kind.kind}:${kind.key(r)}`,
      kind: kind.kind,
      label: kind.label(r),
      state,
      choices: state === 'conflict' ? kind.choices : [],
    };
  });
}

export function restoreItems(backup: BackupContent, existing: ExistingProfile): RestoreItem[] {
  const sessions: RestoreItem[] = backup.sessions.map((b) => {
    const state = existing.sessionIds.has(b.session.id) ? 'conflict' : 'new';
    const when = new Date(b.session.startedAt).toISOString().slice(0, 16).replace('T', ' ');
    return {
      key: `session:${b.session.id}`,
      kind: 'session',
      label: `Session of ${b.problem.title} (${when} UTC)`,
      state,
      choices: state === 'conflict' ? BOTH : [],
    };
  });
  const lists = (Object.keys(KINDS) as (keyof RecordLists)[]).flatMap((field) =>
    itemsOf(KINDS[field] as Kind<unknown>, backup.profile[field] as unknown[], existing[field] as unknown[]),
  );
  const settings: RestoreItem[] = Object.entries(backup.profile.settings).map(([key, value]) => {
    const state = !(key in existing.settings) ? 'new' : existing.settings[key] === value ? 'same' : 'conflict';
    return {
      key: `setting:${key}`,
      kind: 'setting',
      label: `Setting ${key.replace(/^rehearse\./, '')}`,
      state,
      choices: state === 'conflict' ? ONE : [],
    };
  });
  return [...sessions, ...lists, ...settings];
}

export interface ResolveOptions {
  /** The person's choice per conflicting item's key; a conflict without one is skipped (what is here stays). */
  choices: ReadonlyMap<string, RestoreChoice>;
  /** A new custom protocol id for "keep both". */
  newId: () => string;
}

export function resolveRestore(backup: BackupContent, existing: ExistingProfile, options: ResolveOptions): RestoreWrites {
  const items = new Map(restoreItems(backup, existing).map((i) => [i.key, i]));
  const decide = (key: string): RestoreChoice | 'write' | 'nothing' => {
    const item = items.get(key)!;
    if (item.state === 'new') return 'write';
    if (item.state === 'same') return 'nothing';
    const choice = options.choices.get(key) ?? 'skip';
    return item.choices.includes(choice) ? choice : 'skip';
  };
  const writes: RestoreWrites = {
    sessions: [],
    drafts: [],
    practice: [],
    attempts: [],
    protocols: [],
    plans: [],
    reviewCards: [],
    settings: [],
  };
  for (const data of backup.sessions) {
    const d = decide(`session:${data.session.id}`);
    if (d === 'write') writes.sessions.push({ data, mode: 'new' });
    else if (d === 'replace') writes.sessions.push({ data, mode: 'replace' });
    else if (d === 'keep-both') writes.sessions.push({ data, mode: 'copy' });
  }
  const simple = <T>(field: 'drafts' | 'practice' | 'plans', kind: Kind<T>, out: T[]) => {
    for (const r of backup.profile[field] as unknown as T[]) {
      const d = decide(`${kind.kind}:${kind.key(r)}`);
      if (d === 'write' || d === 'replace') out.push(r);
    }
  };
  simple('drafts', KINDS.drafts, writes.drafts);
  simple('practice', KINDS.practice, writes.practice);
  simple('plans', KINDS.plans, writes.plans);
  resolveAttempts(backup.profile.attempts, existing.attempts, decide, writes.attempts);
  for (const p of backup.profile.protocols) {
    const d = decide(`protocol:${p.id}`);
    if (d === 'write' || d === 'replace') writes.protocols.push(p);
    if (d === 'keep-both') writes.protocols.push({ ...p, id: options.newId(), name: `${p.name} (restored)` });
  }
  for (const c of backup.profile.reviewCards) {
    const d = decide(`reviewCard:${c.problemId}`);
    if (d === 'write' || d === 'replace') writes.reviewCards.push(c);
    if (d === 'keep-both')
      writes.reviewCards.push(
        mergeCards(
          existing.reviewCards.find((e) => e.problemId === c.problemId)!,
          c,
        ),
      );
  }
  for (const [key, value] of Object.entries(backup.profile.settings)) {
    const d = decide(`setting:${key}`);
    if (d === 'write' || d === 'replace') writes.settings.push([key, value]);
  }
  return writes;
}

/** "Keep both" for an attempt: the backup's goes in under the next free number of its problem. */
function resolveAttempts(
  incoming: readonly AttemptRecord[],
  existing: readonly AttemptRecord[],
  decide: (key: string) => RestoreChoice | 'write' | 'nothing',
  out: AttemptRecord[],
): void {
  const taken = new Set([...existing, ...incoming].map(attemptKey));
  for (const a of incoming) {
    const d = decide(`attempt:${attemptKey(a)}`);
    if (d === 'write' || d === 'replace') out.push(a);
    if (d !== 'keep-both') continue;
    let number = a.number + 1;
    while (taken.has(`${a.problemId}#${number}`)) number++;
    taken.add(`${a.problemId}#${number}`);
    out.push({ ...a, number });
  }
}

/** Both histories of graded attempts, one per session (the one here wins a tie). */
export function mergeCards(here: ReviewCardRecord, backup: ReviewCardRecord): ReviewCardRecord {
  const ids = new Set(here.attempts.map((a) => a.sessionId));
  return { problemId: here.problemId, attempts: [...here.attempts, ...backup.attempts.filter((a) => !ids.has(a.sessionId))] };
}
