/**
 * Excalidraw loads its fonts from `window.EXCALIDRAW_ASSET_PATH`, and from a public CDN when that is not
 * set. Ours serves them from the build (scripts/vite/excalidrawAssetsPlugin.ts copies them to
 * `excalidraw/fonts/`), so nothing is fetched from elsewhere and the board works offline. This module is
 * imported before Excalidraw, so the path is set before it looks.
 */
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

window.EXCALIDRAW_ASSET_PATH = new URL('./excalidraw/', document.baseURI).toString();

export {};
