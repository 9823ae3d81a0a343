/**
 * How far an import has got, as the person sees it: a stage in words and one percentage over the whole
 * import. Each stage owns a fixed slice of the bar, sized by what it usually costs for a long session
 * (checking the log dominates; reading and the final write are quick), so the bar never goes backwards.
 */
export type ImportStage = 'reading' | 'files' | 'session' | 'log' | 'audio' | 'saving';

const STAGES: readonly { stage: ImportStage; label: string; share: number }[] = [
  { stage: 'reading', label: 'Reading the file', share: 5 },
  { stage: 'files', label: 'Checking the files and their checksums', share: 25 },
  { stage: 'session', label: 'Checking the session', share: 5 },
  { stage: 'log', label: 'Checking the event log', share: 40 },
  { stage: 'audio', label: 'Checking the audio', share: 5 },
  { stage: 'saving', label: 'Saving the session', share: 20 },
];

export interface ImportProgress {
  stage: ImportStage;
  /** How much of this stage is done, 0 to 1. */
  fraction: number;
}

export function stageLabel(stage: ImportStage): string {
  return STAGES.find((s) => s.stage === stage)!.label;
}

/** The whole import's percentage (0–100, whole numbers) at a point of one stage. */
export function importPercent({ stage, fraction }: ImportProgress): number {
  let before = 0;
  for (const s of STAGES) {
    if (s.stage === stage) return Math.floor(before + s.share * Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)));
    before += s.share;
  }
  return 0;
}

/**
 * Calls `report` at most every `everyMs` (and always for a stage's first and last report), so a loop
 * over 600 000 log lines does not send 600 000 messages.
 */
export function throttledProgress(report: (p: ImportProgress) => void, now: () => number, everyMs = 50): (p: ImportProgress) => void {
  let lastAt = -Infinity;
  let lastStage: ImportStage | null = null;
  return (p) => {
    const at = now();
    if (p.stage !== lastStage || p.fraction >= 1 || at - lastAt >= everyMs) {
      lastAt = at;
      lastStage = p.stage;
      report(p);
    }
  };
}
