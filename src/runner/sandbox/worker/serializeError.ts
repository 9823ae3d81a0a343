/**
 * Flattens whatever a test threw into a SerializedError for postMessage: display strings only,
 * chai's expected/actual inspected, and the run code's blob URL in the stack replaced by stable names
 * (SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL, see runScript.ts) so the main page can map frames through each
 * script's own source map.
 */

import { SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL, type SerializedError } from '../protocol';
import { inspect } from './inspect';
import type { RunScript } from './runScript';

const MAX_STACK_LENGTH = 8_000;
const MAX_MESSAGE_LENGTH = 4_000;

/** Where the run script was loaded from (its blob URL) and how its lines split (see runScript.ts). */
export interface ScriptLocation extends Omit<RunScript, 'code'> {
  url: string;
}

/** `blob:null/…:12:5` → `rehearse-solution.js:11:5`, or `rehearse-tests.js:<line − testsOffset>:5`. */
export function nameLocations(stack: string, where: ScriptLocation | null): string {
  if (!where) return stack;
  const location = new RegExp(`${where.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g');
  return stack.replace(location, (whole, line: string, column: string) => {
    const n = Number(line);
    if (n > where.testsOffset) return `${TESTS_SCRIPT_URL}:${n - where.testsOffset}:${column}`;
    if (n > where.solutionOffset && n <= where.solutionOffset + where.solutionLines) {
      return `${SOLUTION_SCRIPT_URL}:${n - where.solutionOffset}:${column}`;
    }
    return whole; // the wrapper's own lines
  });
}

export function serializeError(err: unknown, where: ScriptLocation | null): SerializedError {
  const e = isErrorLike(err) ? err : null;
  const name = e ? safeString(readProp(e, 'name'), 'Error') : 'Error';
  const message = e ? safeString(readProp(e, 'message'), '') : `Thrown value: ${inspect(err)}`;
  const isAssertion = name === 'AssertionError';
  const code = e ? readProp(e, 'code') : undefined;
  const out: SerializedError = {
    name,
    message: message.slice(0, MAX_MESSAGE_LENGTH),
    isAssertion,
    isTimeout: code === 'ERR_MOCHA_TIMEOUT' || /^Timeout of \d+ms exceeded/.test(message),
  };
  const stack = e ? readProp(e, 'stack') : undefined;
  if (typeof stack === 'string') {
    out.stack = nameLocations(stack, where).slice(0, MAX_STACK_LENGTH);
  }
  // chai sets showDiff only when it supplied a meaningful expected/actual pair.
  if (e && readProp(e, 'showDiff') === true) {
    out.expected = inspect(readProp(e, 'expected'), { depth: 4, maxLength: 2_000 });
    out.actual = inspect(readProp(e, 'actual'), { depth: 4, maxLength: 2_000 });
  }
  return out;
}

function isErrorLike(x: unknown): x is object {
  try {
    return typeof x === 'object' && x !== null && 'message' in x;
  } catch {
    return false;
  }
}

function readProp(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function safeString(x: unknown, fallback: string): string {
  try {
    return x === undefined || x === null ? fallback : String(x);
  } catch {
    return fallback;
  }
}
