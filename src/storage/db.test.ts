/** The upgrade creates, from any older version, exactly the stores the version list names for the versions above it. */
import { describe, expect, it } from 'vitest';
import { DB_VERSION, upgradeDatabase, type UpgradableDatabase } from './db';

function recordingDatabase(): { db: UpgradableDatabase; created: string[] } {
  const created: string[] = [];
  const db: UpgradableDatabase = {
    createObjectStore(name, options) {
      created.push(`${name} ${JSON.stringify(options.keyPath)}`);
      return { createIndex: (index, keyPath) => created.push(`${name}.${index} ${JSON.stringify(keyPath)}`) };
    },
  };
  return { db, created };
}

/** The stores and keys as the hand-written upgrade of database versions 1–5 created them. */
const EVERY_STORE = [
  'drafts "problemId"',
  'practice "problemId"',
  'sessions "id"',
  'sessions.byProblem "problemId"',
  'sessionEvents ["sessionId","seq"]',
  'audioChunks ["sessionId","segment","seq"]',
  'levels ["sessionId","segment","seq"]',
  'reviews "sessionId"',
  'protocols "id"',
  'attempts ["problemId","number"]',
  'plans "id"',
  'reviewCards "problemId"',
];

describe('upgradeDatabase', () => {
  it('creates every store with its key and index for a new profile', () => {
    const { db, created } = recordingDatabase();
    upgradeDatabase(db, 0);
    expect(created).toEqual(EVERY_STORE);
  });

  it('creates only the stores of the versions above the one found', () => {
    const from3 = recordingDatabase();
    upgradeDatabase(from3.db, 3);
    expect(from3.created).toEqual(['attempts ["problemId","number"]', 'plans "id"', 'reviewCards "problemId"']);
    const current = recordingDatabase();
    upgradeDatabase(current.db, DB_VERSION);
    expect(current.created).toEqual([]);
  });
});
