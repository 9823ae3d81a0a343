/**
 * Entry of the test worker's classic script, bundled at build time by scripts/vite/sandboxBundlePlugin.ts
 * (mocha's browser build + the modules tests may import + harness in one IIFE string). The bundle's banner
 * sets `self.window = self` before anything evaluates, which mocha's browser build needs to run inside a
 * worker. The harness captures `Mocha` and deletes the build's globals before any user code runs.
 */

import 'mocha/mocha.js';
import * as chai from 'chai';
import * as fastCheck from 'fast-check';
import { sqlJsSlot } from '../sqlJs';
import * as testkit from '../../testkit/expectMessage';
import { TESTKIT_MODULE } from '../../compile/testkitShim';
import { startHarness } from './harness';
import type { MochaClass } from './mochaTypes';

const globals = globalThis as unknown as { Mocha: MochaClass };
// The modules a problem's test file may import (their shims: compile/moduleShims.ts).
// sql.js's script comes with a run that needs it (not bundled: the other problems' spares never parse it).
const sqlJs = sqlJsSlot();
startHarness(globals.Mocha, { chai, 'fast-check': fastCheck, [TESTKIT_MODULE]: testkit, 'sql.js': sqlJs.module }, sqlJs);
