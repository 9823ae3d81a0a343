/**
 * The app's single runner, loaded as its own chunk (the sandbox scripts carry mocha and chai) and
 * warmed up before the first Run: esbuild-wasm's first initialisation costs most of a second and should
 * not land on the first click. Warming starts when the editor has mounted, or when the catalog is idle,
 * not at page load, where it would compete with Monaco for two cores.
 */
import type { Runner } from './types';

declare const __REHEARSE_TEST_HOOKS__: boolean;

let runner: Promise<Runner> | null = null;
let loaded: Runner | null = null;

/**
 * In test builds only (REHEARSE_TEST_HOOKS=1), browser tests and the bench reach the app's runner as
 * `window.__rehearseRunner()`, to drive what no pane shows yet (a service's requests, e2e/service-mode.spec.ts).
 * A production build compiles this away.
 */
if (__REHEARSE_TEST_HOOKS__ && typeof window !== 'undefined') {
  (window as unknown as { __rehearseRunner?: () => Promise<Runner> }).__rehearseRunner = () => getRunner();
}

export function getRunner(): Promise<Runner> {
  runner ??= import('./index').then((m) => (loaded = m.createRunner()));
  return runner;
}

/** The runner if its chunk has loaded, else null (never starts loading it). */
export function loadedRunner(): Runner | null {
  return loaded;
}

/** Warms the runner when the browser is idle (at the latest after `timeoutMs`). */
export function warmUpRunnerWhenIdle(timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmUpRunner(), { timeout: timeoutMs });
  else setTimeout(warmUpRunner, 200);
}

/** Starts the runner warming up; resolves once its chunk has loaded (the warm-up itself goes on). */
export function warmUpRunner(): Promise<void> {
  return getRunner()
    .then((r) => void r.warmUp().catch((e: unknown) => console.error('The code runner could not start:', e)))
    .catch((e: unknown) => console.error('The code runner could not start:', e));
}
