/**
 * Names a candidate's file cannot take because the runner needs them: a test file of the language, or a
 * module the runner loads beside the project (Python's harness, unittest). A project file with such a name
 * would be imported in their place.
 */
import { languageSpec, type Language } from '../languages/registry';

/** The plan notes' name in a session log and a bundle: no project file may take it. */
export const NOTES_PATH = 'notes.md';

/** Why `path` is not free for the candidate in `language`, or null. */
export function reservedPathProblem(path: string, language: Language): string | null {
  if (path.toLowerCase() === NOTES_PATH) return `“${path}” is where your plan notes go; choose another name.`;
  const spec = languageSpec(language);
  const top = path.split('/')[0]!;
  const reserved = [spec.exampleTests, spec.hiddenTests, ...spec.reservedFiles];
  if (reserved.includes(path) || reserved.some((r) => r.startsWith(`${top}/`) || r === `${top}${spec.extension}`)) {
    return `“${path}” is a name the test runner uses; choose another.`;
  }
  return null;
}
