import { describe, expect, it } from 'vitest';
import { isCompileRequest, isCompileResponse } from './protocol';

describe('compile protocol guards', () => {
  it('accepts well-formed requests only', () => {
    expect(isCompileRequest({ type: 'init', id: 1, wasmURL: '/esbuild.wasm' })).toBe(true);
    expect(isCompileRequest({ type: 'compile', id: 2, files: { 'solution.ts': '' }, tests: '', testFileName: 't' })).toBe(true);
    expect(isCompileRequest({ type: 'compile', id: 2, files: { 'chat/hub.ts': '', 'README.md': '' }, tests: '', testFileName: 't' })).toBe(
      true,
    );
    expect(isCompileRequest({ type: 'compile', id: 2, files: { 'solution.ts': '' }, tests: '' })).toBe(false);
    expect(isCompileRequest({ type: 'compile', id: 2, files: { '../x.ts': '' }, tests: '', testFileName: 't' })).toBe(false);
    expect(isCompileRequest({ type: 'compile', id: 2, files: { 'x.ts': 1 }, tests: '', testFileName: 't' })).toBe(false);
    expect(isCompileRequest({ type: 'init', wasmURL: 'x' })).toBe(false);
  });

  it('accepts well-formed responses only', () => {
    expect(isCompileResponse({ type: 'init-done', id: 1, ms: 700 })).toBe(true);
    expect(isCompileResponse({ type: 'compiled', id: 2, projectCode: '', projectMap: '{}', testsCode: '', testsMap: '{}', ms: 3 })).toBe(
      true,
    );
    expect(isCompileResponse({ type: 'compiled', id: 2, projectCode: '', projectMap: '{}', testsCode: '', ms: 3 })).toBe(false);
    expect(
      isCompileResponse({
        type: 'compile-failed',
        id: 2,
        diagnostics: [{ file: 'solution.ts', message: 'm', line: 1, column: 1, length: 0 }],
      }),
    ).toBe(true);
    expect(
      isCompileResponse({
        type: 'compile-failed',
        id: 2,
        diagnostics: [{ file: 'chat/hub.ts', message: 'm', line: 1, column: 1, length: 0 }],
      }),
    ).toBe(true);
    expect(
      isCompileResponse({
        type: 'compile-failed',
        id: 2,
        diagnostics: [{ file: '../other.ts', message: 'm', line: 1, column: 1, length: 0 }],
      }),
    ).toBe(false);
    expect(isCompileResponse({ type: 'internal-error', id: 2, message: 'x' })).toBe(true);
    expect(isCompileResponse({ type: 'compiled', id: 2, code: '' })).toBe(false);
  });
});
