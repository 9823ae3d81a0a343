/**
 * The candidate's project → one classic script (ES2022) assigning every module's exports object, by path,
 * to SOLUTION_GLOBAL (`{ "chat/hub.ts": { Hub }, … }`), with its source map, and each module's export
 * names; or diagnostics, each in the project file and at the line they are about.
 *
 * A project of one module (every single-file problem) takes the path the compiler always had: a
 * plugin-backed `build` of it alone checks it (syntax and type-stripping errors, no run-time imports) and
 * lists its exports from the metafile, while a `transform` (~4 ms) makes the script — both in parallel. A
 * project of several modules needs a real bundle: an ESM `build` with every module as an entry point (code
 * splitting, so each is parsed once) checks them all and lists each one's exports, while an IIFE `build`
 * from an entry importing every module makes the script — in parallel too. Every module is in the script,
 * so every module's top-level code runs, imported by the tests or not.
 */
import { outcome, settle, type EsbuildApi } from './buildOutcome';
import { moduleGlobalName, PROJECT_ENTRY, projectPathOfSource, projectPlugin, projectSource, type ProjectSources } from './virtualFiles';
import { SOLUTION_GLOBAL } from '../sandbox/protocol';
import type { CompileDiagnostic } from '../types';

export const TARGET = 'es2022';

export interface CompiledScript {
  code: string;
  /** The script's source map (JSON text, no sourcesContent). */
  map: string;
}

export type ProjectOutput =
  { ok: true; script: CompiledScript; exports: Record<string, string[]> } | { ok: false; diagnostics: CompileDiagnostic[] };

/** The project of a files map: its modules are the `.ts` files, in path order. */
export function projectSources(files: Readonly<Record<string, string>>): ProjectSources {
  const modules = Object.keys(files)
    .filter((path) => path.endsWith('.ts'))
    .sort();
  return { files, modules };
}

export async function compileProject(esbuild: EsbuildApi, project: ProjectSources, testFileName: string): Promise<ProjectOutput> {
  const only = project.modules.length === 1 ? project.modules[0] : undefined;
  if (only !== undefined) {
    const single = await compileModule(esbuild, project, only, testFileName);
    if (single !== 'has-imports') return single;
  }
  return compileModules(esbuild, project, testFileName);
}

const COMMON = { bundle: true, write: false, target: TARGET, platform: 'browser', logLevel: 'silent', tsconfigRaw: {} } as const;

/**
 * One module, checked and transformed in parallel. 'has-imports' when it imports a project file after all
 * (JSON data, or itself): a transform cannot link that, so the bundle path makes the script.
 */
async function compileModule(
  esbuild: EsbuildApi,
  project: ProjectSources,
  path: string,
  testFileName: string,
): Promise<ProjectOutput | 'has-imports'> {
  const source = project.files[path] ?? '';
  const [checked, transformed] = await Promise.all([
    settle(
      esbuild.build({
        ...COMMON,
        stdin: { contents: source, loader: 'ts', sourcefile: projectSource(path) },
        format: 'esm', // the only format whose metafile lists the entry's exports
        outfile: 'solution-check.js',
        metafile: true,
        plugins: [projectPlugin(project)],
      }),
    ),
    settle(
      esbuild.transform(source, {
        loader: 'ts',
        format: 'iife',
        globalName: moduleGlobalName(path),
        target: TARGET,
        platform: 'browser',
        sourcemap: 'external',
        sourcesContent: false,
        sourcefile: projectSource(path),
        logLevel: 'silent',
        tsconfigRaw: {},
      }),
    ),
  ]);
  // The check's messages come first: it also sees imports, which the transform leaves alone.
  const check = outcome(checked, testFileName, 'project');
  if (!check.ok) return check;
  const metafile = check.value.metafile;
  if (!metafile) throw new Error('esbuild produced no metafile for the project');
  if (Object.values(metafile.inputs).some((input) => input.imports.length > 0)) return 'has-imports';
  const script = outcome(transformed, testFileName, 'project');
  if (!script.ok) return script;
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.js'))?.[1];
  if (!output) throw new Error('esbuild produced no metafile output for the project');
  const { code, map } = script.value;
  return { ok: true, script: { code, map }, exports: { [path]: [...output.exports].sort() } };
}

/** Every module: checked (and its exports listed) by one build, bundled into the script by another. */
async function compileModules(esbuild: EsbuildApi, project: ProjectSources, testFileName: string): Promise<ProjectOutput> {
  const plugins = [projectPlugin(project)];
  const [checked, bundled] = await Promise.all([
    project.modules.length === 0
      ? null
      : settle(
          esbuild.build({
            ...COMMON,
            entryPoints: project.modules.map((path, i) => ({ in: path, out: `m${i}` })),
            format: 'esm', // the only format whose metafile lists each entry's exports
            splitting: true,
            outdir: 'project-check',
            metafile: true,
            plugins,
          }),
        ),
    settle(
      esbuild.build({
        ...COMMON,
        entryPoints: [PROJECT_ENTRY],
        format: 'iife',
        globalName: SOLUTION_GLOBAL,
        sourcemap: 'external',
        sourcesContent: false,
        outfile: 'rehearse-project.js',
        plugins,
      }),
    ),
  ]);
  const exports: Record<string, string[]> = {};
  if (checked) {
    const check = outcome(checked, testFileName, 'project');
    if (!check.ok) return check;
    for (const output of Object.values(check.value.metafile?.outputs ?? {})) {
      const path = output.entryPoint === undefined ? null : projectPathOfSource(output.entryPoint);
      if (path !== null) exports[path] = [...output.exports].sort();
    }
  }
  const built = outcome(bundled, testFileName, 'project');
  if (!built.ok) return built;
  const files = built.value.outputFiles ?? [];
  const code = files.find((f) => f.path.endsWith('.js'));
  const map = files.find((f) => f.path.endsWith('.js.map'));
  if (!code || !map) throw new Error('esbuild produced no output for the project');
  return { ok: true, script: { code: code.text, map: map.text }, exports };
}
