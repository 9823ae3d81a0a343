/**
 * Maps a stack from the test worker back to the candidate's files. The worker replaced the scripts' blob
 * URLs by SOLUTION_SCRIPT_URL / TESTS_SCRIPT_URL, so frames look like
 * `at TokenBucket.take (rehearse-solution.js:14:11)`; that script's own source map turns it into
 * `solution.ts:7:5`. Frames in mocha, chai, the harness, the chai shim or esbuild's helpers are dropped:
 * they are noise to a candidate. Pure apart from parsing the maps, which happens lazily, per map, on the
 * first frame that needs it — a run where everything passes parses nothing.
 */

import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { SOLUTION_SOURCE, TESTS_SOURCE } from '../compile/virtualFiles';
import { SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL } from '../sandbox/protocol';

export interface SolutionPosition {
  /** 1-based. */
  line: number;
  /** 1-based; absent where only the line is known (Python tracebacks). */
  column?: number;
}

export interface MappedStack {
  /** The message line(s) followed by the user-code frames, located in solution.ts / the test file. */
  text: string;
  /** The innermost frame inside solution.ts: where the candidate's code threw. */
  solution?: SolutionPosition;
}

export type StackMapper = (stack: string) => MappedStack;

/** The raw source maps of the run's two scripts. */
export interface RunSourceMaps {
  solution: string;
  tests: string;
}

const FRAME = /^\s*at\s/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CODE_LOCATION = new RegExp(`(${escape(SOLUTION_SCRIPT_URL)}|${escape(TESTS_SCRIPT_URL)}):(\\d+):(\\d+)`);

interface Script {
  rawMap: string;
  consumer: SourceMapConsumer | null;
  /** The source inside this script that is the candidate's (the rest is shim/stub/helpers). */
  userSource: string;
  displayName: string;
}

export function createStackMapper(maps: RunSourceMaps, testFileName: string): StackMapper {
  const scripts: Record<string, Script> = {
    [SOLUTION_SCRIPT_URL]: { rawMap: maps.solution, consumer: null, userSource: SOLUTION_SOURCE, displayName: 'solution.ts' },
    [TESTS_SCRIPT_URL]: { rawMap: maps.tests, consumer: null, userSource: TESTS_SOURCE, displayName: testFileName },
  };
  const lookup = (script: Script, line: number, column: number) => {
    script.consumer ??= new SourceMapConsumer(JSON.parse(script.rawMap) as RawSourceMap);
    // V8 columns are 1-based; source maps are 0-based.
    return script.consumer.originalPositionFor({ line, column: Math.max(0, column - 1) });
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
      const script = match ? scripts[match[1] ?? ''] : undefined;
      if (!match || !script) continue;
      const pos = lookup(script, Number(match[2]), Number(match[3]));
      // Only the candidate's own file in each script counts (the stub in the test bundle is also named
      // solution.ts, but has no code a stack could stop in that is worth showing).
      if (pos.line === null || pos.source === null || !pos.source.endsWith(script.userSource)) continue;
      const column = (pos.column ?? 0) + 1;
      if (script.userSource === SOLUTION_SOURCE && !solution) solution = { line: pos.line, column };
      out.push(line.replace(CODE_LOCATION, `${script.displayName}:${pos.line}:${column}`));
    }
    return { text: out.join('\n'), ...(solution ? { solution } : {}) };
  };
}
