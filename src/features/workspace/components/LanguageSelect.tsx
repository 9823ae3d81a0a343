import { LANGUAGES, languageSpec, type Language } from '../../../core/languages/registry';
import type { Problem } from '../../../core/problems/types';
import { useRecorder } from '../../recording';
import { useWorkspace } from '../useWorkspace';

/**
 * The problem's language (TypeScript or Python), remembered per problem. A recorded session is in one
 * language, so the control is locked while one records or waits to be continued.
 */
/** A language with a slow start (its runner client says) begins it before it is chosen. */
function warmUpOthers(languages: readonly Language[], current: Language): void {
  for (const l of languages) {
    if (l !== current)
      void useWorkspace
        .getState()
        .warmUpLanguage(l)
        .catch(() => undefined);
  }
}

export function LanguageSelect({ problem }: { problem: Problem }) {
  const language = useWorkspace((s) => s.language);
  const running = useWorkspace((s) => s.runningShown !== null);
  // Until the problem's drafts are read there is no buffer to switch from: the engine refuses, so say so.
  const loading = useWorkspace((s) => !s.loaded || s.problem?.id !== problem.id);
  const recording = useRecorder((s) => s.phase === 'recording' || s.phase === 'interrupted');
  const languages = LANGUAGES.filter((l) => problem.code[l]);
  if (problem.kind !== 'coding' || languages.length < 2) return null;
  const locked = recording || running || loading;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-300">
      Language
      <select
        aria-label="Language"
        className="rounded border border-slate-700 bg-slate-900 px-2 py-1 text-sm disabled:opacity-60"
        value={language}
        disabled={locked}
        title={recording ? 'A session is recorded in one language: end it to switch.' : undefined}
        onChange={(e) => void useWorkspace.getState().chooseLanguage(e.target.value as Language)}
        // About to choose: Python's seconds of start-up begin now, not on the first Run.
        onPointerEnter={() => warmUpOthers(languages, language)}
        onFocus={() => warmUpOthers(languages, language)}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {languageSpec(l).label}
          </option>
        ))}
      </select>
    </label>
  );
}
