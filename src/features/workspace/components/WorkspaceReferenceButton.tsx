/**
 * The workspace's way to the reference solution: it appears once the candidate has submitted at least
 * once (comparing earlier would spoil the practice), for coding problems only. Every file of the project
 * is compared with the reference's file of the same path.
 */
import { CompareWithReference } from '../../replay';
import { useRecorder } from '../../recording';
import { useWorkspace } from '../useWorkspace';

export function WorkspaceReferenceButton() {
  const submitted = useWorkspace((s) => (s.practice?.submits ?? 0) > 0);
  const language = useWorkspace((s) => s.language);
  // The problem's own object (path → text): the same one on every render while the problem and language stay.
  const reference = useWorkspace((s) => (s.problem?.kind === 'coding' ? (s.problem.code[s.language]?.reference ?? null) : null));
  const recording = useRecorder((s) => s.phase === 'recording');
  if (!submitted || reference === null) return null;
  return (
    <CompareWithReference
      reference={reference}
      language={language}
      getCode={() => useWorkspace.getState().files}
      describeCode={() => 'your code now'}
      confirmFirst={recording}
      onOpen={() => useWorkspace.getState().referenceOpened()}
    />
  );
}
