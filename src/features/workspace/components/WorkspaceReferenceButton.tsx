/**
 * The workspace's way to the reference solution: it appears once the candidate has submitted at least
 * once (comparing earlier would spoil the practice), for coding problems only.
 */
import { solutionReference } from '../../../core/problems/assembleCode';
import { CompareWithReference } from '../../replay';
import { useRecorder } from '../../recording';
import { useWorkspace } from '../workspaceStore';

export function WorkspaceReferenceButton() {
  const submitted = useWorkspace((s) => (s.practice?.submits ?? 0) > 0);
  const language = useWorkspace((s) => s.language);
  const reference = useWorkspace((s) => (s.problem?.kind !== 'coding' ? '' : solutionReference(s.problem, s.language)));
  const recording = useRecorder((s) => s.phase === 'recording');
  if (!submitted || reference === '') return null;
  return (
    <CompareWithReference
      reference={reference}
      language={language}
      getCode={() => useWorkspace.getState().code}
      describeCode={() => 'your code now'}
      confirmFirst={recording}
      onOpen={() => useWorkspace.getState().referenceOpened()}
    />
  );
}
