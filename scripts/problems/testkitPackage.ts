/**
 * Hidden tests import the message helpers from `rehearse-test` (src/runner/testkit/expectMessage.ts); the
 * browser's test worker provides that module (src/runner/compile/testkitShim.ts). In Node — mocha and tsc
 * in check:problems, Stryker in the mutation run — the name resolves through a tiny package this writes into
 * the work folder's node_modules (every variant folder lies below it), re-exporting the same source file.
 * The repository's own node_modules is left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TESTKIT_MODULE } from '../../src/runner/compile/testkitShim.ts';
import { ROOT } from './shared';

const SOURCE = path.join(ROOT, 'src', 'runner', 'testkit', 'expectMessage');

/** Writes `<dir>/node_modules/rehearse-test/`, so that files below `dir` can import it. */
export function writeTestkitPackage(dir: string): void {
  const pkg = path.join(dir, 'node_modules', TESTKIT_MODULE);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    path.join(pkg, 'package.json'),
    JSON.stringify({ name: TESTKIT_MODULE, private: true, type: 'module', main: './index.ts', types: './index.ts' }, null, 2),
  );
  writeFileSync(path.join(pkg, 'index.ts'), `export * from ${JSON.stringify(SOURCE)};\n`);
}
