/**
 * The one way hidden tests check an error's message (problems/README.md, "Message checks"): the module
 * `rehearse-test`, next to chai and fast-check. Statements fix the words and ids a message must contain,
 * never their order, wording around them or letter case, so a check is a list of parts, each found
 * case-insensitively as a whole word (a part that starts or ends with a letter or digit must not
 * continue a longer word there: `7` is not found in `17`, `job-4` not in `job-42`), in any order.
 *
 * The browser's test worker hands this module to test bundles (moduleShims.ts); in Node, check:problems and
 * the mutation run resolve `rehearse-test` to this file (scripts/problems/testkitPackage.ts). No imports:
 * it runs in both as it is, and throws a plain Error named AssertionError, which mocha reports like chai's.
 */

/** A word, phrase, id or number the message must contain. */
export type MessagePart = string | number;

class MessageAssertionError extends Error {
  override name = 'AssertionError';
}

/** Letters and digits continue a word; `_`, `-`, `.` and the rest separate words (`max` is in `max_records`). */
const WORD = /[\p{L}\p{N}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `message` contains `part` case-insensitively, not as a piece of a longer word. */
export function messageHasPart(message: string, part: MessagePart): boolean {
  const text = String(part);
  if (text.trim() === '') return true;
  const before = WORD.test(text[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = WORD.test(text[text.length - 1]!) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${escapeRegExp(text)}${after}`, 'iu').test(message);
}

/** The parts `message` lacks (empty when it has them all). */
export function missingParts(message: string, parts: readonly MessagePart[]): string[] {
  return parts.filter((p) => !messageHasPart(message, p)).map(String);
}

function messageOf(error: unknown): string | null {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const m = (error as { message: unknown }).message;
    return typeof m === 'string' ? m : null;
  }
  return null;
}

function label(what: string | undefined): string {
  return what ? `${what}: ` : '';
}

/**
 * Fails unless `error` has a string `message` containing every part (any order, any case, whole words).
 * `what` names the call in the failure, e.g. `'allow("")'`.
 */
export function expectMessage(error: unknown, parts: readonly MessagePart[], what?: string): void {
  const message = messageOf(error);
  if (message === null) {
    throw new MessageAssertionError(`${label(what)}expected an error with a message containing ${quoteAll(parts)}, got ${show(error)}`);
  }
  const missing = missingParts(message, parts);
  if (missing.length > 0) {
    throw new MessageAssertionError(
      `${label(what)}expected the message to contain ${quoteAll(missing)} (words in any order and any case), got ${JSON.stringify(message)}`,
    );
  }
}

type ErrorClass<E> = abstract new (...args: never[]) => E;

function checkError<E>(error: unknown, type: ErrorClass<E>, parts: readonly MessagePart[], what: string | undefined, verb: string): E {
  if (!(error instanceof type)) {
    throw new MessageAssertionError(
      `${label(what)}expected it to ${verb} a ${type.name}, but it ${verb === 'throw' ? 'threw' : 'rejected with'} ${show(error)}`,
    );
  }
  expectMessage(error, parts, what);
  return error;
}

/** Calls `fn`, which must throw a `type` whose message contains every part; returns the error. */
export function expectThrow<E>(fn: () => unknown, type: ErrorClass<E>, parts: readonly MessagePart[], what?: string): E {
  try {
    fn();
  } catch (error) {
    return checkError(error, type, parts, what, 'throw');
  }
  throw new MessageAssertionError(`${label(what)}expected a ${type.name}, but nothing was thrown`);
}

/** Awaits `promise`, which must reject with a `type` whose message contains every part; returns the error. */
export async function expectRejection<E>(
  promise: PromiseLike<unknown>,
  type: ErrorClass<E>,
  parts: readonly MessagePart[],
  what?: string,
): Promise<E> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return checkError(error, type, parts, what, 'reject with');
  }
  throw new MessageAssertionError(`${label(what)}expected a rejection with a ${type.name}, but it resolved with ${show(value)}`);
}

function quoteAll(parts: readonly MessagePart[]): string {
  return parts.map((p) => JSON.stringify(String(p))).join(', ');
}

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${JSON.stringify(value.message)}`;
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
