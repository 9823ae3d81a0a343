import { describe, expect, it } from 'vitest';
import { ConsoleBuffer, MAX_LINE_LENGTH, MAX_SERVICE_CONSOLE_LINES } from './serviceConsole';

describe("a service's console, per request", () => {
  it('hands over the lines since the last request, then starts afresh', () => {
    const buffer = new ConsoleBuffer();
    buffer.push('log', 'GET /users');
    buffer.push('error', 'x'.repeat(MAX_LINE_LENGTH + 5));
    const first = buffer.take();
    expect(first[0]).toEqual({ level: 'log', text: 'GET /users' });
    expect(first[1]!.text.length).toBe(MAX_LINE_LENGTH);
    expect(buffer.take()).toEqual([]);
  });

  it('keeps a bounded number of lines and says how many were dropped', () => {
    const buffer = new ConsoleBuffer();
    for (let i = 0; i < MAX_SERVICE_CONSOLE_LINES + 3; i++) buffer.push('log', `line ${i}`);
    const lines = buffer.take();
    expect(lines).toHaveLength(MAX_SERVICE_CONSOLE_LINES + 1);
    expect(lines.at(-1)).toEqual({ level: 'warn', text: 'Console output truncated: 3 more lines were not kept.' });
  });
});
