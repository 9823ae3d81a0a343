/**
 * What `import ... from 'chai'` compiles to. chai itself is bundled into the test worker once (it is large
 * and identical for every run); the per-run bundle only re-exports it from the modules the harness hands
 * the test file (see moduleShims.ts). Importing a name chai does not export is a compile error
 * ("No matching export"), as it should be.
 */

import { moduleShimSource } from './moduleShims';

export const CHAI_SHIM_SOURCE = moduleShimSource('chai', [
  'expect',
  'assert',
  'should',
  'Should',
  'use',
  'config',
  'util',
  'Assertion',
  'AssertionError',
]);
