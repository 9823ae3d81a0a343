import { importPercent, stageLabel, type ImportProgress } from '../../core/bundle/progress';

/** Where an import has got: the stage in words and a bar with its percentage, announced politely. */
export function ImportProgressBar({ fileName, progress }: { fileName: string; progress: ImportProgress }) {
  const percent = importPercent(progress);
  const label = `Importing ${fileName}`;
  return (
    <div className="flex max-w-xl flex-col gap-1">
      <p role="status" className="text-sm text-slate-300">
        {stageLabel(progress.stage)}… {percent} %
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${stageLabel(progress.stage)}, ${percent} %`}
        className="h-2 w-full overflow-hidden rounded bg-slate-800"
      >
        <div className="h-full bg-sky-500 transition-[width] duration-150" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
