/** The version lists are the source of truth: the constants come from their last entries, and the docs from them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifestSchema from '../../../schemas/bundle-manifest.schema.json';
import { renderBundleFormatTable, renderMigrationsDoc } from './migrationsDoc';
import { BUNDLE_FORMAT_VERSION, BUNDLE_FORMATS, DATABASE_VERSIONS, DB_VERSION, READABLE_FORMAT_VERSIONS } from './versions';

const repo = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

describe('the version lists', () => {
  it('number their entries 1, 2, 3, … in order, with nothing left out', () => {
    expect(DATABASE_VERSIONS.map((v) => v.version)).toEqual(DATABASE_VERSIONS.map((_, i) => i + 1));
    expect(BUNDLE_FORMATS.map((f) => f.version)).toEqual(BUNDLE_FORMATS.map((_, i) => i + 1));
  });

  it('give the database version and the bundle format versions as their last entries', () => {
    expect(DB_VERSION).toBe(DATABASE_VERSIONS.at(-1)!.version);
    expect(BUNDLE_FORMAT_VERSION).toBe(BUNDLE_FORMATS.at(-1)!.version);
    expect(READABLE_FORMAT_VERSIONS).toEqual(BUNDLE_FORMATS.map((f) => f.version));
  });

  it('create every store once', () => {
    const stores = DATABASE_VERSIONS.flatMap((v) => v.stores.map((s) => s.name));
    expect(new Set(stores).size).toBe(stores.length);
  });

  it('agree with the manifest schema, which accepts exactly the readable format versions', () => {
    expect(manifestSchema.properties.formatVersion.enum).toEqual(READABLE_FORMAT_VERSIONS);
  });
});

describe('the documents', () => {
  it('MIGRATIONS.md is exactly what renderMigrationsDoc() renders from the lists (npm run docs:migrations)', () => {
    expect(read('src/core/records/MIGRATIONS.md')).toBe(renderMigrationsDoc());
  });

  it('schemas/README.md names the current format and holds the same version table', () => {
    const readme = read('schemas/README.md');
    expect(readme).toContain(`# Rehearse session bundle — format version ${BUNDLE_FORMAT_VERSION}\n`);
    expect(readme).toContain(`${renderBundleFormatTable()}\n`);
  });
});
