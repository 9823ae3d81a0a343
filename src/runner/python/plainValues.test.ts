import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A wrong solution that answers every comparison "equal" (an object whose __eq__ is always True) must not
 * pass hidden tests that compare plain values; honest solutions returning enums, named tuples or plain data
 * must. Run through the harness under CPython, the same file the browser runs (_plain_values.py says why).
 */
const HERE = import.meta.dirname;
const dir = mkdtempSync(join(tmpdir(), 'rehearse-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pycheck.py's `--run`: the harness's events for one variant, as JSON lines (what check:problems uses). */
const PYCHECK = join(HERE, '../../../scripts/problems/pycheck.py');

function run(solution: string, tests: string): { passed: number; failed: number; messages: string[] } {
  writeFileSync(join(dir, 'solution.py'), solution);
  writeFileSync(join(dir, 'hidden_test.py'), tests);
  const result = spawnSync('python3', [PYCHECK, '--run', dir, 'hidden_test'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  const counts = { passed: 0, failed: 0, messages: [] as string[] };
  for (const line of result.stdout.trim().split('\n')) {
    const event = JSON.parse(line) as { type: string; group?: string; state?: 'passed' | 'failed'; error?: { message: string } };
    if (event.type !== 'test-end' || event.group !== 'problem' || !event.state) continue;
    counts[event.state] += 1;
    if (event.error) counts.messages.push(event.error.message);
  }
  return counts;
}

const problem = (file: string) => readFileSync(join(HERE, '../../../problems/token-bucket', file), 'utf8');

describe('comparisons the solution answers itself', () => {
  it('an always-equal object fails token-bucket, whose reference passes', () => {
    const always = `
class Yes:
    def __eq__(self, other):
        # Always true, though not written as a constant (screen.py refuses a constant answer).
        return len(repr(other)) >= 0
    __hash__ = None
    def __bool__(self):
        return True

class RateLimiter:
    def __init__(self, *args, **kwargs):
        pass
    def __getattr__(self, name):
        return lambda *a, **k: Yes()
`;
    const cheat = run(always, problem('hidden_test.py'));
    expect(cheat.passed).toBeLessThan(cheat.passed + cheat.failed);
    expect(cheat.messages.some((m) => m.includes('whose comparison is its own code'))).toBe(true);
    const honest = run(problem('reference.py'), problem('hidden_test.py'));
    expect(honest.failed).toBe(0);
    expect(honest.passed).toBeGreaterThan(20);
  });

  it('plain data, enums and named tuples compare as Python compares them; an own __eq__ inside a list does not', () => {
    const solution = `
import enum
from typing import NamedTuple

class Status(str, enum.Enum):
    DONE = "done"

class Point(NamedTuple):
    x: int
    y: int

class Yes:
    def __eq__(self, other):
        # Always true, though not written as a constant (screen.py refuses a constant answer).
        return len(repr(other)) >= 0
    __hash__ = None
`;
    const tests = `
import unittest
from solution import Status, Point, Yes

class Values(unittest.TestCase):
    "values"

    def test_enum(self):
        "enum"
        self.assertEqual(Status.DONE, "done")

    def test_tuple(self):
        "named tuple"
        self.assertEqual(Point(1, 2), (1, 2))

    def test_nested(self):
        "nested"
        self.assertEqual({"a": [1, (2, "x")]}, {"a": [1, (2, "x")]})

    def test_in_list(self):
        "inside a list"
        self.assertEqual([1, Yes()], [1, 2])

    def test_member(self):
        "membership"
        self.assertIn(Yes(), [1, 2])
`;
    const result = run(solution, tests);
    expect(result).toMatchObject({ passed: 3, failed: 2 });
  });
});
