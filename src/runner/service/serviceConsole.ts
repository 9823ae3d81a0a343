/**
 * A service's console output, kept per request: what the candidate's code printed while one request (and
 * the background work after it) ran, at most MAX_SERVICE_CONSOLE_LINES lines of MAX_LINE_LENGTH characters,
 * so a loop that logs forever cannot flood the page. Pure.
 */
import type { ConsoleLine } from '../types';

export const MAX_SERVICE_CONSOLE_LINES = 200;
export const MAX_LINE_LENGTH = 4_000;

export class ConsoleBuffer {
  private lines: ConsoleLine[] = [];
  private dropped = 0;

  push(level: ConsoleLine['level'], text: string): void {
    if (this.lines.length < MAX_SERVICE_CONSOLE_LINES) this.lines.push({ level, text: text.slice(0, MAX_LINE_LENGTH) });
    else this.dropped++;
  }

  /** The lines since the last take (with a note of any dropped), and a fresh start. */
  take(): ConsoleLine[] {
    const out = this.lines;
    if (this.dropped > 0) out.push({ level: 'warn', text: `Console output truncated: ${this.dropped} more lines were not kept.` });
    this.lines = [];
    this.dropped = 0;
    return out;
  }
}
