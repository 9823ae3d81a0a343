/** A small, complete backup for the unit tests: two sessions and one record of every other kind. Not used by the app. */
import { buildBundle } from '../bundle/buildBundle';
import { FIXTURE_SESSION_ID, fixtureSource } from '../bundle/testFixture';
import { emptyReview } from '../review/rubrics';
import { buildBackup } from './buildBackup';
import type { ProfileJson } from './format';

export const SECOND_SESSION_ID = '0b7c4e1a-2f3d-4c5b-9a8e-7d6c5b4a3f21';

export function testProfile(): ProfileJson {
  return {
    drafts: [{ problemId: 'token-bucket', code: 'export class TokenBucket {}', updatedAt: 5 }],
    practice: [
      {
        problemId: 'token-bucket',
        status: 'in-progress',
        clock: null,
        lastSubmit: { passed: 1, total: 3, at: 4 },
        submits: 1,
        updatedAt: 5,
      },
    ],
    attempts: [
      {
        problemId: 'token-bucket',
        number: 1,
        startedAt: 1,
        endedAt: 2,
        code: 'x',
        notes: '',
        submits: 1,
        lastSubmit: null,
        submitsUntilAllPass: null,
        firstAllPassAt: null,
        sessionIds: [FIXTURE_SESSION_ID],
      },
    ],
    protocols: [{ id: 'mine', name: 'Mine', phases: [{ id: 'p', name: 'P', minutes: 10, goal: '' }], basedOn: null, updatedAt: 1 }],
    plans: [
      {
        id: 'current',
        title: 'Practice protocol: five days',
        templateId: 'practice-protocol',
        startDate: '2026-12-07',
        interviewDate: '2026-12-12',
        days: [[{ kind: 'problem', problemId: 'token-bucket', protocolId: 'coding-45', why: 'plan: first' }]],
        dayNotes: [''],
        done: [],
        started: null,
        createdAt: 1,
      },
    ],
    reviewCards: [
      {
        problemId: 'token-bucket',
        attempts: [
          {
            sessionId: FIXTURE_SESSION_ID,
            day: '2026-11-25',
            endedAt: 9,
            kind: 'coding',
            protocolId: 'coding-45',
            grade: 1,
            summary: 'failed 3 hidden tests',
            reasons: [],
            checklist: [],
          },
        ],
      },
    ],
    settings: { 'rehearse.silenceThresholdMs': '20000' },
  };
}

export async function testBackupBytes(profile: ProfileJson = testProfile()): Promise<Uint8Array> {
  const first = fixtureSource();
  const second = fixtureSource({ session: { ...first.session, id: SECOND_SESSION_ID }, review: emptyReview(SECOND_SESSION_ID, null, 1) });
  return buildBackup({
    profile,
    sessions: [
      { id: FIXTURE_SESSION_ID, bundle: await buildBundle(first) },
      { id: SECOND_SESSION_ID, bundle: await buildBundle(second) },
    ],
    appVersion: '0.1.0',
    now: new Date(Date.UTC(2026, 11, 7)),
  });
}
