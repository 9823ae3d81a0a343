/**
 * The app's single runner, loaded as its own chunk (the sandbox scripts carry mocha and chai) and
 * warmed up before the first Run: esbuild-wasm's first initialisation costs most of a second and should
 * not land on the first click. Warming starts when the editor has mounted, or when the catalog is idle,
 * not at page load, where it would compete with Monaco for two cores.
 */
import type { Runner } from './types';

let runner: Promise<Runner> | null = null;

export function getRunner(): Promise<Runner> {
  runner ??= import('./index').then((m) => m.createRunner());
  return runner;
}

/** Warms the runner when the browser is idle (at the latest after `timeoutMs`). */
export function warmUpRunnerWhenIdle(timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmUpRunner(), { timeout: timeoutMs });
  else setTimeout(warmUpRunner, 200);
}

export function warmUpRunner(): void {
  getRunner()
    .then((r) => r.warmUp())
    .catch((e: unknown) => console.error('The code runner could not start:', e));
}
