/**
 * Maps a stack from the test worker back to the candidate's files. The worker replaced the scripts' blob
 * URLs by SOLUTION_SCRIPT_URL (the candidate's code: every module of the project) / TESTS_SCRIPT_URL, so
 * frames look like `at Hub.send (rehearse-solution.js:14:11)`; that script's own source map turns it into
 * `chat/hub.ts:7:5`. Frames in mocha, chai, the harness, the chai shim, the test bundle's links to the
 * project or esbuild's helpers are dropped: they are noise to a candidate. Pure apart from parsing the maps,
 * which happens lazily, per map, on the first frame that needs it — a run where everything passes parses
 * nothing.
 */

import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { projectPathOfSource, TESTS_SOURCE } from '../compile/virtualFiles';
import { SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL } from '../sandbox/protocol';
import type { SourceLocation } from '../types';

export interface MappedStack {
  /** The message line(s) followed by the user-code frames, located in project files / the test file. */
  text: string;
  /** The innermost frame inside a project file: where the candidate's code threw. */
  at?: SourceLocation;
  /** `at` as the candidate reads it: "chat/hub.ts:7:5" ("solution.py:7" where only the line is known). */
  where?: string;
}

export type StackMapper = (stack: string) => MappedStack;

/** The raw source maps of the run's two scripts: the project's modules, and the test bundle. */
export interface RunSourceMaps {
  project: string;
  tests: string;
}

const FRAME = /^\s*at\s/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CODE_LOCATION = new RegExp(`(${escape(SOLUTION_SCRIPT_URL)}|${escape(TESTS_SCRIPT_URL)}):(\\d+):(\\d+)`);

interface Script {
  rawMap: string;
  consumer: SourceMapConsumer | null;
  /** The name a source of this script shows as, or null when it is not the candidate's or the test file. */
  displayName: (source: string) => string | null;
  /** Whether a frame here is in the candidate's project (where `at` points). */
  isProject: boolean;
}

export function createStackMapper(maps: RunSourceMaps, testFileName: string): StackMapper {
  const scripts: Record<string, Script> = {
    [SOLUTION_SCRIPT_URL]: { rawMap: maps.project, consumer: null, displayName: projectPathOfSource, isProject: true },
    [TESTS_SCRIPT_URL]: {
      rawMap: maps.tests,
      consumer: null,
      // Only the test file itself: its links to the project modules and the shims are not worth showing.
      displayName: (source) => (source === TESTS_SOURCE ? testFileName : null),
      isProject: false,
    },
  };
  const lookup = (script: Script, line: number, column: number) => {
    script.consumer ??= new SourceMapConsumer(JSON.parse(script.rawMap) as RawSourceMap);
    // V8 columns are 1-based; source maps are 0-based.
    return script.consumer.originalPositionFor({ line, column: Math.max(0, column - 1) });
  };

  return (stack) => {
    const out: string[] = [];
    let at: SourceLocation | undefined;
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
      if (pos.line === null || pos.source === null) continue;
      const file = script.displayName(pos.source);
      if (file === null) continue;
      const column = (pos.column ?? 0) + 1;
      if (script.isProject && !at) at = { file, line: pos.line, column };
      out.push(line.replace(CODE_LOCATION, `${file}:${pos.line}:${column}`));
    }
    return { text: out.join('\n'), ...(at ? { at, where: `${at.file}:${at.line}:${at.column}` } : {}) };
  };
}
