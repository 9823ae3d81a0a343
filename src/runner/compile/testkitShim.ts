/**
 * What `import { expectMessage, expectThrow, expectRejection } from 'rehearse-test'` compiles to: the
 * message helpers of src/runner/testkit/expectMessage.ts, bundled into the test worker once and handed to
 * the test bundle by the harness like chai (moduleShims.ts).
 */

import { moduleShimSource } from './moduleShims';

/** The module name hidden tests import the message helpers from. */
export const TESTKIT_MODULE = 'rehearse-test';

export const TESTKIT_SHIM_SOURCE = moduleShimSource(TESTKIT_MODULE, ['expectMessage', 'expectThrow', 'expectRejection', 'messageHasPart']);
