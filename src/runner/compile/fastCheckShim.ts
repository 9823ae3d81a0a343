/**
 * What `import fc from 'fast-check'` (or `import * as fc`, or `import { property }`) compiles to, for
 * hidden tests with a model-based property. Like chai, fast-check is bundled into the test worker once and
 * handed to the test bundle by the harness as a parameter (IMPORTS_PARAM, see moduleShims.ts), never through
 * a global user code could replace.
 *
 * The shim is CommonJS on purpose: esbuild then reads it through a namespace object, so a default import
 * gets the whole namespace (fast-check's default export is that same API) and named imports read its
 * properties, without this file having to list fast-check's ~150 exports and keep them in sync.
 */

import { IMPORTS_PARAM } from '../sandbox/protocol';

export const FAST_CHECK_SHIM_SOURCE = `
const fc = ${IMPORTS_PARAM}["fast-check"];
if (!fc) throw new Error('fast-check is not available in this sandbox');
module.exports = fc;
`;
