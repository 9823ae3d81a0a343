/**
 * A coding problem's clarifications.md as `npm run check:problems` judges it (folderChecks.ts): it parses,
 * has a question at least, and gives no scratchpad values; the shipped ones pass.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseClarifications } from '../../src/core/problems/clarifications';
import { parseFrontMatter } from '../../src/core/problems/parseProblem';
import { checkFolder } from './folderChecks';
import { listProblemIds, PROBLEMS_DIR, TMP_DIR } from './shared';

/** Names of the workspace's own buttons, matched as Playwright and screen readers' search do: anywhere, any case. */
const CONTROL_WORDS = ['start', 'run', 'submit', 'finish', 'pause', 'resume', 'next phase', 'end session', 'new attempt', 'export', 'send'];

const BASE = path.join(TMP_DIR, `test-coding-clarifications-${process.pid}`);
afterAll(() => rmSync(BASE, { recursive: true, force: true }));

/** The violations about clarifications.md of a coding folder holding only problem.md, followups.md and it. */
function clarificationViolations(name: string, clarifications: string): string[] {
  const id = `clarify-${name}`;
  const dir = path.join(BASE, id);
  mkdirSync(dir, { recursive: true });
  const front = `---\nid: ${id}\ntitle: T\nkind: coding\ndifficulty: easy\ntags: []\nprotocol: coding-45\nsummary: S\n---\nBody\n`;
  writeFileSync(path.join(dir, 'problem.md'), front);
  writeFileSync(path.join(dir, 'followups.md'), '## Q?\n- a point\n');
  writeFileSync(path.join(dir, 'clarifications.md'), clarifications);
  const v: string[] = [];
  checkFolder(BASE, id, v);
  return v.filter((line) => line.startsWith('clarifications.md'));
}

describe("a coding problem's clarifications.md", () => {
  it('passes when every question has an answer', () => {
    expect(clarificationViolations('good', '## Can the list be empty?\n\nYes: return an empty list.\n')).toEqual([]);
  });

  it('is reported when it has no question, or a question without an answer', () => {
    expect(clarificationViolations('none', '# Clarifying questions\n')).toEqual([expect.stringMatching(/no "## " questions/)]);
    expect(clarificationViolations('empty', '## Q1?\nA.\n## Q2?\n')).toEqual([expect.stringMatching(/"Q2\?" has no answer/)]);
  });

  it('is reported when an answer gives a scratchpad value, which only a design problem has', () => {
    expect(clarificationViolations('fill', '## How many?\nTen.\nScratchpad: n = 10\n')).toEqual([
      expect.stringMatching(/"How many\?" has a Scratchpad: line, but a coding problem has no scratchpad/),
    ]);
  });

  it('ships for at least six coding problems, each with 3 to 6 questions and no scratchpad values', () => {
    const coding = listProblemIds().filter((id) => {
      const md = readFileSync(path.join(PROBLEMS_DIR, id, 'problem.md'), 'utf8');
      return parseFrontMatter(md, id).meta.kind === 'coding' && existsSync(path.join(PROBLEMS_DIR, id, 'clarifications.md'));
    });
    expect(coding.length).toBeGreaterThanOrEqual(6);
    for (const id of coding) {
      const parsed = parseClarifications(readFileSync(path.join(PROBLEMS_DIR, id, 'clarifications.md'), 'utf8'), id);
      expect(parsed.length, id).toBeGreaterThanOrEqual(3);
      expect(parsed.length, id).toBeLessThanOrEqual(6);
      expect(parsed.flatMap((c) => c.fills), id).toEqual([]);
      // A question is part of its Reveal button's accessible name: one holding a control's name ("start",
      // "run") would make a button of the workspace ambiguous to whoever finds buttons by name.
      for (const c of parsed) expect(CONTROL_WORDS.filter((w) => c.question.toLowerCase().includes(w)), `${id}: ${c.question}`).toEqual([]);
    }
  });
});
