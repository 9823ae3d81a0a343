import { describe, expect, it } from 'vitest';
import { codeSignature, countEdgeCases, editorEdgeCases, isCodeChange, leadingCommentLines } from './edgeCases';

const STARTER = '// Implement the class below.\nexport class Bucket {\n  take(): boolean {\n    throw new Error("todo");\n  }\n}\n';

describe('leadingCommentLines', () => {
  it('takes // and /* */ comment lines above the first line of code', () => {
    const code = '// empty key\n/* capacity 0\n * refill after a long pause */\n\nexport const x = 1; // not leading\n// after code\n';
    expect(leadingCommentLines(code)).toEqual(['empty key', 'capacity 0', 'refill after a long pause']);
  });

  it('skips empty comment lines and bare markers', () => {
    expect(leadingCommentLines('//\n/*\n*/\n//   \nconst a = 1;')).toEqual([]);
  });

  it('stops at a line that mixes code and a comment', () => {
    expect(leadingCommentLines('const a = 1; // first\n// second')).toEqual([]);
  });

  it('does not take // inside a string for a comment', () => {
    expect(leadingCommentLines('const url = "http://x";\n// later')).toEqual([]);
    expect(codeSignature("const s = '//';")).toBe("consts='//';");
  });
});

describe('isCodeChange', () => {
  it('is false when only comments or whitespace change', () => {
    expect(isCodeChange(STARTER, `// negative tokens\n${STARTER}`)).toBe(false);
    expect(isCodeChange(STARTER, STARTER.replace('  take', '    take'))).toBe(false);
    expect(isCodeChange('const a = 1; /* x */', 'const a = 1; /* y z */')).toBe(false);
  });

  it('is true when a line of code changes', () => {
    expect(isCodeChange(STARTER, STARTER.replace('throw new Error("todo");', 'return true;'))).toBe(true);
    expect(isCodeChange(STARTER, `${STARTER}const x = 1;\n`)).toBe(true);
  });

  it('does not take a comment being typed (a lone "/") for code', () => {
    expect(isCodeChange(STARTER, `// empty key\n/${STARTER}`.replace('/export', '/\nexport'))).toBe(false);
    expect(leadingCommentLines(`// empty key\n/\n${STARTER}`)).toEqual(['empty key', 'Implement the class below.']);
  });

  it('sees a change inside a string as code', () => {
    expect(isCodeChange('const s = "a b";', 'const s = "a  b";')).toBe(true);
  });
});

describe('editorEdgeCases', () => {
  it('does not count the starter’s own comments', () => {
    expect(editorEdgeCases(STARTER, STARTER)).toBe(0);
  });

  it('counts the candidate’s comment lines written above the code', () => {
    const code = `// - capacity 0 rejects everything\n// - refill never exceeds capacity\n${STARTER}`;
    expect(editorEdgeCases(code, STARTER)).toBe(2);
  });

  it('counts a repeated starter comment line once more than the starter has it', () => {
    expect(editorEdgeCases(`// Implement the class below.\n${STARTER}`, STARTER)).toBe(1);
  });

  it('does not count comments inside the code', () => {
    expect(editorEdgeCases(STARTER.replace('take(): boolean {', 'take(): boolean {\n    // edge: empty'), STARTER)).toBe(0);
  });
});

describe('countEdgeCases', () => {
  it('adds the plan notes’ list items and the editor’s leading comments', () => {
    expect(countEdgeCases({ notes: '- empty input\n- duplicate keys\nApproach: map', code: `// negative time\n${STARTER}`, starter: STARTER })).toBe(3);
  });

  it('is zero with neither', () => {
    expect(countEdgeCases({ notes: 'Approach: a map', code: STARTER, starter: STARTER })).toBe(0);
  });
});
