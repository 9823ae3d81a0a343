/**
 * The sandbox frame's whole document, given to `<iframe sandbox="allow-scripts" srcdoc>`. Everything is
 * inline: an opaque-origin document cannot load module scripts by URL without CORS, which plain static
 * servers don't send.
 *
 * CSP: scripts only inline (the frame script) or from blob: (the test worker and the code it importScripts);
 * `default-src 'none'` leaves no connect-src, so user code cannot fetch, XHR or open sockets.
 * 'wasm-unsafe-eval' lets the Python worker compile Pyodide's WebAssembly (it grants nothing else: no eval).
 */

export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; worker-src blob:";

export function buildSrcdoc(frameScript: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
    '</head><body>',
    `<script>${escapeInlineScript(frameScript)}</script>`,
    '</body></html>',
  ].join('');
}

/** `</script` inside the code would end the element early; `<\/script` means the same to JavaScript strings. */
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}
