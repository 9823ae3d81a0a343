import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  draftFromProtocol,
  formatMinutes,
  parseMinutes,
  validateDraft,
  type DraftErrors,
  type ProtocolDraft,
} from '../../../core/timer/protocolDraft';
import { findProtocol, PROTOCOLS, type Protocol } from '../../../core/timer/protocols';
import type { CustomProtocolRecord } from '../../../storage/db';
import { useProtocols } from './protocolStore';

interface Props {
  /** The protocol being edited: a built-in one (saved as a new custom protocol) or a custom one. */
  protocol: Protocol;
  custom: CustomProtocolRecord | null;
  onClose(): void;
  onSaved(id: string): void;
  onDeleted(): void;
}

/**
 * A modal dialog to change the minutes of each phase, name the result and save it as a custom
 * protocol; a custom protocol can also be updated in place or deleted. Fractional minutes are allowed
 * (0.5 = 30 s), so a quick rehearsal of the phase changes is possible.
 */
export function ProtocolEditor({ protocol, custom, onClose, onSaved, onDeleted }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<ProtocolDraft>(() =>
    draftFromProtocol(protocol, custom ? protocol.name : `${protocol.name}, my minutes`),
  );
  const [errors, setErrors] = useState<DraftErrors | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const customs = useProtocols((s) => s.customs);
  const baseId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const takenNames = (exceptId: string | null) => [
    ...PROTOCOLS.map((p) => p.name),
    ...customs.filter((p) => p.id !== exceptId).map((p) => p.name),
  ];
  const total = draft.phases.reduce((sum, p) => {
    const parsed = parseMinutes(p.minutesText);
    return parsed.ok ? sum + parsed.minutes : sum;
  }, 0);
  const basedOn = custom ? custom.basedOn : protocol.id;
  const baseName = basedOn ? (findProtocol(basedOn)?.name ?? null) : null;

  const save = async (asNew: boolean) => {
    const result = validateDraft(draft, takenNames(asNew ? null : (custom?.id ?? null)));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(null);
    const record: CustomProtocolRecord = {
      id: asNew || !custom ? `custom-${crypto.randomUUID()}` : custom.id,
      name: result.name,
      phases: result.phases,
      basedOn,
      updatedAt: Date.now(),
    };
    setBusy(true);
    try {
      await useProtocols.getState().save(record);
      onSaved(record.id);
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!custom) return;
    setBusy(true);
    try {
      await useProtocols.getState().remove(custom.id);
      onDeleted();
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(!custom);
  };

  const setMinutes = (index: number, minutesText: string) => {
    const phases = draft.phases.map((p, i) => (i === index ? { ...p, minutesText } : p));
    setDraft({ ...draft, phases });
    // Once the user has tried to save, the messages follow their corrections as they type.
    if (errors) {
      const result = validateDraft({ ...draft, phases }, takenNames(custom?.id ?? null));
      setErrors(result.ok ? null : result.errors);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${baseId}-title`}
      className="m-auto w-[36rem] max-w-[95vw] rounded border border-slate-700 bg-slate-900 p-4 text-slate-100 backdrop:bg-black/60"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <h2 id={`${baseId}-title`} className="text-lg font-semibold">
          {custom ? `Edit “${custom.name}”` : `Your own minutes for ${protocol.name}`}
        </h2>
        {baseName && <p className="text-xs text-slate-400">Based on {baseName}. Phases and goals stay; change the minutes and the name.</p>}
        <label className="block text-sm">
          <span className="mb-1 block">Protocol name</span>
          <input
            className="input w-full"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            aria-invalid={!!errors?.name}
            aria-describedby={errors?.name ? `${baseId}-name-error` : undefined}
          />
        </label>
        {errors?.name && (
          <p id={`${baseId}-name-error`} className="text-xs text-rose-300">
            {errors.name}
          </p>
        )}
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-400">
              <th className="pb-1 font-normal">Phase</th>
              <th className="pb-1 font-normal">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {draft.phases.map(({ plan, minutesText }, i) => {
              const error = errors?.minutes[i];
              return (
                <tr key={plan.id} className="align-top">
                  <td className="py-1 pr-2">
                    <span className="block">{plan.name}</span>
                    <span className="block text-xs text-slate-400">{plan.goal}</span>
                  </td>
                  <td className="w-40 py-1">
                    <input
                      className="input w-24"
                      inputMode="decimal"
                      aria-label={`${plan.name} minutes`}
                      value={minutesText}
                      onChange={(e) => setMinutes(i, e.target.value)}
                      aria-invalid={!!error}
                      aria-describedby={error ? `${baseId}-m${i}` : undefined}
                    />
                    {error && (
                      <p id={`${baseId}-m${i}`} className="mt-1 text-xs text-rose-300">
                        {error}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="text-sm text-slate-300">Total: {formatMinutes(total)}</p>
        {saveError && (
          <p role="alert" className="text-sm text-rose-300">
            {saveError}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {custom && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save(false)}>
              Save changes
            </button>
          )}
          <button
            type={custom ? 'button' : 'submit'}
            className={custom ? 'btn' : 'btn btn-primary'}
            disabled={busy}
            onClick={custom ? () => void save(true) : undefined}
          >
            Save as a new protocol
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          {custom && !confirmingDelete && (
            <button type="button" className="btn ml-auto" disabled={busy} onClick={() => setConfirmingDelete(true)}>
              Delete protocol
            </button>
          )}
        </div>
        {custom && confirmingDelete && (
          <div role="group" aria-label="Confirm deletion" className="flex items-center gap-2 rounded border border-rose-800 p-2 text-sm">
            <span>Delete “{custom.name}”? Sessions already recorded with it keep their phases.</span>
            <button type="button" className="btn" disabled={busy} onClick={() => void remove()}>
              Yes, delete it
            </button>
            <button type="button" className="btn" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </button>
          </div>
        )}
      </form>
    </dialog>
  );
}
