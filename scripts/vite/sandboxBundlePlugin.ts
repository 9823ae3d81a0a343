import type { Plugin } from 'vite';

/** Placeholder until the runner lands: provides the virtual sandbox bundle module. */
export function sandboxBundlePlugin(): Plugin {
  return { name: 'rehearse-sandbox-bundle' };
}
