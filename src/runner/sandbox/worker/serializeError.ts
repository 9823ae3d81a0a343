/**
 * Flattens whatever a test threw into a SerializedError for postMessage: display strings only,
 * chai's expected/actual inspected, and the code bundle's blob URL in the stack replaced by a stable name
 * so the main page can map frames through the source map.
 */

import { CODE_BUNDLE_URL, type SerializedError } from '../protocol';
import { inspect } from './inspect';

const MAX_STACK_LENGTH = 8_000;
const MAX_MESSAGE_LENGTH = 4_000;

export function serializeError(err: unknown, codeUrl: string | null): SerializedError {
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
    out.stack = (codeUrl ? stack.split(codeUrl).join(CODE_BUNDLE_URL) : stack).slice(0, MAX_STACK_LENGTH);
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
