import { describe, expect, it } from 'vitest';
import { toCompileDiagnostic, utf8OffsetToUtf16 } from './diagnostics';
import { SOLUTION_SOURCE, TESTS_SOURCE } from './virtualFiles';

describe('utf8OffsetToUtf16', () => {
  it('is the identity for ASCII', () => {
    expect(utf8OffsetToUtf16('const x = 1;', 6)).toBe(6);
  });
  it('counts é (2 bytes) and emoji (4 bytes, 2 UTF-16 units)', () => {
    const line = 'é😀x';
    expect(utf8OffsetToUtf16(line, 2)).toBe(1); // after é
    expect(utf8OffsetToUtf16(line, 6)).toBe(3); // after 😀
    expect(utf8OffsetToUtf16(line, 7)).toBe(4); // after x
  });
  it('keeps counting past the end of the line', () => {
    expect(utf8OffsetToUtf16('ab', 4)).toBe(4);
  });
});

describe('toCompileDiagnostic', () => {
  it('makes columns 1-based UTF-16 and names the file', () => {
    const d = toCompileDiagnostic(
      {
        text: 'Unexpected ";"',
        location: { file: SOLUTION_SOURCE, line: 4, column: 46, length: 1, lineText: '    const é = "😀"; return this.capacity > ;' },
      },
      'examples.test.ts',
    );
    expect(d).toEqual({ file: 'solution.ts', message: 'Unexpected ";"', line: 4, column: 44, length: 1 });
  });

  it('names the test file in messages and maps it to "tests"', () => {
    const d = toCompileDiagnostic(
      {
        text: `No matching export in "${SOLUTION_SOURCE}" for import "Foo"`,
        location: { file: TESTS_SOURCE, line: 2, column: 9, length: 3, lineText: 'import { Foo } from "./solution";' },
      },
      'hidden.test.ts',
    );
    expect(d).toEqual({ file: 'tests', message: 'No matching export in "solution.ts" for import "Foo"', line: 2, column: 10, length: 3 });
  });

  it('falls back to the top of the test file without a location', () => {
    expect(toCompileDiagnostic({ text: 'x', location: null }, 't')).toEqual({ file: 'tests', message: 'x', line: 1, column: 1, length: 0 });
  });
});
