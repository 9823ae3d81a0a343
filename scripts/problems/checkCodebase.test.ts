/**
 * `npm run check:problems` end to end on the fixture codebase problem (fixtures/miniDesk.ts): mocha, tsc and
 * CPython really run. The fixture passes; a copy with a surviving mutant, a misnamed Python group and a
 * starter that already passes a feature fails with those violations named.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMiniDesk } from './fixtures/miniDesk';
import { ROOT, TMP_DIR } from './shared';

const BASE = path.join(TMP_DIR, `test-check-codebase-${process.pid}`);

function check(name: string, change?: (files: Record<string, string>) => void): { status: number | null; output: string } {
  const root = path.join(BASE, name, 'problems');
  mkdirSync(root, { recursive: true });
  writeMiniDesk(root, change);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'check-problems.ts'), '--root', root, '--work', path.join(BASE, name, 'work')],
    { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

afterAll(() => rmSync(BASE, { recursive: true, force: true }));

describe('check:problems on a codebase problem', () => {
  it('passes the fixture: every variant of both languages assembled, run and judged by group', { timeout: 300_000 }, () => {
    const { status, output } = check('good');
    expect(output).toMatch(/mini-desk \(codebase\)\s+✓ 1\/1 \+ 5\/5\s+✓ \(fails in 3\/3 groups\)\s+8\/8 killed\s+ok/);
    expect(output).toContain('ok mini-desk (Python');
    expect(output).toContain('screen: 12 files, no findings');
    expect(status).toBe(0);
  });

  it('names a surviving mutant, a group that is not a feature and a starter that passes a whole group', { timeout: 300_000 }, () => {
    const { status, output } = check('bad', (f) => {
      const ts = 'project/typescript/';
      const py = 'project/python/';
      // An equivalent mutant: every ticket's number moves by one, the order does not change.
      f[`${ts}mutants/newest-first/desk/order.ts`] = `// Mutant: nothing\n${f[`${ts}reference/desk/order.ts`]}`;
      f[`${ts}mutants/newest-first/desk/queue.ts`] = f[`${ts}reference/desk/queue.ts`]!.replace('this.opened++', '++this.opened');
      f[`${py}hidden_test.py`] = f[`${py}hidden_test.py`]!.replace('"""Desk stats"""', '"""Desk statistics"""');
      // The starter's stats already work, and its next() too: it passes the "Desk stats" group.
      f[`${ts}starter/desk/queue.ts`] = f[`${ts}reference/desk/queue.ts`]!.replace("import { before } from './order';\n", '').replace(
        'if (before(this.tickets[i]!, this.tickets[best]!)) best = i;',
        'if (this.tickets[i]!.openedAt < 0) best = i;',
      );
    });
    expect(status).toBe(1);
    expect(output).toContain('✗ mini-desk: project/typescript/mutants/newest-first/ survives: it passes every hidden test');
    expect(output).toContain('✗ mini-desk: Python: hidden tests are grouped under "Desk statistics", which is neither "Requirement 1" nor a feature title');
    expect(output).toContain(
      '✗ mini-desk: TypeScript: the starter passes every hidden test of "Desk stats"; it must fail at least one in every group',
    );
    expect(output).toContain("the hidden tests' groups differ between typescript and python");
  });
});
