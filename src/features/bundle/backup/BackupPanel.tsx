/**
 * Back up everything (every session with its audio, attempt, draft, review, plan and setting) into one
 * file, and restore one into this profile, empty or not. Progress shows for both; a refused backup says
 * why and that nothing was written.
 */
import { useRef, useState } from 'react';
import type { RestoreChoice } from '../../../core/backup/restoreChoices';
import { PersistenceStatus } from './PersistenceStatus';
import { RestoreDialog } from './RestoreDialog';
import type { CheckedBackup } from './backupActions';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; percent: number }
  | { kind: 'done'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'choosing'; checked: CheckedBackup };

const loadActions = () => import('./backupActions');

/** A failure in words: our own errors say it already; the tools themselves may not have loaded. */
async function messageOf(e: unknown): Promise<string> {
  try {
    return (await loadActions()).describeBackupError(e);
  } catch {
    return 'The backup tools could not be loaded. Reload the page and try again.';
  }
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `onRestored`: called after a restore wrote something, so the page around it reads again. */
export function BackupPanel({ onRestored }: { onRestored?: () => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const working = (label: string, fraction: number) => setStatus({ kind: 'working', label, percent: Math.floor(fraction * 100) });

  async function backUp() {
    working('Packing your sessions', 0);
    try {
      const actions = await loadActions();
      const file = await actions.buildFullBackup((done, total) =>
        working(`Packing session ${done} of ${total}`, done / Math.max(1, total)),
      );
      download(file.fileName, file.blob);
      setStatus({ kind: 'done', message: `Backed up ${file.sessions} sessions and everything else into ${file.fileName}.` });
    } catch (e) {
      setStatus({ kind: 'refused', message: await messageOf(e) });
    }
  }

  async function check(file: File) {
    working('Checking the backup', 0);
    try {
      const actions = await loadActions();
      const checked = await actions.checkBackupFile(file, (p) =>
        working(
          p.stage === 'files' ? `Checking file ${p.done} of ${p.total}` : `Checking session ${p.done} of ${p.total}`,
          (p.stage === 'files' ? 0 : 0.5) + (0.5 * p.done) / Math.max(1, p.total),
        ),
      );
      setStatus({ kind: 'choosing', checked });
    } catch (e) {
      setStatus({ kind: 'refused', message: `${await messageOf(e)} Nothing was restored.` });
    }
  }

  async function restore(checked: CheckedBackup, choices: Map<string, RestoreChoice>) {
    working('Restoring', 0);
    try {
      const summary = await (await loadActions()).applyRestore(checked, choices, (f) => working('Restoring', f));
      setStatus({ kind: 'done', message: `Restored ${summary.sessions} sessions and ${summary.records} other records.` });
      onRestored?.();
    } catch (e) {
      setStatus({ kind: 'refused', message: await messageOf(e) });
    }
  }

  const busy = status.kind === 'working';
  return (
    <section aria-labelledby="backup-title" className="mb-6 rounded-lg border border-slate-800 bg-slate-900 p-4">
      <h2 id="backup-title" className="mb-1 text-lg font-semibold">
        Back up and restore
      </h2>
      <p className="mb-2 text-sm text-slate-400">
        One file with every session (audio included), attempt, draft, review, plan and setting. Restoring checks the whole file before it
        writes anything.
      </p>
      <PersistenceStatus />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void backUp()}>
          Back up everything
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
          Restore from a backup
        </button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          className="hidden"
          data-testid="restore-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void check(file);
          }}
        />
      </div>
      {status.kind === 'working' && (
        <div className="mt-3 text-sm" role="status">
          <p>
            {status.label}… {status.percent}%
          </p>
          <progress className="w-full" max={100} value={status.percent} aria-label={status.label} />
        </div>
      )}
      {status.kind === 'done' && (
        <p className="mt-3 text-sm text-emerald-300" role="status" data-testid="backup-status">
          {status.message}
        </p>
      )}
      {status.kind === 'refused' && (
        <p className="mt-3 text-sm text-red-300" role="alert" data-testid="backup-error">
          {status.message}
        </p>
      )}
      {status.kind === 'choosing' && (
        <RestoreDialog
          items={status.checked.items}
          onRestore={(choices) => void restore(status.checked, choices)}
          onCancel={() => setStatus({ kind: 'idle' })}
        />
      )}
    </section>
  );
}
