import type { Problem } from '../../../core/problems/types';
import { InterviewerPanel, NudgeBanner, PhaseBanner } from '../../interview';
import { useWorkspace } from '../useWorkspace';

/** The interview simulation under the header: the phase-boundary banner, the coding nudges and the interviewer. */
export function InterviewBars({ problem }: { problem: Problem }) {
  const clock = useWorkspace((s) => s.clock);
  const loaded = useWorkspace((s) => s.loaded && s.problem?.id === problem.id);
  return (
    <>
      <PhaseBanner clock={clock} loaded={loaded} />
      <NudgeBanner />
      <InterviewerPanel problem={problem} clock={clock} />
    </>
  );
}
