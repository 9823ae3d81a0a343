/**
 * Session ids as the app makes them: `crypto.randomUUID()` (src/recorder/sessionEngine.ts, and a copy on
 * import), i.e. 36 characters of lower-case hex in the 8-4-4-4-12 layout. An id travels into URLs
 * (`#/sessions/<id>`), IndexedDB keys and file names, so an imported one must be exactly that shape.
 */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isSessionId(id: unknown): id is string {
  return typeof id === 'string' && SESSION_ID.test(id);
}

/** An untrusted id for a message: JSON-quoted (control characters escaped) and cut short. */
export function quoteId(id: unknown): string {
  const quoted = JSON.stringify(typeof id === 'string' ? id : String(id)) ?? '""';
  return quoted.length > 60 ? `${quoted.slice(0, 57)}…"` : quoted;
}
