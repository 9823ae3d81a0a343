/**
 * Maps a stack from the test worker back to the candidate's files. The worker replaced the code bundle's
 * blob URL by CODE_BUNDLE_URL, so frames look like `at TokenBucket.take (rehearse-code.js:14:11)`; the
 * source map turns that into `solution.ts:7:5`. Frames in mocha, chai or the harness are dropped: they are
 * noise to a candidate. Pure apart from parsing the map, which happens lazily on the first stack.
 */

import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { SOLUTION_SOURCE, TESTS_SOURCE } from '../compile/virtualFiles';
import { CODE_BUNDLE_URL } from '../sandbox/protocol';

export interface SolutionPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface MappedStack {
  /** The message line(s) followed by the user-code frames, located in solution.ts / the test file. */
  text: string;
  /** The innermost frame inside solution.ts: where the candidate's code threw. */
  solution?: SolutionPosition;
}

export type StackMapper = (stack: string) => MappedStack;

const FRAME = /^\s*at\s/;
const CODE_LOCATION = new RegExp(`${CODE_BUNDLE_URL.replace(/\./g, '\\.')}:(\\d+):(\\d+)`);

export function createStackMapper(rawMap: string, testFileName: string): StackMapper {
  let consumer: SourceMapConsumer | null = null;
  const lookup = (line: number, column: number) => {
    consumer ??= new SourceMapConsumer(JSON.parse(rawMap) as RawSourceMap);
    // V8 columns are 1-based; source maps are 0-based.
    return consumer.originalPositionFor({ line, column: Math.max(0, column - 1) });
  };

  return (stack) => {
    const out: string[] = [];
    let solution: SolutionPosition | undefined;
    let inFrames = false;
    for (const line of stack.split('\n')) {
      if (!FRAME.test(line)) {
        // Message lines come before the first frame; anything after is noise (e.g. "--- async ---").
        if (!inFrames) out.push(line);
        continue;
      }
      inFrames = true;
      const match = CODE_LOCATION.exec(line);
      if (!match) continue;
      const pos = lookup(Number(match[1]), Number(match[2]));
      if (pos.line === null || pos.source === null) continue;
      const file = fileOf(pos.source, testFileName);
      if (!file) continue;
      const column = (pos.column ?? 0) + 1;
      if (file === 'solution.ts' && !solution) solution = { line: pos.line, column };
      out.push(line.replace(CODE_LOCATION, `${file}:${pos.line}:${column}`));
    }
    return { text: out.join('\n'), ...(solution ? { solution } : {}) };
  };
}

/** 'solution.ts', the test file's display name, or null for the chai shim and esbuild helpers. */
function fileOf(source: string, testFileName: string): string | null {
  if (source.endsWith(SOLUTION_SOURCE)) return 'solution.ts';
  if (source.endsWith(TESTS_SOURCE)) return testFileName;
  return null;
}
