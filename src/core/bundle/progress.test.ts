import { describe, expect, it } from 'vitest';
import { importPercent, stageLabel, throttledProgress, type ImportProgress, type ImportStage } from './progress';

describe('import progress', () => {
  it('goes from 0 to 100 and never backwards through the stages in order', () => {
    const stages: ImportStage[] = ['reading', 'files', 'session', 'log', 'audio', 'saving'];
    let last = -1;
    for (const stage of stages) {
      for (const fraction of [0, 0.5, 1]) {
        const percent = importPercent({ stage, fraction });
        expect(percent).toBeGreaterThanOrEqual(last);
        last = percent;
      }
    }
    expect(importPercent({ stage: 'reading', fraction: 0 })).toBe(0);
    expect(importPercent({ stage: 'saving', fraction: 1 })).toBe(100);
    expect(importPercent({ stage: 'log', fraction: 7 })).toBe(importPercent({ stage: 'log', fraction: 1 }));
    expect(importPercent({ stage: 'log', fraction: Number.NaN })).toBe(importPercent({ stage: 'log', fraction: 0 }));
    expect(stageLabel('log')).toBe('Checking the event log');
  });

  it('reports each new stage and each end at once, and otherwise at most every 50 ms', () => {
    const seen: ImportProgress[] = [];
    let now = 0;
    const report = throttledProgress(
      (p) => seen.push(p),
      () => now,
    );
    report({ stage: 'log', fraction: 0 });
    now = 10;
    report({ stage: 'log', fraction: 0.1 });
    now = 60;
    report({ stage: 'log', fraction: 0.2 });
    now = 61;
    report({ stage: 'log', fraction: 1 });
    report({ stage: 'audio', fraction: 0 });
    expect(seen.map((p) => `${p.stage} ${p.fraction}`)).toEqual(['log 0', 'log 0.2', 'log 1', 'audio 0']);
  });
});
