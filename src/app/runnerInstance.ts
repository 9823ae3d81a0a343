/**
 * The app's single runner, loaded as its own chunk (the sandbox scripts carry mocha and chai) and
 * warmed up at page load: esbuild-wasm's first initialisation costs most of a second and should not
 * land on the first click of Run.
 */
import type { Runner } from '../runner/types';

let runner: Promise<Runner> | null = null;

export function getRunner(): Promise<Runner> {
  runner ??= import('../runner').then((m) => m.createRunner());
  return runner;
}

export function warmUpRunner(): void {
  getRunner()
    .then((r) => r.warmUp())
    .catch((e: unknown) => console.error('The code runner could not start:', e));
}
