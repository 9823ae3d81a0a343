import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * self.assertMessage (_harness_asserts.py), the Python half of the message helpers: run through the harness
 * under CPython by pycheck.py's `--run`, the same files the browser's Pyodide runs.
 */
const PYCHECK = join(import.meta.dirname, '../../../scripts/problems/pycheck.py');
const dir = mkdtempSync(join(tmpdir(), 'rehearse-message-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(tests: string): Map<string, string | null> {
  writeFileSync(
    join(dir, 'solution.py'),
    'def make(n):\n    if n < 1:\n        raise ValueError("Capacity must be positive, got %r" % n)\n',
  );
  writeFileSync(join(dir, 'hidden_test.py'), tests);
  const result = spawnSync('python3', [PYCHECK, '--run', dir, 'hidden_test'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  const outcomes = new Map<string, string | null>();
  for (const line of result.stdout.trim().split('\n')) {
    const event = JSON.parse(line) as { type: string; group?: string; title?: string; error?: { message: string } };
    if (event.type === 'test-end' && event.group === 'problem') outcomes.set(event.title!, event.error?.message ?? null);
  }
  return outcomes;
}

describe('self.assertMessage', () => {
  it('passes on the words in any order and case, fails naming what is missing', () => {
    const outcomes = run(`import unittest
from solution import make


class Messages(unittest.TestCase):
    """messages"""

    def test_any_case(self):
        """words in any case and order"""
        with self.assertRaises(ValueError) as caught:
            make(0)
        self.assertMessage(caught.exception, "POSITIVE", "capacity", 0)

    def test_whole_numbers(self):
        """a number is not found inside a longer one"""
        with self.assertRaises(ValueError) as caught:
            make(-37)
        self.assertMessage(caught.exception, "capacity", 3, msg="make(-37)")

    def test_not_an_exception(self):
        """a string is not an exception"""
        self.assertMessage("capacity", "capacity")
`);
    expect(outcomes.get('words in any case and order')).toBeNull();
    expect(outcomes.get('a number is not found inside a longer one')).toContain(
      "expected the message to contain '3' (words in any order and any case), got 'Capacity must be positive, got -37' : make(-37)",
    );
    expect(outcomes.get('a string is not an exception')).toContain(
      "expected an exception with a message containing 'capacity', got 'capacity'",
    );
  });
});
