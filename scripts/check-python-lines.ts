/**
 * Fails when a Python file under src/ is longer than MAX_LINES: the `max-lines` rule eslint.config.js sets for
 * src's TypeScript, for the files ESLint cannot read (the harness and the screen, src/runner/python). Lines
 * are counted as ESLint counts them: every line, blank or comment, but no empty one after the last newline.
 * Run by `npm run lint`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The same limit as eslint.config.js's `max-lines`. */
const MAX_LINES = 400;
const ROOT = path.join(import.meta.dirname, '..');

const tooLong = readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
  .map((entry) => {
    const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
    const lines = readFileSync(path.join(ROOT, file), 'utf8').split(/\r\n|\r|\n/);
    if (lines.at(-1) === '') lines.pop();
    return { file, lines: lines.length };
  })
  .filter(({ lines }) => lines > MAX_LINES);

for (const { file, lines } of tooLong) console.error(`${file}: ${lines} lines (at most ${MAX_LINES}); split it into modules.`);
process.exitCode = tooLong.length > 0 ? 1 : 0;
