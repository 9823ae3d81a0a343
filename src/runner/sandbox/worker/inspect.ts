/**
 * A small, safe `util.inspect` for the test worker: turns console arguments and chai's expected/actual
 * into readable one-line strings ("TokenBucket { capacity: 5 }", not "[object Object]").
 *
 * Safe means: never throws (proxies and hostile objects become "[Uninspectable]"), never runs user getters
 * (shown as "[Getter]"), survives cycles ("[Circular]"), and caps depth, item count and length.
 */

export interface InspectOptions {
  /** Quote strings ('a'), as for nested values and chai's expected/actual. Top-level console strings are raw. */
  quoteStrings?: boolean;
  depth?: number;
  maxLength?: number;
}

const DEFAULT_DEPTH = 3;
const MAX_ITEMS = 50;
const DEFAULT_MAX_LENGTH = 10_000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function inspect(value: unknown, options: InspectOptions = {}): string {
  const text = format(value, options.depth ?? DEFAULT_DEPTH, new Set(), options.quoteStrings ?? true);
  return truncate(text, options.maxLength ?? DEFAULT_MAX_LENGTH);
}

/** console.log semantics: printf-style specifiers in a leading string, then the rest joined by spaces. */
export function formatConsoleArgs(args: readonly unknown[], maxLength = DEFAULT_MAX_LENGTH): string {
  const parts: string[] = [];
  let rest = args;
  const first = args[0];
  if (typeof first === 'string' && first.includes('%')) {
    let next = 1;
    const formatted = first.replace(/%[sdifoOjc%]/g, (spec) => {
      if (spec === '%%') return '%';
      if (next >= args.length) return spec;
      const arg = args[next++];
      switch (spec) {
        case '%s':
          return typeof arg === 'string' ? arg : inspect(arg, { depth: 1 });
        case '%d':
        case '%i':
          return typeof arg === 'bigint' ? `${arg}n` : String(spec === '%i' ? Math.trunc(Number(arg)) : Number(arg));
        case '%f':
          return String(Number(arg));
        case '%j':
          return safeJson(arg);
        case '%c':
          return ''; // CSS styling: meaningless here, consumed like browsers do.
        default:
          return inspect(arg);
      }
    });
    parts.push(formatted);
    rest = args.slice(next);
  } else if (args.length > 0) {
    parts.push(typeof first === 'string' ? first : inspect(first));
    rest = args.slice(1);
  }
  for (const arg of rest) parts.push(typeof arg === 'string' ? arg : inspect(arg));
  return truncate(parts.join(' '), maxLength);
}

function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}… (${text.length - maxLength} more characters)` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '[Circular]';
  }
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function format(value: unknown, depth: number, seen: Set<object>, quoteStrings: boolean): string {
  switch (typeof value) {
    case 'string':
      return quoteStrings ? quote(value) : value;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return formatFunction(value);
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  seen.add(obj);
  try {
    return formatObject(obj, depth, seen);
  } catch {
    return '[Uninspectable]';
  } finally {
    seen.delete(obj);
  }
}

function formatFunction(fn: { name: string }): string {
  try {
    const name = fn.name || '(anonymous)';
    return /^class[\s{]/.test(Function.prototype.toString.call(fn)) ? `[class ${name}]` : `[Function: ${name}]`;
  } catch {
    return '[Function]';
  }
}

function formatObject(obj: object, depth: number, seen: Set<object>): string {
  const child = (v: unknown) => format(v, depth - 1, seen, true);

  if (Array.isArray(obj)) {
    if (depth < 0) return '[Array]';
    return list(
      '',
      obj.length,
      (push) => {
        for (let i = 0; i < obj.length && push(i in obj ? child(obj[i]) : '<empty>'); i++);
      },
      '[',
      ']',
    );
  }
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof Promise) return 'Promise { … }';
  if (obj instanceof WeakMap || obj instanceof WeakSet) return `${obj.constructor.name} { <items unknown> }`;
  if (obj instanceof Map) {
    if (depth < 0) return '[Map]';
    return list(`Map(${obj.size}) `, obj.size, (push) => {
      for (const [k, v] of obj) if (!push(`${child(k)} => ${child(v)}`)) break;
    });
  }
  if (obj instanceof Set) {
    if (depth < 0) return '[Set]';
    return list(`Set(${obj.size}) `, obj.size, (push) => {
      for (const v of obj) if (!push(child(v))) break;
    });
  }
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const typed = obj as unknown as ArrayLike<unknown>;
    return list(
      `${obj.constructor.name}(${typed.length}) `,
      typed.length,
      (push) => {
        for (let i = 0; i < typed.length && push(child(typed[i])); i++);
      },
      '[',
      ']',
    );
  }

  const name = constructorName(obj);
  if (depth < 0) return `[${name ?? 'Object'}]`;
  const keys = Object.keys(obj);
  const prefix = name && name !== 'Object' ? `${name} ` : name === null ? '[Object: null prototype] ' : '';
  return list(prefix, keys.length, (push) => {
    for (const key of keys) {
      const label = IDENTIFIER.test(key) ? key : quote(key);
      const desc = Object.getOwnPropertyDescriptor(obj, key);
      // Accessors are user code; calling them from a logger could throw or loop.
      const shown = !desc
        ? 'undefined'
        : 'value' in desc
          ? child(desc.value)
          : desc.set
            ? desc.get
              ? '[Getter/Setter]'
              : '[Setter]'
            : '[Getter]';
      if (!push(`${label}: ${shown}`)) break;
    }
  });
}

/** `null` for null-prototype objects, undefined when unknown. */
function constructorName(obj: object): string | null | undefined {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto === null) return null;
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : undefined;
}

/** Builds "prefix{ a, b, … 3 more }"; `fill` calls push per item and stops when it returns false. */
function list(prefix: string, size: number, fill: (push: (item: string) => boolean) => void, open = '{', close = '}'): string {
  const items: string[] = [];
  fill((item) => {
    items.push(item);
    return items.length < MAX_ITEMS;
  });
  if (size > items.length) items.push(`… ${size - items.length} more`);
  return items.length === 0 ? `${prefix}${open}${close}` : `${prefix}${open} ${items.join(', ')} ${close}`;
}
