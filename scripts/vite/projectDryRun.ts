/**
 * For the build's test manifest (enumerateTests.ts): a codebase problem's test file bundled with the
 * reference project into one IIFE, with native esbuild and no file system. The test file and the project
 * modules it imports (by relative path: `./chat/hub`, `./chat/hub.js`, `./util` for util/index.ts) come
 * from `files`; chai and fast-check are the runner's own shims (read from the wrapper's imports parameter,
 * as in the sandbox). Anything else is a build error naming the import.
 *
 * Interim: the runner's compile takes projects on the runner's branch (`compile({ files, tests,
 * testFileName })`); once that is on main, enumerateTests.ts calls it for projects too and this file goes.
 */
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { shimSources } from '../../src/runner/compile/virtualFiles.ts';

const FILES = 'project';
const SHIMS = 'shim';

/** The project file a relative import from `importer` (a project path; '' for the test file at the root) names. */
export function resolveInProject(files: Readonly<Record<string, string>>, importer: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(importer || 'x'), specifier));
  if (joined.startsWith('../') || joined === '..') return null;
  const candidates = [joined, `${joined}.ts`, `${joined}/index.ts`, joined.replace(/\.js$/, '.ts')];
  return candidates.find((c) => Object.hasOwn(files, c)) ?? null;
}

function projectPlugin(files: Readonly<Record<string, string>>, tests: string, entry: string): Plugin {
  const shims = shimSources();
  return {
    name: 'rehearse-manifest-project',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: entry, namespace: FILES };
        if (Object.hasOwn(shims, args.path)) return { path: args.path, namespace: SHIMS };
        const importer = args.importer === entry ? '' : args.importer;
        const found = args.namespace === FILES ? resolveInProject(files, importer, args.path) : null;
        if (found) return { path: found, namespace: FILES };
        return { errors: [{ text: `Cannot import "${args.path}": it is neither chai, fast-check nor a file of the reference project.` }] };
      });
      b.onLoad({ filter: /.*/, namespace: FILES }, (args) => {
        if (args.path === entry) return { contents: tests, loader: 'ts' };
        return { contents: files[args.path] ?? '', loader: args.path.endsWith('.json') ? 'json' : 'ts' };
      });
      b.onLoad({ filter: /.*/, namespace: SHIMS }, (args) => ({ contents: shims[args.path] ?? '', loader: 'js' }));
    },
  };
}

/** The test file and the project modules it imports, as one IIFE; throws with esbuild's first error. */
export async function bundleProjectTests(files: Readonly<Record<string, string>>, tests: string, testFileName: string): Promise<string> {
  const entry = `\0${testFileName}`; // a name no project file can have
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      platform: 'browser',
      logLevel: 'silent',
      tsconfigRaw: {},
      plugins: [projectPlugin(files, tests, entry)],
    });
    return result.outputFiles[0]!.text;
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors?.[0];
    if (!first) throw err;
    const where = first.location ? `${first.location.file.replace('\0', '')}:${first.location.line}:${first.location.column} ` : '';
    throw new Error(`${testFileName} does not compile against the reference project: ${where}${first.text}`, { cause: err });
  }
}
