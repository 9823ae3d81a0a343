/**
 * Why a bundle was refused. Every check of the importer throws a BundleError with its own code (for
 * tests and the UI) and a message a person can act on; nothing is written when one is thrown.
 */

export type BundleErrorCode =
  | 'empty'
  | 'file-too-large'
  | 'not-zip'
  | 'truncated'
  | 'unsupported-zip'
  | 'unsafe-name'
  | 'unexpected-file'
  | 'duplicate-file'
  | 'too-many-files'
  | 'entry-too-large'
  | 'total-too-large'
  | 'size-mismatch'
  | 'damaged-entry'
  | 'missing-manifest'
  | 'wrong-format'
  | 'unsupported-version'
  | 'missing-file'
  | 'unlisted-file'
  | 'checksum-mismatch'
  | 'invalid-json'
  | 'schema-violation'
  | 'inconsistent'
  | 'out-of-range'
  | 'invalid-session-id'
  | 'not-audio'
  | 'unknown-problem';

export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const NOT_A_BUNDLE = 'This file is not a Rehearse bundle:';

export function fail(code: BundleErrorCode, message: string): never {
  throw new BundleError(code, message);
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
