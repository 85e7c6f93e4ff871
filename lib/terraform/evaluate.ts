import {
  ExpressionNode, ParsedExpression, TraversalStep, hasInterpolation, nodeText, plainTraversal, preparedExpression,
  renderTraversal, templateOfTraversals,
} from './expression-ast';
import { callFunction, EvaluationError, sameValue, toBool, toNumber, toStringValue } from './functions';
import { InstanceRef, TfValue, Unknown } from './values';

/** What expressions of one configuration can refer to. */
export interface EvaluationContext {
  /** `var.<name>`: the value given, else the default; Unknown without either. */
  variable(name: string): TfValue;
  /** `local.<name>`. */
  local(name: string): TfValue;
  /**
   * `<type>.<name>` of a managed resource: an InstanceRef, a list (count) or map (for_each) of
   * them, Unknown when its count is not known; `undefined` when the configuration declares none.
   */
  resource(type: string, name: string): TfValue | undefined;
  /** A configured argument of a resource instance, evaluated; `undefined` when not configured (computed). */
  attribute(address: string, name: string): TfValue | undefined;
  /** `module.<name>`: the outputs of an expanded module call; `undefined` when it is not expanded. */
  module?(name: string): TfValue | undefined;
}

/** Names bound while evaluating: `count`, `each`, a dynamic block's iterator, `for` variables. */
export type Bindings = ReadonlyMap<string, TfValue>;

export const NO_BINDINGS: Bindings = new Map();

/** Where a value reached through a resource instance came from, for canonical unknown texts. */
const provenance = new WeakMap<object, string>();

/**
 * Evaluate a Terraform JSON value: strings are templates (`${...}` interpolations), arrays and
 * objects are evaluated element by element.
 */
export function evaluateValue(raw: unknown, ctx: EvaluationContext, bindings: Bindings = NO_BINDINGS): TfValue {
  if (typeof raw === 'string') return evaluateString(raw, ctx, bindings);
  // Literal parts come back as they are (the same objects): most of a configuration is literal.
  if (Array.isArray(raw)) {
    let out: TfValue[] | undefined;
    for (let i = 0; i < raw.length; i++) {
      const v = evaluateValue(raw[i], ctx, bindings);
      if (v !== raw[i] && !out) out = raw.slice(0, i);
      out?.push(v);
    }
    return out ?? raw;
  }
  if (typeof raw === 'object' && raw !== null) {
    let out: { [key: string]: TfValue } | undefined;
    const entries = Object.entries(raw);
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i];
      const e = evaluateValue(v, ctx, bindings);
      if (e !== v && !out) out = Object.fromEntries(entries.slice(0, i));
      if (out) out[k] = e;
    }
    return out ?? (raw as TfValue);
  }
  return (raw ?? null) as TfValue;
}

/** Evaluate one Terraform string (a literal, a template, or one `${...}` expression). */
export function evaluateString(text: string, ctx: EvaluationContext, bindings: Bindings = NO_BINDINGS): TfValue {
  if (!hasInterpolation(text) && !text.includes('%{')) return text;
  const steps = plainTraversal(text);
  if (steps) return evaluateTraversal(steps, ctx, bindings);
  const parts = templateOfTraversals(text);
  if (parts) {
    const values = parts.map((p) => (typeof p === 'string' ? p : evaluateTraversal(p, ctx, bindings)));
    return concatenate(values, text);
  }
  const parsed = preparedExpression(text);
  if (parsed === undefined) return new Unknown(text, 'the expression was not evaluated');
  if (parsed instanceof Error) return new Unknown(text, `the expression could not be parsed (${firstLine(parsed.message)})`);
  const value = new Evaluator(parsed, ctx).node(parsed.root, bindings);
  if (value instanceof Unknown && value.refs.length === 0 && !value.text.includes('${')) return new Unknown(text, value.why);
  return value;
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 160);
}

/** Join template parts: known parts as text; any unknown part makes the whole unknown (with every ref). */
function concatenate(values: TfValue[], original: string): TfValue {
  const unknowns = values.filter((v): v is Unknown => v instanceof Unknown);
  const refs = values.flatMap((v) => (v instanceof Unknown ? v.refs : v instanceof InstanceRef ? [v.address] : []));
  if (unknowns.length > 0 || values.some((v) => v instanceof InstanceRef)) {
    const canonical = values.map((v) => (v instanceof Unknown ? v.text : v instanceof InstanceRef ? `\${${v.address}}` : templatePart(v))).join('');
    const text = canonical.includes('${') ? canonical : original;
    return new Unknown(text, unknowns[0]?.why ?? 'a whole resource in a string', [...new Set(refs)]);
  }
  const texts = values.map(templatePart);
  if (texts.some((t) => t === undefined)) return new EvaluationError(original, 'a value that is not a string in a template');
  return texts.join('');
}

function templatePart(v: TfValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '';
  return undefined;
}

/** Evaluate a plain traversal (`var.x`, `azurerm_x.y[0].id`, `each.value.name`). */
export function evaluateTraversal(steps: readonly TraversalStep[], ctx: EvaluationContext, bindings: Bindings): TfValue {
  const root = String(steps[0].key);
  const text = (): string => `\${${renderTraversal(steps)}}`;
  let value: TfValue;
  let rest: readonly TraversalStep[];
  if (bindings.has(root)) {
    value = bindings.get(root)!;
    rest = steps.slice(1);
  } else if (root === 'var' || root === 'local') {
    if (steps.length < 2 || steps[1].kind !== 'name') return new EvaluationError(text(), `${root} needs a name`);
    value = root === 'var' ? ctx.variable(String(steps[1].key)) : ctx.local(String(steps[1].key));
    rest = steps.slice(2);
  } else if (root === 'data') {
    return new Unknown(text(), 'a data source is read only when Terraform runs');
  } else if (root === 'module') {
    const outputs = steps.length >= 2 && steps[1].kind === 'name' ? ctx.module?.(String(steps[1].key)) : undefined;
    if (outputs === undefined) return new Unknown(text(), 'an output of a module that is not expanded');
    value = outputs;
    rest = steps.slice(2);
  } else if (root === 'path' || root === 'terraform' || root === 'self' || root === 'count' || root === 'each') {
    return new Unknown(text(), `${root}.* is not known here`);
  } else {
    if (steps.length < 2 || steps[1].kind !== 'name') return new Unknown(text(), `${root} is not a name this configuration declares`);
    const resource = ctx.resource(root, String(steps[1].key));
    if (resource === undefined) return new Unknown(text(), `${root}.${steps[1].key} is not declared in this configuration`);
    value = resource;
    rest = steps.slice(2);
  }
  for (const step of rest) value = getStep(value, step.key, ctx, step.kind === 'name');
  return value;
}

/** `value.key` / `value[key]`. */
export function getStep(value: TfValue, key: string | number, ctx: EvaluationContext, isName = false): TfValue {
  const step = isName ? `.${key}` : stepTextOf(key);
  if (value instanceof EvaluationError) return value;
  if (value instanceof Unknown) {
    const extended = extendTraversal(value.text, key);
    return new Unknown(extended ?? value.text, value.why, value.refs);
  }
  if (value instanceof InstanceRef) {
    const attr = typeof key === 'number' ? undefined : ctx.attribute(value.address, key);
    const text = `\${${value.address}${step}}`;
    if (attr === undefined) return new Unknown(text, `${value.address}${step} is known only after apply`, [value.address]);
    if (typeof attr === 'object' && attr !== null && !(attr instanceof Unknown) && !(attr instanceof InstanceRef)) {
      provenance.set(attr, `${value.address}${step}`);
    }
    return attr;
  }
  const origin = typeof value === 'object' && value !== null ? provenance.get(value) : undefined;
  let result: TfValue | undefined;
  if (Array.isArray(value)) {
    const i = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : NaN;
    result = Number.isInteger(i) ? value[i] : undefined;
  } else if (typeof value === 'object' && value !== null) {
    result = Object.prototype.hasOwnProperty.call(value, String(key)) ? value[String(key)] : undefined;
  }
  if (result === undefined) {
    if (origin) {
      const address = origin.replace(/^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*[^.[]+\.[^.[]+(?:\[[^\]]*\])?).*$/, '$1');
      return new Unknown(`\${${origin}${step}}`, `${origin}${step} is known only after apply`, [address]);
    }
    return new EvaluationError(`\${...${step}}`, `no element ${step} in ${describeShort(value)}`);
  }
  if (origin && typeof result === 'object' && result !== null && !(result instanceof Unknown) && !(result instanceof InstanceRef)) {
    provenance.set(result, `${origin}${step}`);
  }
  return result;
}

function stepTextOf(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** `${a.b}` + key -> `${a.b.key}`, when the text is a plain traversal. */
function extendTraversal(text: string, key: string | number): string | undefined {
  return plainTraversal(text) ? `${text.slice(0, -1)}${stepTextOf(key)}}` : undefined;
}

function describeShort(value: TfValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

/** Evaluates one parsed expression tree. */
class Evaluator {
  constructor(private readonly parsed: ParsedExpression, private readonly ctx: EvaluationContext) {}

  public node(n: ExpressionNode, b: Bindings): TfValue {
    switch (n.type) {
      case 'templateWrap':
        return n.children.length === 1 ? this.node(n.children[0], b) : this.template(n, b);
      case 'template':
        return this.template(n, b);
      case 'literalValue':
        return literal(n);
      case 'tuple':
        return this.all(n.children.map((c) => this.node(c, b)));
      case 'object':
        return this.object(n, b);
      case 'scopeTraversal':
        return evaluateTraversal(stepsOf(n), this.ctx, b);
      case 'relativeTraversal': {
        let value = this.node(n.children[0], b);
        for (const s of stepsOf(n)) value = getStep(value, s.key, this.ctx);
        return value;
      }
      case 'index': {
        const collection = this.node(n.children[0], b);
        const key = this.node(n.children[1], b);
        if (key instanceof Unknown) return this.unknown(n, key.why, [collection, key]);
        if (typeof key !== 'string' && typeof key !== 'number') return new EvaluationError(this.text(n), 'an index that is not a string or number');
        return getStep(collection, key, this.ctx);
      }
      case 'splat':
        return this.splat(n, b);
      case 'conditional': {
        const cond = toBool(this.node(n.children[0], b));
        if (cond instanceof Unknown) {
          // Both branches are evaluated only to record what the value depends on.
          return this.unknown(n, cond.why, [cond, this.node(n.children[1], b), this.node(n.children[2], b)]);
        }
        return this.node(n.children[cond ? 1 : 2], b);
      }
      case 'unaryOp':
        return this.unary(n, b);
      case 'binaryOp':
        return this.binary(n, b);
      case 'function':
        return this.call(n, b);
      case 'for':
        return this.forExpression(n, b);
      default:
        if (n.children.length === 1) return this.node(n.children[0], b);
        return new Unknown(this.textOrWhole(n), `expressions of kind '${n.type || 'unnamed'}' are not evaluated`);
    }
  }

  private text(n: ExpressionNode): string {
    const t = nodeText(this.parsed, n);
    return t === undefined ? '${...}' : `\${${t}}`;
  }

  private textOrWhole(n: ExpressionNode): string {
    const t = nodeText(this.parsed, n);
    return t === undefined ? this.parsed.source.slice(1, -1) : `\${${t}}`;
  }

  /** An unknown for node `n`, depending on everything its parts depend on. */
  private unknown(n: ExpressionNode, why: string, parts: TfValue[]): Unknown {
    const refs = new Set<string>();
    const visit = (v: TfValue) => {
      if (v instanceof Unknown) v.refs.forEach((r) => refs.add(r));
      else if (v instanceof InstanceRef) refs.add(v.address);
      else if (Array.isArray(v)) v.forEach(visit);
      else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
    };
    parts.forEach(visit);
    return new Unknown(this.textOrWhole(n), why, [...refs]);
  }

  private all(values: TfValue[]): TfValue {
    return values;
  }

  private template(n: ExpressionNode, b: Bindings): TfValue {
    const values = n.children.map((c) => (c.type === 'literalValue' && c.meta?.type === 'string' ? String(c.meta.value) : this.node(c, b)));
    return concatenate(values, this.textOrWhole(n));
  }

  private object(n: ExpressionNode, b: Bindings): TfValue {
    const out: { [key: string]: TfValue } = {};
    for (let i = 0; i + 1 < n.children.length; i += 2) {
      const keyNode = n.children[i];
      let key: TfValue;
      if (keyNode.children.length > 0) {
        const inner = keyNode.children[0];
        // A bare name as a key is that name, not a variable (`{ prod = "Deny" }`).
        key = inner.type === 'scopeTraversal' && inner.meta?.traversal?.length === 1 ? String(inner.meta.traversal[0].segment) : this.node(inner, b);
      } else {
        key = nodeText(this.parsed, keyNode)?.trim() ?? '';
      }
      if (key instanceof Unknown) return this.unknown(n, key.why, [key]);
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
        return new EvaluationError(this.text(n), 'an object key that is not a string');
      }
      out[String(key)] = this.node(n.children[i + 1], b);
    }
    return out;
  }

  private splat(n: ExpressionNode, b: Bindings): TfValue {
    const source = this.node(n.children[0], b);
    if (source instanceof Unknown) return this.unknown(n, source.why, [source]);
    const each = n.children[1];
    const steps = each && each.type === 'relativeTraversal' ? stepsOf(each) : [];
    const list = Array.isArray(source) ? source : source === null ? [] : [source];
    return list.map((item) => steps.reduce<TfValue>((v, s) => getStep(v, s.key, this.ctx), item));
  }

  private unary(n: ExpressionNode, b: Bindings): TfValue {
    const v = this.node(n.children[0], b);
    if (n.meta?.operator === 'logicalNot') {
      const x = toBool(v);
      return x instanceof Unknown ? this.unknown(n, x.why, [v]) : !x;
    }
    if (n.meta?.operator === 'negate') {
      const x = toNumber(v);
      return x instanceof Unknown ? this.unknown(n, x.why, [v]) : -x;
    }
    return this.unknown(n, `operator ${n.meta?.operator} is not evaluated`, [v]);
  }

  private binary(n: ExpressionNode, b: Bindings): TfValue {
    const op = String(n.meta?.operator);
    const l = this.node(n.children[0], b);
    // && and || decide on one side when it settles the result (false && x, true || x).
    if (op === 'logicalAnd' || op === 'logicalOr') {
      const lb = toBool(l);
      if (!(lb instanceof Unknown) && lb === (op === 'logicalOr')) return lb;
      const r = this.node(n.children[1], b);
      const rb = toBool(r);
      if (!(rb instanceof Unknown) && rb === (op === 'logicalOr')) return rb;
      if (lb instanceof Unknown || rb instanceof Unknown) return this.unknown(n, (lb instanceof Unknown ? lb : rb as Unknown).why, [l, r]);
      return op === 'logicalAnd' ? lb && rb : lb || rb;
    }
    const r = this.node(n.children[1], b);
    if (op === 'equal' || op === 'notEqual') {
      const same = sameValue(l, r);
      if (same instanceof Unknown) return this.unknown(n, same.why, [l, r]);
      return op === 'equal' ? same : !same;
    }
    const x = toNumber(l);
    const y = toNumber(r);
    if (x instanceof Unknown || y instanceof Unknown) return this.unknown(n, (x instanceof Unknown ? x : y as Unknown).why, [l, r]);
    switch (op) {
      case 'lessThan': return x < y;
      case 'lessThanOrEqual': return x <= y;
      case 'greaterThan': return x > y;
      case 'greaterThanOrEqual': return x >= y;
      case 'add': return x + y;
      case 'subtract': return x - y;
      case 'multiply': return x * y;
      case 'divide': return y === 0 ? new EvaluationError(this.text(n), 'division by zero') : x / y;
      case 'modulo': return y === 0 ? new EvaluationError(this.text(n), 'division by zero') : x % y;
      default: return this.unknown(n, `operator ${op} is not evaluated`, [l, r]);
    }
  }

  private call(n: ExpressionNode, b: Bindings): TfValue {
    const name = String(n.meta?.name);
    const args = n.children.map((c) => this.node(c, b));
    if (n.meta?.expandedFinalArgument && args.length > 0) {
      const last = args.pop()!;
      if (last instanceof Unknown) return this.unknown(n, last.why, [...args, last]);
      if (!Array.isArray(last)) return new EvaluationError(this.text(n), 'the expanded argument is not a list');
      args.push(...last);
    }
    const result = callFunction(name, args);
    if (result instanceof Unknown && !(result instanceof EvaluationError)) return this.unknown(n, result.why, args);
    if (result instanceof EvaluationError) return new EvaluationError(this.textOrWhole(n), result.why);
    return result;
  }

  private forExpression(n: ExpressionNode, b: Bindings): TfValue {
    const meta = n.meta ?? {};
    const objectResult = meta.openRangeValue === '{';
    let i = 0;
    const collectionNode = n.children[i++];
    const keyNode = objectResult ? n.children[i++] : undefined;
    const valueNode = n.children[i++];
    const condNode = meta.conditionalExpression ? n.children[i++] : undefined;
    const collection = this.node(collectionNode, b);
    if (collection instanceof Unknown) return this.unknown(n, collection.why, [collection]);
    const entries: [TfValue, TfValue][] = Array.isArray(collection)
      ? collection.map((v, idx) => [idx, v])
      : typeof collection === 'object' && collection !== null && !(collection instanceof InstanceRef)
        ? Object.keys(collection).sort().map((k) => [k, (collection as { [k: string]: TfValue })[k]])
        : [];
    const list: TfValue[] = [];
    const obj: { [key: string]: TfValue } = {};
    for (const [k, v] of entries) {
      const inner = new Map(b);
      if (meta.keyVar) inner.set(String(meta.keyVar), k);
      inner.set(String(meta.valVar), v);
      if (condNode) {
        const keep = toBool(this.node(condNode, inner));
        if (keep instanceof Unknown) return this.unknown(n, keep.why, [collection]);
        if (!keep) continue;
      }
      const value = this.node(valueNode, inner);
      if (!objectResult) {
        list.push(value);
        continue;
      }
      const key = this.node(keyNode!, inner);
      if (key instanceof Unknown) return this.unknown(n, key.why, [key]);
      const ks = toStringValue(key);
      if (ks instanceof Unknown) return this.unknown(n, ks.why, [key]);
      if (meta.groupedValue) obj[ks] = [...((obj[ks] as TfValue[] | undefined) ?? []), value];
      else obj[ks] = value;
    }
    return objectResult ? obj : list;
  }
}

function literal(n: ExpressionNode): TfValue {
  const type = n.meta?.type;
  const value = String(n.meta?.value ?? '');
  if (type === 'number') return Number(value);
  if (type === 'bool') return value === 'true';
  if (type === 'string') return value;
  if (value === 'null') return null;
  return value;
}

function stepsOf(n: ExpressionNode): TraversalStep[] {
  const parts: { type: string; segment: string }[] = n.meta?.traversal ?? [];
  return parts.map((p) => {
    if (p.type === 'indexTraversal') {
      const seg = p.segment.trim();
      return { kind: 'index' as const, key: seg.startsWith('"') ? JSON.parse(seg) : /^\d+$/.test(seg) ? Number(seg) : seg };
    }
    return { kind: 'name' as const, key: p.segment };
  });
}
