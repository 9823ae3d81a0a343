import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface Choice {
  label: string;
  /** May be async: the dialog shows the work under way and any error, and stays open until it is done. */
  onChoose: () => void | Promise<void>;
  primary?: boolean;
}

/**
 * A question with a few answers, as a modal <dialog> (showModal): the browser keeps focus inside it and
 * Escape means `onCancel`. Focus starts on the last choice, the safe one by convention here ("Stay",
 * "Keep recording").
 */
export function ChoiceDialog({
  title,
  children,
  choices,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  choices: Choice[];
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const safeRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    safeRef.current?.focus();
    return () => dialog.close();
  }, []);

  const choose = async (choice: Choice) => {
    setBusy(true);
    setError(null);
    try {
      await choice.onChoose();
    } catch (e) {
      setError(`That did not work: ${e instanceof Error ? e.message : String(e)}. Nothing was lost; try again.`);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="m-auto max-w-md rounded-lg border border-slate-700 bg-slate-900 p-5 text-slate-100 backdrop:bg-black/60"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <div id={bodyId} className="space-y-2 text-sm text-slate-300">
        {children}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-300">
          {error}
        </p>
      )}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        {choices.map((choice, i) => (
          <button
            key={choice.label}
            ref={i === choices.length - 1 ? safeRef : undefined}
            type="button"
            className={`btn ${choice.primary ? 'btn-primary' : ''}`}
            disabled={busy}
            onClick={() => void choose(choice)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
