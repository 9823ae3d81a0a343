/**
 * How an import names a file of the candidate's project, as TypeScript resolves it: a relative path from the
 * importing file (`./store`, `../chat/hub`), with or without `.ts` (or with `.js`, as TypeScript's ES-module
 * style writes it), or a folder whose `index.ts` is meant. The tests import from the project's top folder
 * (`./chat/handlers`, `./solution`). Pure, so the rules are tested without esbuild.
 */

/** The project's files that are modules: TypeScript sources, and JSON data they may import. */
export function isModulePath(path: string): boolean {
  return path.endsWith('.ts') || path.endsWith('.json');
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

export type Resolution = { ok: true; path: string } | { ok: false; message: string };

/**
 * The project path `specifier` names when imported from `importer` (a project path, or null for the tests,
 * which sit at the top of the project), or why it names none. `exists` says whether a path is a file.
 */
export function resolveProjectImport(specifier: string, importer: string | null, exists: (path: string) => boolean): Resolution {
  const by = importer ?? 'the tests';
  const target = joinPath(importer === null ? [] : importer.split('/').slice(0, -1), specifier);
  if (target === null) return { ok: false, message: `Cannot import "${specifier}" in ${by}: it points outside the project.` };
  const candidates = candidatesOf(target);
  const found = candidates.find(exists);
  if (found === undefined) {
    const listed = candidates.filter(isModulePath).join(' or ');
    return { ok: false, message: `Cannot find "${specifier}" imported by ${by}: the project has no ${listed}.` };
  }
  if (!isModulePath(found)) {
    return { ok: false, message: `Cannot import "${specifier}" in ${by}: ${found} is not a module (only .ts files, and .json data, are).` };
  }
  return { ok: true, path: found };
}

/** `folder` + a relative specifier → a project path, or null when it climbs out of the project. */
function joinPath(folder: readonly string[], specifier: string): string | null {
  const parts = [...folder];
  for (const segment of specifier.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length === 0 ? null : parts.join('/');
}

/** The files a resolved specifier may mean, in TypeScript's order. */
function candidatesOf(target: string): string[] {
  if (target.endsWith('.ts') || target.endsWith('.json')) return [target];
  if (target.endsWith('.js')) return [`${target.slice(0, -'.js'.length)}.ts`, target];
  return [`${target}.ts`, `${target}/index.ts`, target];
}
