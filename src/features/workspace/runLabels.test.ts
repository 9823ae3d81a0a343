import { describe, expect, it } from 'vitest';
import { emptyConsoleText, solutionFileOfRun } from './runLabels';

describe('runLabels', () => {
  it("names the file of the run's own language, TypeScript for results from before Python", () => {
    expect(solutionFileOfRun({ language: 'python' })).toBe('solution.py');
    expect(solutionFileOfRun({ language: 'typescript' })).toBe('solution.ts');
    expect(solutionFileOfRun({})).toBe('solution.ts');
  });

  it("mentions print() for Python and console.log for TypeScript in the console's empty state", () => {
    expect(emptyConsoleText('python')).toMatch(/print\(\)/);
    expect(emptyConsoleText('python')).not.toMatch(/console\.log/);
    expect(emptyConsoleText('typescript')).toBe('console.log output from your code appears here.');
  });
});
