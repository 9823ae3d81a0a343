/**
 * "Compare with the reference": a button that opens the candidate's code and the reference solution side
 * by side in a modal dialog (Escape closes it). A multi-file problem's dialog has a file picker: each file
 * of the reference against the candidate's file of the same path, and the files only one side has.
 * Hidden when the problem has no reference (design problems).
 */
import type { Language } from '../../core/languages/registry';
import { useRef, useState } from 'react';
import { compareWithReference, hasReference, type FileComparison } from '../../core/replay/referenceFiles';
import { ChoiceDialog } from '../recording';
import { ReferenceDiff } from './ReferenceDiff';

interface Props {
  /** The reference project: path → text (a single-file problem's one file). */
  reference: Readonly<Record<string, string>>;
  /** The session's language, for a single-file problem's diff (absent: TypeScript). */
  language?: Language;
  /** The code files to compare, path → text, read when the dialog opens (the final code, or the code at the play head). */
  getCode(): Readonly<Record<string, string>>;
  /** What the code is, for the dialog's heading: "your final code", "your code at 12:04". */
  describeCode(): string;
  onOpen?(): void;
  /** Ask before opening (during a recorded session: seeing the answer is logged and changes the verdicts). */
  confirmFirst?: boolean;
}

export function CompareWithReference({ reference, language, getCode, describeCode, onOpen, confirmFirst = false }: Props) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const [shown, setShown] = useState<{ files: FileComparison[]; what: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  if (!hasReference(reference)) return null;

  const open = () => {
    setShown({ files: compareWithReference(getCode(), reference), what: describeCode() });
    dialogRef.current?.showModal();
    onOpen?.();
  };

  return (
    <>
      <button type="button" className="btn" onClick={confirmFirst ? () => setConfirming(true) : open}>
        Compare with the reference
      </button>
      {confirming && (
        <ChoiceDialog
          title="Open the reference during the session?"
          onCancel={() => setConfirming(false)}
          choices={[
            {
              label: 'Open the reference',
              primary: true,
              onChoose: () => {
                setConfirming(false);
                open();
              },
            },
            { label: 'Not now', onChoose: () => setConfirming(false) },
          ]}
        >
          <p>
            The session is recording. Opening the reference is logged with its time, and the review will say you had seen it: a pass after
            it is not credited as working it out yourself.
          </p>
        </ChoiceDialog>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby="reference-diff-title"
        onClose={() => setShown(null)}
        className="m-auto h-[85vh] w-[90vw] rounded-lg border border-slate-700 bg-slate-900 p-0 text-slate-100 backdrop:bg-black/60"
      >
        {shown && (
          <div className="flex h-full flex-col">
            <div className="flex items-center gap-3 border-b border-slate-800 px-4 py-2">
              <h2 id="reference-diff-title" className="font-semibold">
                Compare with the reference
              </h2>
              <span className="text-sm text-slate-400">Left: {shown.what}. Right: the reference solution.</span>
              <button type="button" className="btn ml-auto" onClick={() => dialogRef.current?.close()}>
                Close
              </button>
            </div>
            <ReferenceDiff files={shown.files} {...(language ? { language } : {})} />
          </div>
        )}
      </dialog>
    </>
  );
}
