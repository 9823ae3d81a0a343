/**
 * Rewrites src/core/records/MIGRATIONS.md from the version lists (src/core/records/versions.ts). Run after
 * appending a database or bundle version: `npm run docs:migrations`. A unit test fails while the file differs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMigrationsDoc } from '../src/core/records/migrationsDoc';

const path = join(import.meta.dirname, '..', 'src', 'core', 'records', 'MIGRATIONS.md');
writeFileSync(path, renderMigrationsDoc());
console.log(`Wrote ${path}`);
