/**
 * What `import ... from 'chai'` compiles to. chai itself is bundled into the test worker once (it is large
 * and identical for every run); the per-run bundle only re-exports it from the global the harness sets.
 * Importing a name chai does not export is a compile error ("No matching export"), as it should be.
 */

import { CHAI_GLOBAL } from '../sandbox/protocol';

export const CHAI_SHIM_SOURCE = `
const chai = globalThis[${JSON.stringify(CHAI_GLOBAL)}];
if (!chai) throw new Error('chai is not available in this sandbox');
export const expect = chai.expect;
export const assert = chai.assert;
export const should = chai.should;
export const Should = chai.Should;
export const use = chai.use;
export const config = chai.config;
export const util = chai.util;
export const Assertion = chai.Assertion;
export const AssertionError = chai.AssertionError;
export default chai;
`;
