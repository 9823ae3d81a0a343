import { Link, useLocation } from 'wouter';
import { problemTitle } from '../../problems/catalog';
import { LiveElapsed } from './LiveElapsed';
import { useRecorder } from './useRecorder';

/**
 * A session left recording ("Keep recording and go") while the person looks at another page: the main
 * navigation shows it, with its problem and time, as a link back to its workspace. Not in that workspace
 * itself, where the recording bar says the same.
 */
export function BackgroundRecording() {
  const recording = useRecorder((s) => s.phase === 'recording');
  const session = useRecorder((s) => s.session);
  const paused = useRecorder((s) => s.paused);
  const [path] = useLocation();
  if (!recording || !session) return null;
  const workspace = `/problems/${session.problemId}`;
  if (path === workspace) return null;
  const title = problemTitle(session.problemId);
  return (
    <Link
      href={workspace}
      data-testid="background-recording"
      className="flex items-center gap-2 rounded border border-red-800 px-2 py-0.5 text-red-200 hover:border-red-500"
      title="Back to the session"
    >
      {/* Static, as in the recording bar: an animation would keep the compositor busy on every page. */}
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${paused ? 'bg-slate-500' : 'bg-red-500'}`} />
      <span>
        {paused ? 'Paused' : 'Recording'} — {title}{' '}
        <span className="font-mono tabular-nums" data-testid="background-recording-elapsed">
          <LiveElapsed session={session} />
        </span>
      </span>
    </Link>
  );
}
