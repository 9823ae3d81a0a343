/** The state fields that show a project: its files, the file the editor opens on, its tabs. */
import type { StartingProject } from '../../core/practice/projectCode';
import type { Language } from '../../core/languages/registry';
import type { Problem } from '../../core/problems/types';
import { codeKeyOf, type PracticeState } from '../state';

/** The file a project opens on: its first file the candidate may change (else its first). */
export function firstFile(paths: readonly string[], start: StartingProject): string {
  return paths.find((p) => !start.readOnly.includes(p)) ?? paths[0] ?? '';
}

export function projectView(
  problem: Problem,
  language: Language,
  start: StartingProject,
  project: { files: Record<string, string>; paths: string[] },
): Pick<PracticeState, 'files' | 'paths' | 'received' | 'activeFile' | 'code' | 'codeKey' | 'openFiles' | 'reveal' | 'fileNotice'> {
  const active = firstFile(project.paths, start);
  return {
    files: project.files,
    paths: project.paths,
    received: start,
    activeFile: active,
    code: project.files[active] ?? '',
    codeKey: codeKeyOf(problem.id, language, active),
    openFiles: active ? [active] : [],
    reveal: null,
    fileNotice: null,
  };
}
