/**
 * Replaces the worker's console methods so user output is posted to the page instead of the devtools.
 * Capped per run: a loop that logs forever must not flood the frame and the main thread with messages.
 */

import type { ConsoleLine } from '../../types';
import { formatConsoleArgs } from './inspect';

export const MAX_CONSOLE_LINES = 500;

type Level = ConsoleLine['level'];

export function captureConsole(emit: (level: Level, text: string) => void): void {
  let lines = 0;
  const write = (level: Level, args: unknown[]) => {
    lines++;
    if (lines <= MAX_CONSOLE_LINES) emit(level, formatConsoleArgs(args));
    else if (lines === MAX_CONSOLE_LINES + 1) emit('warn', `Console output truncated after ${MAX_CONSOLE_LINES} lines.`);
  };
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  const levels: Level[] = ['log', 'info', 'warn', 'error', 'debug'];
  for (const level of levels) target[level] = (...args) => write(level, args);
  // Common extras, folded onto the five levels the UI knows.
  target.dir = (...args) => write('log', args);
  target.table = (...args) => write('log', args);
  target.trace = (...args) => write('debug', args);
}
