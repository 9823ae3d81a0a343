/**
 * The small type guards every restore function is built from. Untrusted input (IndexedDB rows, bundle
 * files, thread messages) is narrowed with these, never cast.
 */
export type Loose = Record<string, unknown>;

/**
 * A plain object (not null, not an array): fields can be read from it. The app's only object guard: the
 * restore guards, the whiteboard's, and every thread protocol's message checks (runner, import worker) use it.
 */
export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A whole number ≥ 0: indexes, counts, sequence numbers. */
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
/** A string or the empty string: a text field that falls back to nothing. */
export const textOr = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
