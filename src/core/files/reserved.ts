/**
 * Names a candidate's file cannot take because the runner needs them: a test file of the language, or a
 * module the runner loads beside the project (Python's harness, unittest). A project file with such a name
 * would be imported in their place.
 */
import { languageSpec, type Language } from '../languages/registry';

/** Why `path` is not free for the candidate in `language`, or null. */
export function reservedPathProblem(path: string, language: Language): string | null {
  const spec = languageSpec(language);
  const top = path.split('/')[0]!;
  const reserved = [spec.exampleTests, spec.hiddenTests, ...spec.reservedFiles];
  if (reserved.includes(path) || reserved.some((r) => r.startsWith(`${top}/`) || r === `${top}${spec.extension}`)) {
    return `“${path}” is a name the test runner uses; choose another.`;
  }
  return null;
}
