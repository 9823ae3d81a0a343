/**
 * Freezes the test worker's built-ins before any user code runs, so user code cannot change how mocha,
 * chai and the harness behave. They share one JavaScript realm with the candidate's code (a worker has no
 * second realm to offer), and all of them call Array, Function, Promise, Object… methods at run time: a
 * patched `Function.prototype.call` could skip every test body, a patched `Object.keys` could make chai's
 * deep equality agree with anything, `Error.prepareStackTrace` could hand out the callers' `this`.
 *
 * What is frozen: every ECMAScript built-in reachable from the global names below (constructors, their
 * prototypes and statics, the namespace objects, the hidden intrinsics such as the iterator prototypes
 * and %TypedArray%), the host objects the harness uses (timers, MessagePort, EventTarget, Blob, URL,
 * performance), the Mocha classes and the modules handed to the tests (chai…). Their global bindings are
 * made read-only. User code can reach the Mocha classes (a Test's prototype is Runnable.prototype, shared
 * with the problem's tests): frozen, a patched `Runnable.prototype.run` is impossible.
 *
 * The "override mistake": assigning `err.name = 'NotFound'` on an object whose prototype has a frozen
 * `name` throws. Code does that routinely (error subclasses, `obj.toString = …`), so for those few
 * properties the prototype gets an accessor whose setter defines the property on the object itself, as
 * SES's lockdown does. Anything else a solution tries to change on a built-in throws a TypeError it can read
 * (everything runs in strict mode, see runScript.ts). `constructor` is left alone on purpose: redefining
 * it on Array/Promise prototypes would disable V8's fast paths for every array and promise method.
 */

type Realm = typeof globalThis;

/** ECMAScript globals: everything mocha, chai and the harness may touch while user code is loaded. */
const LANGUAGE_GLOBALS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'BigInt',
  'Date',
  'RegExp',
  'Promise',
  'Proxy',
  'Reflect',
  'JSON',
  'Math',
  'Intl',
  'Atomics',
  'Iterator',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'FinalizationRegistry',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURI',
  'encodeURIComponent',
  'decodeURI',
  'decodeURIComponent',
  'escape',
  'unescape',
] as const;

/** Host globals the harness or mocha call after user code has started. */
const HOST_GLOBALS = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'MessagePort',
  'MessageChannel',
  'MessageEvent',
  'EventTarget',
  'Event',
  'ErrorEvent',
  'Blob',
  'URL',
  'performance',
  'Performance',
  'importScripts',
  'TextEncoder',
  'TextDecoder',
] as const;

/** Properties that ordinary code assigns on instances and that therefore get the setter described above. */
const OVERRIDABLE = [
  'name',
  'message',
  'toString',
  'toLocaleString',
  'valueOf',
  'toJSON',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
];

/** Built-ins not reachable by name, collected from syntax. */
function hiddenIntrinsics(realm: Realm): unknown[] {
  const { getPrototypeOf } = realm.Object;
  const found: unknown[] = [];
  const tryAdd = (get: () => unknown) => {
    try {
      found.push(get());
    } catch {
      // an engine without this intrinsic
    }
  };
  // Syntax-made functions of this realm: the harness's own functions may come from another realm in tests.
  const make = (source: string) => realm.Function(`return ${source}`)() as object;
  tryAdd(() => getPrototypeOf(make('function* () {}'))); // %GeneratorFunction.prototype%
  tryAdd(() => getPrototypeOf(make('async function () {}')));
  tryAdd(() => getPrototypeOf(make('async function* () {}')));
  tryAdd(() => getPrototypeOf(getPrototypeOf(make('(function* () {})()')))); // %GeneratorPrototype%
  tryAdd(() => getPrototypeOf(getPrototypeOf(make('(async function* () {})()'))));
  tryAdd(() => getPrototypeOf(new realm.Array()[Symbol.iterator]()));
  tryAdd(() => getPrototypeOf(new realm.Map().entries()));
  tryAdd(() => getPrototypeOf(new realm.Set().values()));
  tryAdd(() => getPrototypeOf(new realm.String('')[Symbol.iterator]()));
  tryAdd(() => getPrototypeOf(new realm.RegExp('a')[Symbol.matchAll]('')));
  tryAdd(() => getPrototypeOf(realm.Int8Array)); // %TypedArray%
  tryAdd(() => realm.Object.getOwnPropertyDescriptor(realm.Function.prototype, 'caller')?.get); // %ThrowTypeError%
  return found;
}

export interface HardenReport {
  /** Objects frozen. */
  frozen: number;
  /** Objects that could not be frozen (exotic host objects), by description. */
  skipped: string[];
}

/**
 * Freezes the realm's built-ins and `extra` (module objects), deeply, and makes their global bindings
 * read-only; objects in `leaveOpen` (and what only they reach) stay as they are. Idempotent. Must run
 * before any untrusted code in the realm.
 */
export function hardenRealm(realm: Realm, extra: readonly unknown[] = [], leaveOpen: readonly unknown[] = []): HardenReport {
  const { Reflect: RealmReflect } = realm;
  const roots: unknown[] = hiddenIntrinsics(realm);
  const bindings: string[] = [];
  for (const name of [...LANGUAGE_GLOBALS, ...HOST_GLOBALS]) {
    if (!RealmReflect.has(realm, name)) continue;
    roots.push((realm as unknown as Record<string, unknown>)[name]);
    bindings.push(name);
  }
  const seen = new Set<unknown>(leaveOpen);
  const report: HardenReport = { frozen: 0, skipped: [] };
  deepFreeze(roots, realm, seen, report, (key) => OVERRIDABLE.includes(key));
  // The libraries' own prototypes are not hot paths, and they assign defaults the prototype holds
  // (EventEmitter's `this._events = …`), so every data property of theirs gets the instance setter.
  deepFreeze(extra, realm, seen, report, () => true);
  for (const name of bindings) lockBinding(realm, name);
  return report;
}

/**
 * Makes a global binding read-only. A [Replaceable] accessor (e.g. `self.performance`) becomes a plain
 * read-only value; a binding the host made non-configurable can still be made non-writable.
 */
function lockBinding(realm: Realm, name: string): void {
  const O = realm.Object;
  const desc = O.getOwnPropertyDescriptor(realm, name);
  if (!desc) return;
  try {
    if (desc.configurable) {
      const value: unknown = 'value' in desc ? desc.value : (realm as unknown as Record<string, unknown>)[name];
      O.defineProperty(realm, name, { value, writable: false, enumerable: desc.enumerable ?? false, configurable: false });
    } else if ('value' in desc && desc.writable) {
      O.defineProperty(realm, name, { writable: false });
    }
  } catch {
    // a host binding that refuses: its object is frozen all the same
  }
}

function deepFreeze(
  roots: readonly unknown[],
  realm: Realm,
  seen: Set<unknown>,
  report: HardenReport,
  overridable: (key: string) => boolean,
): void {
  const { Object: O } = realm;
  const queue = [...roots];
  while (queue.length > 0) {
    const value = queue.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    if (value === realm) continue; // the global object itself stays open: user code declares globals
    seen.add(value);
    const obj = value as object;
    let keys: PropertyKey[];
    try {
      keys = Reflect.ownKeys(obj);
    } catch {
      report.skipped.push(describe(obj));
      continue;
    }
    const isPrototype = keys.includes('constructor') && O.getOwnPropertyDescriptor(obj, 'constructor')?.value?.prototype === obj;
    for (const key of keys) {
      let desc: PropertyDescriptor | undefined;
      try {
        desc = O.getOwnPropertyDescriptor(obj, key);
      } catch {
        continue;
      }
      if (!desc) continue;
      if (isPrototype && typeof key === 'string' && key !== 'constructor' && overridable(key)) tameOverride(obj, key, desc, O);
      if ('value' in desc) queue.push(desc.value);
      else queue.push(desc.get, desc.set);
    }
    try {
      queue.push(O.getPrototypeOf(obj));
      O.freeze(obj);
      report.frozen++;
    } catch {
      report.skipped.push(describe(obj));
    }
  }
}

/** Replaces a writable data property of a prototype by an accessor whose setter writes on the instance. */
function tameOverride(proto: object, key: string, desc: PropertyDescriptor, O: ObjectConstructor): void {
  if (!('value' in desc) || !desc.writable || !desc.configurable) return;
  const value: unknown = desc.value;
  const hasOwn = O.hasOwn;
  O.defineProperty(proto, key, {
    get: function builtInValue() {
      return value;
    },
    set: function overrideOnInstance(this: unknown, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot change '${key}' of a built-in prototype in this sandbox`);
      const target = this as Record<string, unknown>;
      if (hasOwn(target, key)) target[key] = next;
      else O.defineProperty(target, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable ?? false,
    configurable: false,
  });
}

function describe(obj: object): string {
  try {
    return String((obj as { constructor?: { name?: string } }).constructor?.name ?? typeof obj);
  } catch {
    return typeof obj;
  }
}
