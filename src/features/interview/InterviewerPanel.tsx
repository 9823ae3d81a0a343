import { useEffect } from 'react';
import type { Problem } from '../../core/problems/types';
import type { PhaseClockState } from '../../core/timer/phaseClock';
import { asksFollowUps } from '../../core/timer/protocols';
import { useInterviewSettings } from './interviewSettings';
import { useInterviewer } from './interviewerStore';
import { canSpeak, speak, stopSpeaking } from './speech';

/**
 * The interviewer, in the phases where follow-ups are asked (review, discuss, deep dive, wrap-up; see
 * asksFollowUps): the problem's follow-up questions one at a time, read aloud if the candidate wants.
 * The candidate answers out loud (the recording keeps it); what a strong answer covers is shown after
 * the session, in the review.
 */
export function InterviewerPanel({ problem, clock }: { problem: Problem; clock: PhaseClockState | null }) {
  const active = !!clock && clock.finishedAt === null && asksFollowUps(clock.phases, clock.phaseIndex);
  if (!active) return null;
  return <ActiveInterviewer problem={problem} sessionKey={clock.startedAt} />;
}

function ActiveInterviewer({ problem, sessionKey }: { problem: Problem; sessionKey: number }) {
  const followUps = problem.followUps;
  const asked = useInterviewer((s) => (s.sessionKey === sessionKey ? s.asked : 0));
  const speakOn = useInterviewSettings((s) => s.speakQuestions);
  const current = asked > 0 ? followUps[asked - 1] : undefined;

  useEffect(() => {
    useInterviewer.getState().begin(sessionKey, followUps);
  }, [sessionKey, followUps]);

  useEffect(() => {
    if (speakOn && current) speak(current.question);
  }, [speakOn, current]);

  useEffect(() => stopSpeaking, []);

  return (
    <section aria-label="Interviewer's follow-up questions" className="border-b border-slate-800 bg-slate-900 px-4 py-2">
      {followUps.length === 0 ? (
        <p className="text-sm">
          The interviewer has no follow-up questions for this problem. Walk through your solution and its trade-offs out loud.
        </p>
      ) : (
        <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
          <div className="min-w-0 flex-1">
            <p className="text-xs uppercase tracking-wide text-slate-400">
              Interviewer · question {Math.max(asked, 1)} of {followUps.length}
            </p>
            <p className="text-base font-medium" aria-live="polite" data-testid="interviewer-question">
              {current?.question ?? ''}
            </p>
            <p className="text-xs text-slate-400">
              {asked >= followUps.length
                ? 'That was the last question: finish your answer, then end the phase.'
                : 'Answer out loud, as you would to the interviewer; the review shows what a strong answer covers.'}
            </p>
          </div>
          <div className="flex items-center gap-3">
            <label
              className="flex items-center gap-1 text-xs text-slate-300"
              title={canSpeak() ? undefined : 'This browser cannot read text aloud'}
            >
              <input
                type="checkbox"
                checked={speakOn}
                disabled={!canSpeak()}
                onChange={(e) => useInterviewer.getState().speakQuestions(e.target.checked)}
              />
              Read questions aloud
            </label>
            <button
              type="button"
              className="btn btn-primary"
              disabled={asked >= followUps.length}
              onClick={() => useInterviewer.getState().next(followUps)}
            >
              Next question
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
