/** Restoring into a profile that is not empty: new, same and conflicting records, and each choice. */
import { describe, expect, it } from 'vitest';
import { fixtureSession } from '../bundle/testFixture';
import type { ParsedBundle } from '../bundle/parseBundle';
import { resolveRestore, restoreItems, type ExistingProfile, type RestoreChoice } from './restoreChoices';
import { testProfile } from './testBackup';

const EMPTY: ExistingProfile = {
  sessionIds: new Set(),
  drafts: [],
  practice: [],
  attempts: [],
  protocols: [],
  plans: [],
  reviewCards: [],
  settings: {},
};

const bundle = { session: fixtureSession(), problem: { id: 'token-bucket', title: 'Token-bucket rate limiter' } } as ParsedBundle;
const backup = { profile: testProfile(), sessions: [bundle] };
const resolve = (existing: ExistingProfile, choices: [string, RestoreChoice][] = []) =>
  resolveRestore(backup, existing, { choices: new Map(choices), newId: () => 'new-id' });

/** The profile the backup was made from, with its records changed where `changed` says. */
function profileHere(changed: boolean): ExistingProfile {
  const p = testProfile();
  if (changed) {
    p.drafts[0]!.code = 'my newer code';
    p.attempts[0]!.code = 'other';
    p.protocols[0]!.name = 'Mine, edited';
    p.reviewCards[0]!.attempts[0]!.sessionId = 'another-session';
    p.settings['rehearse.silenceThresholdMs'] = '45000';
  }
  return { ...p, sessionIds: new Set([bundle.session.id]) };
}

describe('restore choices', () => {
  it('into an empty profile everything is new and written', () => {
    expect(restoreItems(backup, EMPTY).every((i) => i.state === 'new')).toBe(true);
    const w = resolve(EMPTY);
    expect(w.sessions).toEqual([{ data: bundle, mode: 'new' }]);
    expect([w.drafts, w.practice, w.attempts, w.protocols, w.plans, w.reviewCards].map((l) => l.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(w.settings).toEqual([['rehearse.silenceThresholdMs', '20000']]);
  });

  it('identical records need no question and are not written again', () => {
    const items = restoreItems(backup, profileHere(false));
    expect(items.filter((i) => i.state === 'conflict').map((i) => i.kind)).toEqual(['session']);
    const w = resolve(profileHere(false));
    expect(w.drafts).toEqual([]);
    expect(w.sessions).toEqual([]);
  });

  it('a conflict without a choice keeps what is here', () => {
    const w = resolve(profileHere(true));
    expect(w).toMatchObject({ sessions: [], drafts: [], attempts: [], protocols: [], reviewCards: [], settings: [] });
  });

  it('replace writes the backup’s record over this one', () => {
    const w = resolve(profileHere(true), [
      ['session:' + bundle.session.id, 'replace'],
      ['draft:token-bucket', 'replace'],
      ['setting:rehearse.silenceThresholdMs', 'replace'],
    ]);
    expect(w.sessions).toEqual([{ data: bundle, mode: 'replace' }]);
    expect(w.drafts[0]!.code).toBe('export class TokenBucket {}');
    expect(w.settings).toEqual([['rehearse.silenceThresholdMs', '20000']]);
  });

  it('keep both keeps both where two can live side by side', () => {
    const here = profileHere(true);
    const w = resolve(here, [
      ['session:' + bundle.session.id, 'keep-both'],
      ['attempt:token-bucket#1', 'keep-both'],
      ['protocol:mine', 'keep-both'],
      ['reviewCard:token-bucket', 'keep-both'],
      // Offered only replace or skip: a draft cannot be kept twice, so this is read as skip.
      ['draft:token-bucket', 'keep-both'],
    ]);
    expect(w.sessions).toEqual([{ data: bundle, mode: 'copy' }]);
    expect(w.attempts.map((a) => a.number)).toEqual([2]);
    expect(w.protocols).toMatchObject([{ id: 'new-id', name: 'Mine (restored)' }]);
    expect(w.reviewCards[0]!.attempts.map((a) => a.sessionId)).toEqual([
      'another-session',
      testProfile().reviewCards[0]!.attempts[0]!.sessionId,
    ]);
    expect(w.drafts).toEqual([]);
    expect(restoreItems(backup, here).find((i) => i.kind === 'draft')!.choices).toEqual(['replace', 'skip']);
  });
});
