/**
 * Entry of the test worker's classic script, bundled at build time by scripts/vite/sandboxBundlePlugin.ts
 * (mocha's browser build + chai + fast-check + harness in one IIFE string). The bundle's banner sets `self.window = self`
 * before anything evaluates, which mocha's browser build needs to run inside a worker.
 */

import 'mocha/mocha.js';
import * as chai from 'chai';
import * as fastCheck from 'fast-check';
import { startHarness } from './harness';
import type { MochaClass, MochaGlobal } from './mochaTypes';
import { FAST_CHECK_GLOBAL } from '../protocol';

const globals = globalThis as unknown as { mocha: MochaGlobal; Mocha: MochaClass };
// For hidden tests' model-based properties (compile/fastCheckShim.ts); set before any user code runs.
(globalThis as Record<string, unknown>)[FAST_CHECK_GLOBAL] = fastCheck;
startHarness(globals.mocha, globals.Mocha, chai);
