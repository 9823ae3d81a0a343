import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { ChoiceDialog } from './ChoiceDialog';
import { LiveElapsed } from './LiveElapsed';
import { useRecorder } from './useRecorder';

interface Props {
  /** Ends the session (clock and recording) and saves it. */
  onEndAndSave(): Promise<void>;
  /** The user chose to keep recording while they look at another page. */
  onKeepRecording(): void;
}

/** An in-app link (`#/…`, as wouter's hash routing renders them) to another page than this one. */
function inAppTarget(event: MouseEvent, here: string): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  const href = anchor?.getAttribute('href') ?? '';
  if (!href.startsWith('#/') || anchor?.getAttribute('target') === '_blank') return null;
  const path = href.slice(1);
  return path === here ? null : path;
}

/**
 * Leaving the workspace while recording never stops the recording silently. A link to another page asks:
 * keep recording and go (the recording goes on across the app's pages), end and save, or stay. Closing or
 * reloading the tab gets the browser's own "leave the page?" prompt; if the user leaves anyway, the
 * session is kept as interrupted and can be continued.
 */
export function LeaveWhileRecording({ onEndAndSave, onKeepRecording }: Props) {
  const recording = useRecorder((s) => s.phase === 'recording');
  const [here, navigate] = useLocation();
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!recording) return;
    const onClick = (event: MouseEvent) => {
      const path = inAppTarget(event, here);
      if (path === null) return;
      // Capture phase on the document: runs before React's handlers (on the root), so the Link never navigates.
      event.preventDefault();
      event.stopPropagation();
      setTarget(path);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium versions need returnValue set to show the prompt.
      event.returnValue = '';
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [recording, here]);

  if (target === null) return null;
  return (
    <LeaveDialog
      onStay={() => setTarget(null)}
      onKeep={() => {
        onKeepRecording();
        navigate(target);
      }}
      onEnd={async () => {
        await onEndAndSave();
        setTarget(null);
        navigate(target);
      }}
    />
  );
}

function LeaveDialog({ onStay, onKeep, onEnd }: { onStay(): void; onKeep(): void; onEnd(): Promise<void> }) {
  const session = useRecorder((s) => s.session);
  return (
    <ChoiceDialog
      title="Your session is recording"
      onCancel={onStay}
      choices={[
        { label: 'Keep recording and go', onChoose: onKeep },
        { label: 'End and save', primary: true, onChoose: onEnd },
        { label: 'Stay', onChoose: onStay },
      ]}
    >
      <p>
        It has run for <span data-testid="leave-dialog-elapsed">{session ? <LiveElapsed session={session} /> : '00:00'}</span>. What should
        happen to it when you leave this page?
      </p>
      <ul className="list-disc pl-5">
        <li>Keep recording and go: the microphone and the timer go on while you look around; come back to the problem to carry on.</li>
        <li>End and save: the session ends now and is saved for replay.</li>
      </ul>
    </ChoiceDialog>
  );
}
