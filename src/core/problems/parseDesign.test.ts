import { describe, expect, it } from 'vitest';
import { checkScratchpad, parseNotesTemplate, parseRubric } from './parseDesign';

const LEVELS = '### Excellent\nGreat.\n\n### Good\nFine.\n\n### Needs work\nWeak.\n';

function rubric(parts: Array<[string, string]>): string {
  return parts.map(([heading, body]) => `## ${heading}\n${body}`).join('\n');
}

const validRubric = rubric([
  ['Communication (25%)', LEVELS],
  ['Problem solving (25%)', LEVELS],
  ['Technical design (25%)', LEVELS],
  ['Depth of knowledge (25%)', LEVELS],
]);

describe('parseRubric', () => {
  it('returns the four parts with weights and the three level descriptions', () => {
    const parts = parseRubric(`# Rubric\n\n${validRubric}`);
    expect(parts.map((p) => [p.part, p.weight])).toEqual([
      ['Communication', 25],
      ['Problem solving', 25],
      ['Technical design', 25],
      ['Depth of knowledge', 25],
    ]);
    expect(parts[0]!.levels).toEqual({ excellent: 'Great.', good: 'Fine.', needsWork: 'Weak.' });
  });

  it('rejects a missing or misordered part', () => {
    const swapped = rubric([
      ['Problem solving (25%)', LEVELS],
      ['Communication (25%)', LEVELS],
      ['Technical design (25%)', LEVELS],
      ['Depth of knowledge (25%)', LEVELS],
    ]);
    expect(() => parseRubric(swapped)).toThrow(/in this order: Communication, Problem solving/);
    expect(() => parseRubric(rubric([['Communication (100%)', LEVELS]]))).toThrow(/exactly these "## " parts/);
  });

  it('rejects a heading without a weight', () => {
    expect(() => parseRubric(validRubric.replace('Communication (25%)', 'Communication'))).toThrow(
      /must end with its weight/,
    );
  });

  it('rejects weights that do not add up to 100', () => {
    expect(() => parseRubric(validRubric.replace('Communication (25%)', 'Communication (30%)'))).toThrow(
      /add up to 105%/,
    );
  });

  it('rejects a part with a missing or empty level', () => {
    const noGood = validRubric.replace('### Good\nFine.\n\n', '');
    expect(() => parseRubric(noGood)).toThrow(/levels Excellent, Good, Needs work/);
    const emptyExcellent = validRubric.replace('### Excellent\nGreat.\n', '### Excellent\n\n');
    expect(() => parseRubric(emptyExcellent)).toThrow(/"Communication" level "Excellent" has no description/);
  });
});

describe('parseNotesTemplate', () => {
  const md = '## Introduction\nRestate the prompt.\n\n## Requirements\nList them.\n';

  it('reads one section per phase with its guidance', () => {
    expect(parseNotesTemplate(md)).toEqual([
      { phase: 'Introduction', guidance: 'Restate the prompt.' },
      { phase: 'Requirements', guidance: 'List them.' },
    ]);
  });

  it('checks the headings against the protocol phases when given', () => {
    expect(parseNotesTemplate(md, ['introduction', 'requirements'])).toHaveLength(2);
    expect(() => parseNotesTemplate(md, ['Introduction', 'Requirements', 'Estimation'])).toThrow(
      /one "## " section per phase, in order: Introduction, Requirements, Estimation/,
    );
  });

  it('rejects a phase without guidance', () => {
    expect(() => parseNotesTemplate('## Introduction\n\n')).toThrow(/"Introduction" has no guidance line/);
  });
});

describe('checkScratchpad', () => {
  it('accepts a plain script that prints', () => {
    expect(() => checkScratchpad('const users = 10;\nconsole.log(`users: ${users}`);\n')).not.toThrow();
  });

  it('rejects imports, exports and require', () => {
    expect(() => checkScratchpad("import fs from 'fs';\nconsole.log(1);")).toThrow(/line 1: .*"import"\/"export"/);
    expect(() => checkScratchpad('export const x = 1;\nconsole.log(x);')).toThrow(/plain script/);
    expect(() => checkScratchpad("const fs = require('fs');\nconsole.log(fs);")).toThrow(/require\(\)/);
  });

  it('rejects a scratchpad that prints nothing', () => {
    expect(() => checkScratchpad('const x = 1 + 1;\n')).toThrow(/never calls console.log/);
  });
});
