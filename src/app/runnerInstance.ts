/**
 * The app's single runner. Created on first use and warmed up at page load, because esbuild-wasm's
 * first initialisation costs most of a second and should not land on the first click of Run.
 */
import { createRunner } from '../runner';
import type { Runner } from '../runner/types';

let runner: Runner | null = null;

export function getRunner(): Runner {
  runner ??= createRunner();
  return runner;
}

export function warmUpRunner(): void {
  getRunner()
    .warmUp()
    .catch((e: unknown) => console.error('The code runner could not start:', e));
}
