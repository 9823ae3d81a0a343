/**
 * Helpers for the importer's tests: a good bundle's files, re-zipped as they are or with a manifest that
 * matches changed content (so only the content checks can catch the change), and the refusal a bundle
 * earns. Shared by the unit tests; not used by the app.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { buildBundle, buildManifest, type BundleSource } from './buildBundle';
import { BundleError, type BundleErrorCode } from './errors';
import { BUNDLE_FORMAT_VERSION, projectPathOf, solutionFileOf } from './format';
import { parseBundle } from './parseBundle';
import { fixtureSource } from './testFixture';

export type Files = Record<string, Uint8Array>;

export async function goodFiles(source: BundleSource = fixtureSource()): Promise<Files> {
  return unzipSync(await buildBundle(source));
}

/** Re-zips files as they are (the manifest unchanged, so changed content no longer matches it). */
export const rezip = (files: Files): Uint8Array => zipSync(files);

/** Re-zips with a manifest that matches the (changed) files: only the content checks can catch them. */
export async function rezipSigned(files: Files, formatVersion = BUNDLE_FORMAT_VERSION): Promise<Uint8Array> {
  const content = new Map(Object.entries(files).filter(([name]) => name !== 'manifest.json'));
  const manifest = await buildManifest(content, '0.1.0', new Date(Date.UTC(2026, 10, 25)));
  return zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion })), ...Object.fromEntries(content) });
}

/**
 * A session's files as Rehearse wrote them before format 5: the code in solution.ts (solution.py for a
 * Python session, formats 3–4) instead of files/, and a Python session's log naming its code 'solution.ts'.
 * Sign them with `rezipSigned(files, version)`.
 */
export async function legacyFiles(source: BundleSource = fixtureSource()): Promise<Files> {
  const files = await goodFiles(source);
  const codeFile = solutionFileOf(source.session);
  const code = files[`files/${codeFile}`] ?? strToU8('');
  for (const name of Object.keys(files)) if (projectPathOf(name) !== null) delete files[name];
  files[codeFile] = code;
  if (codeFile !== 'solution.ts') {
    const lines = strFromU8(files['events.jsonl']!).split('\n');
    const renamed = lines.map((line) => line.replace(`"file":"${codeFile}"`, '"file":"solution.ts"'));
    files['events.jsonl'] = strToU8(renamed.join('\n'));
  }
  return files;
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
