/** Exports one session as a .zip bundle. (Being built.) */
export function ExportButton(_props: { sessionId: string }) {
  return null;
}
