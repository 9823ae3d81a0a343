/**
 * Entry of the test worker's classic script, bundled at build time by scripts/vite/sandboxBundlePlugin.ts
 * (mocha's browser build + chai + harness in one IIFE string). The bundle's banner sets `self.window = self`
 * before anything evaluates, which mocha's browser build needs to run inside a worker.
 */

import 'mocha/mocha.js';
import * as chai from 'chai';
import { startHarness } from './harness';
import type { MochaClass, MochaGlobal } from './mochaTypes';

const globals = globalThis as unknown as { mocha: MochaGlobal; Mocha: MochaClass };
startHarness(globals.mocha, globals.Mocha, chai);
