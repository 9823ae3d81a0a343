import { describe, expect, it } from 'vitest';
import { countEdgeCases, editorEdgeCases, leadingCommentLines, typedCode } from './edgeCases';

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
    expect(leadingCommentLines("const s = '//';")).toEqual([]);
  });
});

describe('typedCode', () => {
  it('is false when only comments or whitespace are typed', () => {
    expect(typedCode(STARTER, `// negative tokens\n${STARTER}`)).toBe(false);
    expect(typedCode(STARTER, STARTER.replace('  take', '    take'))).toBe(false);
    expect(typedCode('const a = 1; /* x */', 'const a = 1; /* y z */')).toBe(false);
  });

  it('is true when code is typed', () => {
    expect(typedCode(STARTER, STARTER.replace('throw new Error("todo");', 'return true;'))).toBe(true);
    expect(typedCode(STARTER, `${STARTER}const x = 1;\n`)).toBe(true);
    expect(typedCode('const s = "a b";', 'const s = "a xb";')).toBe(true);
  });

  it('is false for a lone "/" (a comment being started), even when it uncomments a starter block for a keystroke', () => {
    const block = '/**\n * The rules are in the statement.\n */\nexport {};\n';
    expect(typedCode(block, `/${block}`)).toBe(false);
    expect(typedCode(`/${block}`, `//${block}`)).toBe(false);
    expect(typedCode(`//${block}`, `// empty${block}`)).toBe(false);
    expect(typedCode('export {};', '/export {};')).toBe(false);
  });

  it('is false for deleting code', () => {
    expect(typedCode(STARTER, STARTER.replace('throw new Error("todo");', ''))).toBe(false);
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
    expect(
      countEdgeCases({ notes: '- empty input\n- duplicate keys\nApproach: map', code: `// negative time\n${STARTER}`, starter: STARTER }),
    ).toBe(3);
  });

  it('is zero with neither', () => {
    expect(countEdgeCases({ notes: 'Approach: a map', code: STARTER, starter: STARTER })).toBe(0);
  });
});
