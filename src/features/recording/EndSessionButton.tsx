import { useState } from 'react';
import { ChoiceDialog } from './ChoiceDialog';
import { LiveElapsed } from './LiveElapsed';
import { useRecorder } from './useRecorder';

/** End session, asked first: a long session must not end on one stray click. The question says how long it has run. */
export function EndSessionButton({ onEnd, left }: { onEnd(): Promise<void> | void; left: readonly string[] }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="btn ml-auto" onClick={() => setAsking(true)}>
        End session
      </button>
      {asking && <ConfirmEndSession onEnd={onEnd} onClose={() => setAsking(false)} left={left} />}
    </>
  );
}

/**
 * The question before a session ends, whichever control ends it (End session, Finish on the last phase):
 * how long it ran, and what it leaves undone (`left`, from core/interview's leftInSession).
 */
export function ConfirmEndSession({ onEnd, onClose, left }: { onEnd(): Promise<void> | void; onClose(): void; left: readonly string[] }) {
  const session = useRecorder((s) => s.session);
  return (
    <ChoiceDialog
      title="End this session?"
      onCancel={onClose}
      choices={[
        {
          label: 'End session',
          primary: true,
          onChoose: async () => {
            await onEnd();
            onClose();
          },
        },
        { label: 'Keep recording', onChoose: onClose },
      ]}
    >
      <p data-testid="session-ran-for">
        {session === null ? (
          'The session is recording.'
        ) : (
          <>
            This session has run for <LiveElapsed session={session} />.
          </>
        )}
      </p>
      {left.length > 0 && (
        <ul className="list-disc pl-5" data-testid="session-left" aria-label="Not done yet">
          {left.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      <p>Ending stops the timer and the recording and saves them; you can replay and review it right after.</p>
    </ChoiceDialog>
  );
}
