/**
 * esbuild messages → CompileDiagnostic. esbuild reports 1-based lines but 0-based columns counted in
 * UTF-8 bytes; the editor wants 1-based columns in UTF-16 code units, so non-ASCII text before the error
 * (é, emoji) must be converted, or the squiggle lands in the wrong place.
 */

import type { CompileDiagnostic } from '../types';
import { diagnosticFile, friendlyText, type BuildOrigin } from './virtualFiles';

/** The subset of esbuild's Message this needs (structural, so tests can build one by hand). */
export interface EsbuildMessageLike {
  text: string;
  location: {
    file: string;
    line: number;
    column: number;
    length: number;
    lineText: string;
  } | null;
}

/**
 * `origin`: which build said it. The test file's build names the test file 'rehearse:tests.ts', the project's
 * builds name each project file 'rehearse:<path>' (a project may have a tests.ts of its own).
 */
export function toCompileDiagnostic(message: EsbuildMessageLike, testFileName: string, origin: BuildOrigin = 'tests'): CompileDiagnostic {
  const text = friendlyText(message.text, origin, testFileName);
  const loc = message.location;
  if (!loc) return { file: 'tests', message: text, line: 1, column: 1, length: 0 };
  const start = utf8OffsetToUtf16(loc.lineText, loc.column);
  const end = utf8OffsetToUtf16(loc.lineText, loc.column + loc.length);
  return {
    file: diagnosticFile(loc.file, origin),
    message: text,
    line: loc.line,
    column: start + 1,
    length: end - start,
  };
}

/** UTF-16 index in `line` of the character starting at UTF-8 byte offset `byteOffset`. */
export function utf8OffsetToUtf16(line: string, byteOffset: number): number {
  let bytes = 0;
  let index = 0;
  while (index < line.length && bytes < byteOffset) {
    const codePoint = line.codePointAt(index) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    index += codePoint >= 0x10000 ? 2 : 1;
  }
  // Past the end of lineText (e.g. "unexpected end of file"): keep counting as if ASCII.
  return index + Math.max(0, byteOffset - bytes);
}
