/**
 * The one classic script a run evaluates (importScripts): the candidate's code ("solution": every module
 * of the project, compile/projectBuild.ts), then the problem's test bundle
 * wrapped in a function that receives mocha's BDD functions and the importable modules as parameters.
 *
 *   "use strict";                                                      line 1
 *   var __rehearseSolution = __rehearseProject("<secret>", function (__rehearseImports) {
 *   var __rehearseSolution = (() => { … })();       the candidate's code (each module's exports, by path)
 *   return __rehearseSolution;
 *   });
 *   __rehearseTests("<secret>", function (describe, it, …, __rehearseImports) {
 *   (() => { … the test bundle … })();
 *   });
 *
 * The project's own wrapper hands its modules the few packages project files may import (`sql.js`) as a
 * parameter too; its inner `var` is the project's exports, returned to the global the tests' links read.
 *
 * Why a wrapper: inside it, `describe`, `it`, the hooks and the modules are parameters, so nothing user code
 * does to globals (`globalThis.it = …`, `it.only`, a fake chai) changes what the problem's tests use; the
 * globals `describe`/`it` user code sees belong to the candidate's own group. The call is made with a
 * per-run secret that appears only in this script's text (which user code cannot read: no fetch under
 * the frame's CSP), so user code calling the claim first, or re-running the script, is refused.
 *
 * Why "use strict": the solution and the tests are ES modules, which are strict. Without it, a sloppy-mode
 * function could reach its callers through `fn.caller` / `fn.arguments`, and writes to the frozen built-ins
 * (hardenRealm.ts) would fail silently instead of throwing.
 *
 * One script rather than two: each importScripts is a synchronous round trip to the browser process.
 */
import { IMPORTS_PARAM, PROJECT_CLAIM_GLOBAL, SOLUTION_GLOBAL, TESTS_CLAIM_GLOBAL } from '../protocol';

/** The names a mocha BDD test file may use as globals; each becomes a parameter of the wrapper. */
export const BDD_NAMES = [
  'describe',
  'context',
  'it',
  'specify',
  'xdescribe',
  'xcontext',
  'xit',
  'xspecify',
  'before',
  'after',
  'beforeEach',
  'afterEach',
] as const;
export type BddName = (typeof BDD_NAMES)[number];

export interface RunScript {
  code: string;
  /** Line n of the script, for solutionOffset < n ≤ solutionOffset + solutionLines, is solution line n − solutionOffset. */
  solutionOffset: number;
  solutionLines: number;
  /** Line n > testsOffset is line n − testsOffset of the test bundle. */
  testsOffset: number;
}

/** The candidate's project alone, inside its claim wrapper (the service worker evaluates just this). */
export interface ProjectScript {
  code: string;
  /** Line n of the script, for solutionOffset < n ≤ solutionOffset + solutionLines, is solution line n − solutionOffset. */
  solutionOffset: number;
  solutionLines: number;
}

export function buildProjectScript(solutionCode: string, secret: string): ProjectScript {
  const solution = solutionCode.endsWith('\n') ? solutionCode : `${solutionCode}\n`;
  let solutionLines = 0;
  for (let i = solution.indexOf('\n'); i !== -1; i = solution.indexOf('\n', i + 1)) solutionLines++;
  const head = `"use strict";\nvar ${SOLUTION_GLOBAL} = ${PROJECT_CLAIM_GLOBAL}(${JSON.stringify(secret)}, function (${IMPORTS_PARAM}) {\n`;
  const tail = `return ${SOLUTION_GLOBAL};\n});\n`;
  return { code: head + solution + tail, solutionOffset: 2, solutionLines };
}

export function buildRunScript(solutionCode: string, testsCode: string, secret: string): RunScript {
  const project = buildProjectScript(solutionCode, secret);
  const open = `${TESTS_CLAIM_GLOBAL}(${JSON.stringify(secret)}, function (${[...BDD_NAMES, IMPORTS_PARAM].join(', ')}) {\n`;
  const close = '\n});\n';
  return {
    code: project.code + open + testsCode + close,
    solutionOffset: project.solutionOffset,
    solutionLines: project.solutionLines,
    // The wrapper's two lines after the project, then the tests' opening line.
    testsOffset: project.solutionOffset + project.solutionLines + 3,
  };
}
