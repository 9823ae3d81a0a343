/** MIGRATIONS.md stays true: its last database version is the one storage/db.ts opens. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_VERSION } from './db';

describe('MIGRATIONS.md', () => {
  it('ends with the database version the app opens', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'core', 'records', 'MIGRATIONS.md'), 'utf8');
    const section = doc.split('## IndexedDB')[1]!.split('\n## ')[0]!;
    const versions = [...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(versions).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });
});
