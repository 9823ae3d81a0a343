import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardViolations, designMaterialViolations, figuresIn, filledScratchpad, type DesignMaterials } from './designMaterials';

const honest: DesignMaterials = {
  notesTemplate: '## Requirements\nWhat must it do, and at what scale?\n\n## Estimation\nHow much traffic does that mean?\n',
  scratchpad: `interface Inputs { linksPerDay: number; peak: number }
const inputs: { [K in keyof Inputs]: Inputs[K] | null } = {
  linksPerDay: null,
  peak: null,
};
const SECONDS_PER_DAY = 24 * 60 * 60;
console.log(inputs.linksPerDay === null ? 'fill in' : (inputs.linksPerDay / SECONDS_PER_DAY).toFixed(1));
`,
  clarifications: '## How many links a day?\nAbout 500 million.\n\nScratchpad: linksPerDay = 500_000_000\n',
  referenceAnswer: '## Estimates\n- About 5.8k writes/s, peaks at 12k/s.\n\nScratchpad: peak = 2\n',
};

describe('figuresIn', () => {
  it('reads plain, grouped and scaled figures', () => {
    const f = figuresIn('About 500 million links, 10,000 titles, 5.8k/s, 62^7 codes, 137 TB');
    for (const n of [500, 5e8, 10_000, 5.8, 5800, 62, 7, 137]) expect(f.has(n), String(n)).toBe(true);
  });
});

describe('designMaterialViolations', () => {
  it('passes honest materials', () => {
    expect(designMaterialViolations(honest)).toEqual([]);
  });

  it('fails a template that gives a figure away', () => {
    const v = designMaterialViolations({ ...honest, notesTemplate: honest.notesTemplate.replace('at what scale?', 'at 500M writes a day?') });
    expect(v.join('\n')).toMatch(/notes-template.md line 2 holds a number/);
  });

  it('fails a template section that answers instead of asking', () => {
    const v = designMaterialViolations({ ...honest, notesTemplate: honest.notesTemplate.replace('How much traffic does that mean?', 'Load balancer, cache, key-value store.') });
    expect(v.join('\n')).toMatch(/"Estimation" section must be one question/);
  });

  it('fails a scratchpad whose input starts filled in', () => {
    const v = designMaterialViolations({ ...honest, scratchpad: honest.scratchpad.replace('linksPerDay: null', 'linksPerDay: 500_000_000') });
    expect(v.join('\n')).toMatch(/"linksPerDay" starts as 500_000_000/);
    expect(v.join('\n')).toMatch(/500_000_000 is a figure from the interviewer's or the reference answer/);
  });

  it('fails a scratchpad that hides a reference figure in a constant or a comment', () => {
    const inCode = designMaterialViolations({ ...honest, scratchpad: `${honest.scratchpad}const typical = 12_000;\n` });
    expect(inCode.join('\n')).toMatch(/line 8: 12_000 is a figure/);
    const inComment = designMaterialViolations({ ...honest, scratchpad: `${honest.scratchpad}// expect about 5.8 thousand a second\n` });
    expect(inComment.join('\n')).toMatch(/5\.8 is a figure/);
  });

  it('does not count unit constants (seconds per day, percentages) as figures', () => {
    const withUnits = { ...honest, referenceAnswer: `${honest.referenceAnswer}- 24 hours, 60 minutes, 100 %\n` };
    expect(designMaterialViolations(withUnits)).toEqual([]);
  });

  it('fails when an input has no value anywhere, or a Scratchpad: line names no input', () => {
    const noRef = designMaterialViolations({ ...honest, referenceAnswer: '## Estimates\n- Some.\n' });
    expect(noRef.join('\n')).toMatch(/gives a value for "peak"/);
    const extra = designMaterialViolations({ ...honest, referenceAnswer: `${honest.referenceAnswer}Scratchpad: typo = 3\n` });
    expect(extra.join('\n')).toMatch(/fills "typo", which scratchpad.ts has no input for/);
  });

  it('fails a scratchpad without an inputs block', () => {
    expect(designMaterialViolations({ ...honest, scratchpad: 'console.log(1);\n' }).join('\n')).toMatch(/no "const inputs/);
  });

  it('fills every input for the run', () => {
    const filled = filledScratchpad(honest);
    expect(filled).toContain('linksPerDay: 500_000_000,');
    expect(filled).toContain('peak: 2,');
  });

  it('passes the shipped design problems, and fails the url shortener with its old template', () => {
    const read = (id: string, f: string) => readFileSync(`problems/${id}/${f}`, 'utf8');
    const materials = (id: string): DesignMaterials => ({
      notesTemplate: read(id, 'notes-template.md'),
      scratchpad: read(id, 'scratchpad.ts'),
      clarifications: read(id, 'clarifications.md'),
      referenceAnswer: read(id, 'reference-answer.md'),
    });
    for (const id of ['design-url-shortener', 'design-chat', 'design-video-streaming']) expect(designMaterialViolations(materials(id)), id).toEqual([]);
    const old = '## Requirements\nFunctional and non-functional (500M writes/day, 100:1 reads, 5 years, low latency).\n';
    expect(designMaterialViolations({ ...materials('design-url-shortener'), notesTemplate: old }).length).toBeGreaterThan(0);
  });
});

describe('the card and In scope', () => {
  const problem = (summary: string, scope: string, prompt = 'Design a link shortener.') =>
    `---\nid: x\nsummary: ${summary}\n---\n\n> "${prompt}"\n\n## In scope\n\n${scope}\n\n## Out of scope unless you have time left\n\n- 3 regions\n`;

  it('accepts a card and a scope that say what to design and no figure', () => {
    expect(cardViolations(problem('Design a link shortener.', '- Creating a short link\n- The numbers your design rests on'))).toEqual([]);
  });

  it('refuses a figure in digits or in words in the summary, the prompt or In scope', () => {
    expect(cardViolations(problem('Design it for a hundred million daily users.', '- Links'))).toHaveLength(1);
    expect(cardViolations(problem('Design it.', '- Links\n- 62^7 codes'))[0]).toMatch(/In scope states a figure \("6" in "62\^7 codes"\)/);
    expect(cardViolations(problem('Design it.', '- Links', 'It takes billions of clicks.'))[0]).toMatch(/prompt/);
    // Out of scope is not the card: a figure there is left to the other checks.
    expect(cardViolations(problem('Design it.', '- Links'))).toEqual([]);
  });
});
