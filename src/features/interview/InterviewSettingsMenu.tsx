import { useEffect, useId, useRef, useState } from 'react';
import { parseMinutes } from '../../core/timer/protocolDraft';
import { canSpeak } from './speech';
import { useInterviewSettings } from './interviewSettings';

/** Longest no-run threshold offered: past two hours the nudge would never fire in an interview. */
const MAX_NO_RUN_MINUTES = 120;

function Toggle({
  label,
  checked,
  onChange,
  disabled = false,
}: {
  label: string;
  checked: boolean;
  onChange(on: boolean): void;
  disabled?: boolean;
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-1" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/**
 * The interview settings popover: chime, spoken questions, and an on/off switch for each nudge (with the
 * no-run nudge's minutes). Saved on this device as soon as they change. Escape or a click outside closes it.
 */
export function InterviewSettingsMenu() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button ref={buttonRef} type="button" className="btn" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Interview settings
      </button>
      {open && (
        <div
          id={id}
          role="dialog"
          aria-label="Interview settings"
          className="absolute right-0 z-20 mt-1 w-80 space-y-2 rounded border border-slate-700 bg-slate-900 p-3 shadow-lg"
        >
          <SettingsFields />
        </div>
      )}
    </div>
  );
}

function SettingsFields() {
  const s = useInterviewSettings();
  const [minutesText, setMinutesText] = useState(String(s.noRunMinutes));
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const errorId = useId();

  const onMinutes = (text: string) => {
    setMinutesText(text);
    const parsed = parseMinutes(text);
    if (!parsed.ok) return setMinutesError(parsed.message);
    if (parsed.minutes > MAX_NO_RUN_MINUTES) return setMinutesError(`At most ${MAX_NO_RUN_MINUTES} minutes.`);
    setMinutesError(null);
    s.update({ noRunMinutes: parsed.minutes });
  };

  return (
    <>
      <h2 className="text-sm font-semibold">Interviewer</h2>
      <Toggle label="Chime at each phase boundary" checked={s.chime} onChange={(chime) => s.update({ chime })} />
      <Toggle
        label={canSpeak() ? 'Read follow-up questions aloud' : 'Read follow-up questions aloud (not available in this browser)'}
        checked={s.speakQuestions}
        disabled={!canSpeak()}
        onChange={(speakQuestions) => s.update({ speakQuestions })}
      />
      <h2 className="pt-1 text-sm font-semibold">Nudges</h2>
      <Toggle
        label="When I am quiet for longer than the silence threshold"
        checked={s.silenceNudge}
        onChange={(silenceNudge) => s.update({ silenceNudge })}
      />
      <Toggle
        label="When I edit for a while without running anything"
        checked={s.noRunNudge}
        onChange={(noRunNudge) => s.update({ noRunNudge })}
      />
      <label className="ml-6 flex flex-wrap items-center gap-1 text-xs text-slate-300">
        after
        <input
          className="input w-16 py-0 text-xs"
          inputMode="decimal"
          aria-label="Minutes of editing before the no-run nudge"
          value={minutesText}
          disabled={!s.noRunNudge}
          onChange={(e) => onMinutes(e.target.value)}
          aria-invalid={!!minutesError}
          aria-describedby={minutesError ? errorId : undefined}
        />
        minutes of editing
      </label>
      {minutesError && (
        <p id={errorId} className="ml-6 text-xs text-rose-300">
          {minutesError}
        </p>
      )}
      <Toggle
        label="When I type code in the plan phase before writing an edge case"
        checked={s.planCodingNudge}
        onChange={(planCodingNudge) => s.update({ planCodingNudge })}
      />
      <h2 className="pt-1 text-sm font-semibold">Hidden tests</h2>
      <Toggle
        label="Show every hidden test during a session (off: the count and the first failing test, as in an interview)"
        checked={s.fullHiddenResults}
        onChange={(fullHiddenResults) => s.update({ fullHiddenResults })}
      />
    </>
  );
}
