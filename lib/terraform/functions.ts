import { InstanceRef, TfValue, Unknown } from './values';

/**
 * An expression Terraform itself would reject (a missing key, an index out of range, a type
 * error). Unknown to rules like any other value the reader cannot know, but `try()` and `can()`
 * treat it as Terraform does.
 */
export class EvaluationError extends Unknown {
  constructor(text: string, why: string) {
    super(text, `Terraform would reject ${text}: ${why}`);
  }
}

type Fn = (args: TfValue[]) => TfValue;

/** Terraform's conversion to bool (`true`, `"true"`). */
export function toBool(v: TfValue): boolean | Unknown {
  if (v instanceof Unknown) return v;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return new EvaluationError(JSON.stringify(v ?? null), 'not a bool');
}

/** Terraform's conversion to number (`3`, `"3"`). */
export function toNumber(v: TfValue): number | Unknown {
  if (v instanceof Unknown) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return new EvaluationError(JSON.stringify(v ?? null), 'not a number');
}

/** Terraform's conversion to string. */
export function toStringValue(v: TfValue): string | Unknown {
  if (v instanceof Unknown) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return new EvaluationError(JSON.stringify(v ?? null), 'not a string');
}

/** `==` as Terraform compares: by type and value, all the way down. */
export function sameValue(a: TfValue, b: TfValue): boolean | Unknown {
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  if (a instanceof InstanceRef || b instanceof InstanceRef) return new Unknown('${...}', 'a comparison with a whole resource');
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    const same = sameValue((a as any)[k], (b as any)[k]);
    if (same !== true) return same;
  }
  return true;
}

function unknownIn(args: TfValue[]): Unknown | undefined {
  for (const a of args) {
    if (a instanceof Unknown) return a;
    if (a instanceof InstanceRef) return new Unknown(`\${${a.address}}`, 'a whole resource as an argument', [a.address]);
  }
  return undefined;
}

function deepUnknown(v: TfValue): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = deepUnknown(x);
      if (u) return u;
    }
  } else if (typeof v === 'object' && v !== null && !(v instanceof InstanceRef)) {
    for (const x of Object.values(v)) {
      const u = deepUnknown(x);
      if (u) return u;
    }
  }
  return undefined;
}

const isList = (v: TfValue): v is TfValue[] => Array.isArray(v);
const isMap = (v: TfValue): v is { [k: string]: TfValue } => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof InstanceRef);

function err(name: string, why: string): EvaluationError {
  return new EvaluationError(`\${${name}(...)}`, why);
}

function uniqueSorted(list: TfValue[]): TfValue[] {
  const seen: TfValue[] = [];
  for (const v of list) if (!seen.some((s) => sameValue(s, v) === true)) seen.push(v);
  // Terraform orders sets of strings lexically; other sets keep an unspecified order.
  return seen.every((v) => typeof v === 'string') ? [...seen].sort() : seen;
}

/** Functions whose arguments may be unknown without the result being unknown. */
const LAZY: { [name: string]: Fn } = {
  try: (args) => {
    for (const a of args) if (!(deepUnknown(a) instanceof EvaluationError)) return a;
    return args.length > 0 ? args[args.length - 1] : err('try', 'no arguments');
  },
  can: (args) => {
    const u = deepUnknown(args[0] ?? null);
    if (u instanceof EvaluationError) return false;
    return u ?? true;
  },
  coalesce: (args) => {
    for (const a of args) {
      if (a instanceof Unknown) return a;
      if (a !== null && a !== '') return a;
    }
    return err('coalesce', 'no non-null argument');
  },
  length: (args) => {
    const [v] = args;
    if (v instanceof Unknown) return v;
    if (typeof v === 'string') return [...v].length;
    if (isList(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    return err('length', 'not a collection');
  },
  tolist: (args) => (isList(args[0]) ? args[0] : args[0] instanceof Unknown ? args[0] : err('tolist', 'not a list')),
  toset: (args) => (isList(args[0]) ? (deepUnknown(args[0]) ? args[0] : uniqueSorted(args[0])) : args[0] instanceof Unknown ? args[0] : err('toset', 'not a list')),
  tomap: (args) => (isMap(args[0]) ? args[0] : args[0] instanceof Unknown ? args[0] : err('tomap', 'not a map')),
  concat: (args) => {
    const u = unknownIn(args);
    if (u) return u;
    if (!args.every(isList)) return err('concat', 'not a list');
    return (args as TfValue[][]).flat();
  },
  merge: (args) => {
    const u = unknownIn(args);
    if (u) return u;
    const out: { [k: string]: TfValue } = {};
    for (const a of args) {
      if (a === null) continue;
      if (!isMap(a)) return err('merge', 'not a map');
      Object.assign(out, a);
    }
    return out;
  },
  lookup: (args) => {
    const [map, key, fallback] = args;
    if (map instanceof Unknown) return map;
    if (key instanceof Unknown) return key;
    if (!isMap(map)) return err('lookup', 'not a map');
    const k = String(key);
    if (Object.prototype.hasOwnProperty.call(map, k)) return map[k];
    return args.length > 2 ? fallback : err('lookup', `no key ${k}`);
  },
  contains: (args) => {
    const [list, value] = args;
    if (list instanceof Unknown) return list;
    if (!isList(list)) return err('contains', 'not a list');
    let unknown: Unknown | undefined;
    for (const item of list) {
      const same = sameValue(item, value);
      if (same === true) return true;
      if (same instanceof Unknown) unknown = same;
    }
    return unknown ?? false;
  },
  keys: (args) => (isMap(args[0]) ? Object.keys(args[0]).sort() : args[0] instanceof Unknown ? args[0] : err('keys', 'not a map')),
  values: (args) => {
    const m = args[0];
    return isMap(m) ? Object.keys(m).sort().map((k) => m[k]) : m instanceof Unknown ? m : err('values', 'not a map');
  },
  element: (args) => {
    const [list, index] = args;
    const u = unknownIn([list, index]);
    if (u) return u;
    if (!isList(list) || typeof index !== 'number' || list.length === 0) return err('element', 'bad arguments');
    return list[index % list.length];
  },
  one: (args) => {
    const [v] = args;
    if (v instanceof Unknown) return v;
    if (!isList(v) || v.length > 1) return err('one', 'more than one element');
    return v.length === 0 ? null : v[0];
  },
  flatten: (args) => {
    const [v] = args;
    if (v instanceof Unknown) return v;
    if (!isList(v)) return err('flatten', 'not a list');
    const out: TfValue[] = [];
    const walk = (x: TfValue[]) => x.forEach((e) => (isList(e) ? walk(e) : out.push(e)));
    walk(v);
    return out;
  },
  distinct: (args) => {
    const [l] = args;
    if (l instanceof Unknown) return l;
    if (!isList(l)) return err('distinct', 'not a list');
    return l.filter((v, i) => l.findIndex((w) => sameValue(w, v) === true) === i);
  },
  compact: (args) => (isList(args[0]) ? args[0].filter((v) => v !== null && v !== '') : args[0] instanceof Unknown ? args[0] : err('compact', 'not a list')),
  coalescelist: (args) => {
    for (const a of args) {
      if (a instanceof Unknown) return a;
      if (isList(a) && a.length > 0) return a;
    }
    return err('coalescelist', 'no non-empty list');
  },
  zipmap: (args) => {
    const [ks, vs] = args;
    const u = unknownIn([ks, vs]);
    if (u) return u;
    if (!isList(ks) || !isList(vs)) return err('zipmap', 'not lists');
    const out: { [k: string]: TfValue } = {};
    ks.forEach((k, i) => { out[String(k)] = vs[i] ?? null; });
    return out;
  },
  sensitive: (args) => args[0] ?? null,
  nonsensitive: (args) => args[0] ?? null,
};

/** Functions of plain values: any unknown argument makes the result unknown. */
const STRICT: { [name: string]: Fn } = {
  lower: ([s]) => (typeof s === 'string' ? s.toLowerCase() : err('lower', 'not a string')),
  upper: ([s]) => (typeof s === 'string' ? s.toUpperCase() : err('upper', 'not a string')),
  trimspace: ([s]) => (typeof s === 'string' ? s.trim() : err('trimspace', 'not a string')),
  tostring: ([v]) => { const s = toStringValue(v); return s; },
  tonumber: ([v]) => toNumber(v),
  tobool: ([v]) => toBool(v),
  join: ([sep, list]) => (typeof sep === 'string' && isList(list) ? list.map((v) => String(v)).join(sep) : err('join', 'bad arguments')),
  split: ([sep, s]) => (typeof sep === 'string' && typeof s === 'string' ? s.split(sep) : err('split', 'bad arguments')),
  startswith: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.startsWith(p) : err('startswith', 'bad arguments')),
  endswith: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.endsWith(p) : err('endswith', 'bad arguments')),
  substr: ([s, o, l]) => (typeof s === 'string' && typeof o === 'number' && typeof l === 'number' ? (l < 0 ? s.slice(o) : s.slice(o, o + l)) : err('substr', 'bad arguments')),
  min: (args) => (args.every((a) => typeof a === 'number') ? Math.min(...(args as number[])) : err('min', 'not numbers')),
  max: (args) => (args.every((a) => typeof a === 'number') ? Math.max(...(args as number[])) : err('max', 'not numbers')),
  abs: ([n]) => (typeof n === 'number' ? Math.abs(n) : err('abs', 'not a number')),
  floor: ([n]) => (typeof n === 'number' ? Math.floor(n) : err('floor', 'not a number')),
  ceil: ([n]) => (typeof n === 'number' ? Math.ceil(n) : err('ceil', 'not a number')),
  sum: ([l]) => (isList(l) && l.every((x) => typeof x === 'number') ? (l as number[]).reduce((a, b) => a + b, 0) : err('sum', 'not numbers')),
  range: (args) => {
    if (!args.every((a) => typeof a === 'number')) return err('range', 'not numbers');
    const [a, b, step] = args.length === 1 ? [0, args[0] as number, 1] : [args[0] as number, args[1] as number, (args[2] as number | undefined) ?? 1];
    const out: number[] = [];
    if (step === 0 || Math.abs((b - a) / step) > 1024) return err('range', 'too long');
    for (let x = a; step > 0 ? x < b : x > b; x += step) out.push(x);
    return out;
  },
  reverse: ([l]) => (isList(l) ? [...l].reverse() : err('reverse', 'not a list')),
  sort: ([l]) => (isList(l) ? [...l].map(String).sort() : err('sort', 'not a list')),
  jsonencode: ([v]) => JSON.stringify(v),
  jsondecode: ([s]) => {
    if (typeof s !== 'string') return err('jsondecode', 'not a string');
    try {
      return JSON.parse(s);
    } catch {
      return err('jsondecode', 'not JSON');
    }
  },
  replace: ([s, find, repl]) => {
    if (typeof s !== 'string' || typeof find !== 'string' || typeof repl !== 'string') return err('replace', 'bad arguments');
    // A /regex/ pattern uses RE2 syntax, which JavaScript's engine does not match exactly.
    if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) return new Unknown('${replace(...)}', 'replace() with a regular expression is not evaluated');
    return s.split(find).join(repl);
  },
  format: (args) => {
    const [f, ...rest] = args;
    if (typeof f !== 'string') return err('format', 'not a string');
    let i = 0;
    let bad = false;
    const out = f.replace(/%%|%([sdv])/g, (m, verb) => {
      if (m === '%%') return '%';
      const v = rest[i++];
      if (v === undefined || (verb === 'd' && typeof v !== 'number')) bad = true;
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    });
    return bad || /%[^%sdv]/.test(f) ? new Unknown('${format(...)}', 'format() with these verbs is not evaluated') : out;
  },
};

/** Call a Terraform built-in function; unknown for functions this reader does not evaluate. */
export function callFunction(name: string, args: TfValue[]): TfValue {
  const short = name.replace(/^provider::[^:]+::/, '');
  const lazy = LAZY[short];
  if (lazy) return lazy(args);
  const strict = STRICT[short];
  if (!strict) return new Unknown(`\${${name}(...)}`, `function ${name}() is not evaluated by this reader`);
  for (const a of args) {
    const u = deepUnknown(a) ?? (a instanceof InstanceRef ? new Unknown(`\${${a.address}}`, 'a whole resource', [a.address]) : undefined);
    if (u) return u;
  }
  return strict(args);
}
