/**
 * The one-shot global the project's script calls to be evaluated inside a function that receives the
 * packages project files may import (runScript.ts: buildProjectScript). Shared by the test worker and the
 * service worker. The secret appears only in the script's text, so user code calling the claim first, or
 * again, is refused; and the packages reach the project as a parameter, never as a global.
 */
import { PROJECT_CLAIM_GLOBAL } from './protocol';

/** What the claim needs, captured before any user code exists. */
export interface ClaimTools {
  apply: typeof Reflect.apply;
  defineProperty: typeof Object.defineProperty;
}

/** Defines the claim on `scope`; the returned function says whether the project's script used it. */
export function defineProjectClaim(scope: object, tools: ClaimTools, secret: string, modules: object): () => boolean {
  let claimed = false;
  tools.defineProperty(scope, PROJECT_CLAIM_GLOBAL, {
    value: function claimProject(given: unknown, define: unknown): unknown {
      if (claimed || given !== secret || typeof define !== 'function') {
        throw new Error("The project's code is loaded once, by the runner.");
      }
      claimed = true;
      return tools.apply(define, undefined, [modules]);
    },
    writable: false,
    enumerable: false,
    configurable: false,
  });
  return () => claimed;
}

/** The packages of `modules` that project files may import (`names`), frozen. */
export function projectModules(modules: Readonly<Record<string, object>>, names: readonly string[]): Readonly<Record<string, object>> {
  const picked: Record<string, object> = {};
  for (const name of names) {
    const module = modules[name];
    if (module) picked[name] = module;
  }
  return Object.freeze(picked);
}
