/**
 * Helpers for the importer's tests: a good bundle's files, re-zipped as they are or with a manifest that
 * matches changed content (so only the content checks can catch the change), and the refusal a bundle
 * earns. Shared by the unit tests; not used by the app.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { buildBundle, buildManifest, type BundleSource } from './buildBundle';
import { BundleError, type BundleErrorCode } from './errors';
import { parseBundle } from './parseBundle';
import { fixtureSource } from './testFixture';

export type Files = Record<string, Uint8Array>;

export async function goodFiles(source: BundleSource = fixtureSource()): Promise<Files> {
  return unzipSync(await buildBundle(source));
}

/** Re-zips files as they are (the manifest unchanged, so changed content no longer matches it). */
export const rezip = (files: Files): Uint8Array => zipSync(files);

/** Re-zips with a manifest that matches the (changed) files: only the content checks can catch them. */
export async function rezipSigned(files: Files): Promise<Uint8Array> {
  const content = new Map(Object.entries(files).filter(([name]) => name !== 'manifest.json'));
  const manifest = await buildManifest(content, '0.1.0', new Date(Date.UTC(2026, 10, 25)));
  return zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), ...Object.fromEntries(content) });
}

export async function refusal(bytes: Uint8Array): Promise<BundleError> {
  try {
    await parseBundle(bytes);
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw e;
  }
  throw new Error('the bundle was accepted');
}

export async function expectRefused(bytes: Uint8Array, code: BundleErrorCode, message: RegExp): Promise<BundleError> {
  const error = await refusal(bytes);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}
