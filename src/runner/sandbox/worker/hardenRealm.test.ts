/** hardenRealm on a fresh Node vm realm (never vitest's own): what is frozen, and what ordinary code keeps. */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hardenRealm } from './hardenRealm';

function hardenedRealm(extra: (realm: typeof globalThis) => unknown[] = () => []) {
  const context = vm.createContext({});
  const realm = vm.runInContext('globalThis', context) as typeof globalThis;
  const report = hardenRealm(realm, extra(realm));
  const run = (code: string): unknown => vm.runInContext(`"use strict";\n${code}`, context);
  return { realm, report, run };
}

/** The realm's own TypeError (not vitest's: `instanceof` does not cross realms). */
function expectTypeError(fn: () => unknown, what = ''): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect((thrown as Error | null)?.name, what).toBe('TypeError');
}

describe('hardenRealm', () => {
  it('freezes the built-ins, their prototypes, statics and hidden intrinsics, and locks their global names', () => {
    const { report, run } = hardenedRealm();
    expect(report.frozen).toBeGreaterThan(100);
    for (const attempt of [
      'Function.prototype.call = () => 1',
      'Array.prototype.push = () => 0',
      'Object.keys = () => []',
      'Promise.prototype.then = () => 0',
      'Error.prepareStackTrace = () => 0',
      'Math.random = () => 0',
      'JSON.stringify = () => ""',
      'Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true })',
      'Object.getPrototypeOf(function* () {}).prototype.next = () => 0',
      'Object.getPrototypeOf(Int8Array).prototype.set = () => 0',
      'globalThis.Array = function () {}',
      'Object.defineProperty(globalThis, "Promise", { value: 1 })',
      'Object.prototype.polluted = 1',
    ]) {
      expectTypeError(() => run(attempt), attempt);
    }
    expect(run('typeof Array.prototype.polluted')).toBe('undefined');
  });

  it('lets code set name, message, toString and valueOf on its own objects, but not on the prototypes', () => {
    const { run } = hardenedRealm();
    expect(
      run(`
        class NotFound extends Error { constructor(m) { super(m); this.name = 'NotFound'; this.message = 'nf ' + m; } }
        const e = new NotFound('x');
        const o = {}; o.toString = () => 'o'; o.valueOf = () => 4;
        [e.name, e.message, String(o), o + 1, Error.prototype.name, Object.keys(o).join()].join('|')
      `),
    ).toBe('NotFound|nf x|o|5|Error|toString,valueOf');
    expectTypeError(() => run("Error.prototype.name = 'changed'"));
    expectTypeError(() => run("Object.prototype.toString = () => 'x'"));
    // Globals of its own stay possible: user code declares them.
    expect(run('globalThis.mine = 1; mine')).toBe(1);
  });

  it('freezes the extra objects given (the Mocha classes, the modules) with the instance setter on all their prototypes', () => {
    const { run } = hardenedRealm((realm) => [
      vm.runInContext(
        'globalThis.Lib = (() => { function Emitter() { this._events = {}; } Emitter.prototype._events = undefined; Emitter.prototype.on = function () { return this; }; return { Emitter }; })()',
        vm.createContext(realm),
      ),
    ]);
    expect(run('new Lib.Emitter()._events')).toEqual({});
    expectTypeError(() => run('Lib.Emitter.prototype.on = () => 0'));
    expectTypeError(() => run('Lib.extra = 1'));
  });
});
