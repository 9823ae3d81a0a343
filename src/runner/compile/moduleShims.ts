/**
 * The modules a problem's test file may import besides `./solution`, and the source each import compiles
 * to. The module objects live in the test worker (bundled once, see sandbox/worker/testWorker.entry.ts); the
 * harness passes them to the test bundle as the parameter IMPORTS_PARAM (sandbox/worker/runScript.ts), never
 * through a global, so user code cannot swap them for look-alikes that always pass.
 *
 * Adding a module (e.g. fast-check) takes three lines: its shim here (moduleShimSource with its export
 * names), `'<name>': <shim>` in shimSources() below, and `'<name>': module` in testWorker.entry.ts.
 */

import { IMPORTS_PARAM } from '../sandbox/protocol';

/** An ES module re-exporting `names` (and a default) from the module object the harness passes in. */
export function moduleShimSource(name: string, names: readonly string[], defaultExport = 'm'): string {
  const lines = [
    `const m = ${IMPORTS_PARAM}[${JSON.stringify(name)}];`,
    `if (!m) throw new Error(${JSON.stringify(`${name} is not available in this sandbox`)});`,
    ...names.map((n) => `export const ${n} = m.${n};`),
    `export default ${defaultExport};`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `import initSqlJs from 'sql.js'` (the API problems' framework, and tests that open its database): the
 * module object is made in the worker (sandbox/sqlJs.ts), whose default export ignores `locateFile` and
 * loads the WebAssembly the page handed over. Project files may import it too (PROJECT_MODULES).
 */
export const SQL_JS_SHIM_SOURCE = moduleShimSource('sql.js', [], 'm.default');

/** The packages a project file may import (everything else it imports is another project file). */
export const PROJECT_MODULES: readonly string[] = ['sql.js'];

/** Whether compiled code reads module `name` from IMPORTS_PARAM: its shim is in the code. */
export function readsModule(code: string, name: string): boolean {
  return code.includes(`${IMPORTS_PARAM}[${JSON.stringify(name)}]`);
}
