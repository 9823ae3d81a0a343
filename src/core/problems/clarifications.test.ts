import { describe, expect, it } from 'vitest';
import { parseClarifications } from './clarifications';
import { ProblemFormatError } from './parseProblem';

describe('parseClarifications', () => {
  it('reads each ## heading as a question and the paragraphs under it as the answer', () => {
    const md = '# Clarifications\n\nIntro text.\n\n## How many users?\n\n100 million a day.\n\nMostly mobile.\n\n## Media?\nText only.\n';
    expect(parseClarifications(md)).toEqual([
      { question: 'How many users?', answer: '100 million a day.\n\nMostly mobile.', fills: [] },
      { question: 'Media?', answer: 'Text only.', fills: [] },
    ]);
  });

  it('accepts Windows line endings and ignores ## inside code fences', () => {
    const md = '## Q1\r\nAnswer one.\r\n```\r\n## not a question\r\n```\r\n';
    const parsed = parseClarifications(md);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.answer).toContain('## not a question');
  });

  it('rejects a file without questions', () => {
    expect(() => parseClarifications('# Only a title\n')).toThrow(/no "## " questions/);
  });

  it('rejects a question without an answer, naming the problem and the line', () => {
    expect(() => parseClarifications('## Q1\nA1\n\n## Q2\n\n', 'design-chat')).toThrow(
      /problem "design-chat": clarifications.md line 4: the question "Q2" has no answer/,
    );
  });

  it('rejects a repeated question', () => {
    expect(() => parseClarifications('## Scale?\nBig.\n## scale?\nHuge.\n')).toThrow(/appears twice/);
  });

  it('reads a coding problem\'s file the same way: code spans and lists in answers, no scratchpad values', () => {
    const md = '# Clarifying questions\n\n## What if `capacity` is 0?\n\nThe constructor throws a `RangeError`.\n\n## Which ids are valid?\n\n- any non-empty string\n- nothing else\n';
    expect(parseClarifications(md, 'token-bucket')).toEqual([
      { question: 'What if `capacity` is 0?', answer: 'The constructor throws a `RangeError`.', fills: [] },
      { question: 'Which ids are valid?', answer: '- any non-empty string\n- nothing else', fills: [] },
    ]);
  });

  it('throws ProblemFormatError', () => {
    expect(() => parseClarifications('')).toThrow(ProblemFormatError);
  });
});
