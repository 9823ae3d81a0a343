import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** pymutants.py on a tiny problem: which mutants it makes, and which the tests kill. */
const PYMUTANTS = path.join(import.meta.dirname, 'pymutants.py');
const root = mkdtempSync(path.join(tmpdir(), 'rehearse-pymutants-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REFERENCE = `def clamp(n, limit):
    """Docstrings are never removed."""
    if n < 0 or n > limit:
        raise ValueError("out of range")
    return n + 1
`;

const TESTS = `import unittest
from solution import clamp


class Clamp(unittest.TestCase):
    """clamp"""

    def test_inside(self):
        """[R1] adds one inside the range"""
        self.assertEqual(clamp(3, 5), 4)

    def test_outside(self):
        """[R2] rejects below 0"""
        with self.assertRaises(ValueError):
            clamp(-1, 5)
`;

function pymutants(args: string[]): string {
  const result = spawnSync('python3', [PYMUTANTS, '--root', root, ...args], { encoding: 'utf8' });
  return result.stdout;
}

describe('pymutants.py', () => {
  mkdirSync(path.join(root, 'tiny'));
  writeFileSync(path.join(root, 'tiny', 'reference.py'), REFERENCE);
  writeFileSync(path.join(root, 'tiny', 'hidden_test.py'), TESTS);

  it('makes operator, comparison, boolean, constant and statement-removal mutants, never removing a docstring', () => {
    const listed = pymutants(['--list', 'tiny']).trim().split('\n');
    expect(listed).toEqual([
      'tiny 5:4:remove remove Return',
      'tiny 3:7:bool Or → And',
      'tiny 4:8:remove remove Raise',
      'tiny 5:11:op Add → Sub',
      'tiny 3:7:cmp0 Lt → LtE',
      'tiny 3:16:cmp0 Gt → GtE',
      'tiny 5:15:const+1 1 → 2',
      'tiny 5:15:const-1 1 → 0',
      'tiny 3:11:const+1 0 → 1',
      'tiny 3:11:const-1 0 → -1',
    ]);
  });

  it('reports the kill rate and the survivors: here the upper bound is never tested', () => {
    const [row] = JSON.parse(pymutants(['--json', 'tiny'])) as { total: number; killed: number; survivors: [string, string][]; referencePasses: boolean }[];
    expect(row?.referencePasses).toBe(true);
    expect(row?.total).toBe(10);
    expect(row?.survivors.map(([id]) => id).sort()).toEqual(['3:11:const+1', '3:16:cmp0', '3:7:cmp0']);
    expect(row?.killed).toBe(7);
  });
});
