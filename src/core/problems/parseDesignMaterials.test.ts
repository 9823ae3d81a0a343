import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClarifications } from './clarifications';
import { fillScratchpadInput, parseReferenceAnswer, scratchpadInputs } from './parseDesign';
import { ProblemFormatError } from './parseProblem';

const SCRATCHPAD = `interface Inputs { a: number; bRate: number }
const inputs: { [K in keyof Inputs]: Inputs[K] | null } = {
  a: null, // first
  bRate: null,
};
const other = { a: 3 };
`;

describe('Scratchpad: lines', () => {
  it('takes the inputs an answer fills out of the answer text', () => {
    const [c] = parseClarifications('## How many?\nAbout five hundred million.\n\nScratchpad: a = 500_000_000; bRate = 0.5\n');
    expect(c!.answer).toBe('About five hundred million.');
    expect(c!.fills).toEqual([
      { input: 'a', value: '500_000_000' },
      { input: 'bRate', value: '0.5' },
    ]);
  });

  it('refuses a Scratchpad: line that is not name = number, naming the line', () => {
    expect(() => parseClarifications('## Q?\nA.\nScratchpad: a = lots\n', 'design-x')).toThrow(/design-x.*line 3: "a = lots" is not "name = number"/);
    expect(() => parseClarifications('## Q?\nA.\nScratchpad: = 5\n')).toThrow(ProblemFormatError);
  });

  it('reads a reference answer with its sections and assumed inputs', () => {
    const ref = parseReferenceAnswer('# Title\n\n## Estimates\n- 5.8k writes/s\n\nScratchpad: a = 1e3\n\n## High-level design\n- Cache\n');
    expect(ref.sections).toEqual([
      { heading: 'Estimates', body: '- 5.8k writes/s' },
      { heading: 'High-level design', body: '- Cache' },
    ]);
    expect(ref.fills).toEqual([{ input: 'a', value: '1e3' }]);
    expect(() => parseReferenceAnswer('## Empty\n\n## Next\nx\n')).toThrow(/"Empty" is empty/);
  });
});

describe('scratchpad inputs', () => {
  it('lists the named inputs and what they hold', () => {
    expect(scratchpadInputs(SCRATCHPAD)).toEqual([
      { input: 'a', value: 'null' },
      { input: 'bRate', value: 'null' },
    ]);
    expect(scratchpadInputs('const x = 1;')).toEqual([]);
  });

  it('fills one input inside the inputs block only, keeping its comment and everything else', () => {
    const filled = fillScratchpadInput(SCRATCHPAD, 'a', '500_000_000')!;
    expect(filled).toContain('  a: 500_000_000, // first\n');
    expect(filled).toContain('const other = { a: 3 };');
    expect(filled.replace('500_000_000', 'null')).toBe(SCRATCHPAD);
    expect(fillScratchpadInput(filled, 'bRate', '0.5')).toContain('  bRate: 0.5,\n');
    // Filling again replaces the value rather than appending to it.
    expect(scratchpadInputs(fillScratchpadInput(filled, 'a', '7')!)[0]).toEqual({ input: 'a', value: '7' });
  });

  it('returns null for an input that is not there', () => {
    expect(fillScratchpadInput(SCRATCHPAD, 'missing', '1')).toBeNull();
    expect(fillScratchpadInput('const x = 1;', 'a', '1')).toBeNull();
  });

  it('every input of the shipped scratchpads is filled by a clarification or the reference answer', () => {
    for (const id of ['design-url-shortener', 'design-chat', 'design-video-streaming']) {
      const read = (f: string) => readFileSync(`problems/${id}/${f}`, 'utf8');
      const fills = [...parseClarifications(read('clarifications.md')).flatMap((c) => c.fills), ...parseReferenceAnswer(read('reference-answer.md')).fills];
      const inputs = scratchpadInputs(read('scratchpad.ts'));
      expect(inputs.length, id).toBeGreaterThan(5);
      expect(inputs.every((i) => i.value === 'null'), id).toBe(true);
      expect(inputs.map((i) => i.input).sort(), id).toEqual(fills.map((f) => f.input).sort());
    }
  });
});
