/**
 * When the offline service worker is registered. Installing it precaches the whole build (Monaco, esbuild.wasm:
 * about 27 MB), which competed with the first problem for the network, the disk and two cores: the first
 * visit's card click took 3.4–3.9 s. So it is registered only once the page is interactive — on a problem,
 * after the editor's code has loaded and the browser is idle; anywhere else, when the browser is first idle —
 * and it still takes control on that first visit (clientsClaim), so the app is offline-ready without a second.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { whenEditorLoaded } from '../editor';

const IDLE_TIMEOUT_MS = 3000;
const EDITOR_WAIT_MS = 20_000;

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 500);
  });
}

export async function registerServiceWorkerWhenInteractive(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  if (document.readyState !== 'complete') await new Promise((r) => window.addEventListener('load', r, { once: true }));
  // A problem page: the editor first (the workspace loads it once its plain text area shows; this only
  // waits for it, and not for ever).
  if (location.hash.startsWith('#/problems/')) await Promise.race([whenEditorLoaded(), new Promise((r) => setTimeout(r, EDITOR_WAIT_MS))]);
  await whenIdle();
  registerSW({ immediate: true });
}
