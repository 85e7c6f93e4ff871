/**
 * Values as the reading layer evaluates them: JSON values, plus `Unknown` for anything that is
 * not known before `terraform apply` (or that this reader cannot evaluate).
 */

/**
 * A value not known from the configuration: an attribute computed at apply time, a variable
 * without a default, a data source, an expression the reader does not evaluate. `text` is what the
 * configuration says (always containing `${`, so rules see it as an expression); `why` says why
 * it is unknown; `refs` are the resource instances it depends on.
 */
export class Unknown {
  constructor(
    /** The expression as written, or a canonical reference (`${azurerm_x.y[0].id}`). */
    public readonly text: string,
    /** Why the value is unknown, in words for a finding's detail. */
    public readonly why: string,
    /** Addresses of the resource instances the value depends on. */
    public readonly refs: readonly string[] = [],
  ) {}
}

/** A resource instance as an expression sees it (`azurerm_x.y`, `azurerm_x.y[0]`). */
export class InstanceRef {
  constructor(public readonly address: string) {}
}

/** Everything an expression can evaluate to. */
export type TfValue = null | boolean | number | string | TfValue[] | { [key: string]: TfValue } | Unknown | InstanceRef;

/** Whether a value is known all the way down (no `Unknown` inside). */
export function isKnown(value: unknown): boolean {
  if (value instanceof Unknown || value instanceof InstanceRef) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isKnown);
  return true;
}

/** The first unknown part of a value, if any. */
export function firstUnknown(value: unknown): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (value instanceof InstanceRef) return new Unknown(`\${${value.address}}`, `${value.address} is a whole resource`, [value.address]);
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = firstUnknown(v);
      if (u) return u;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) {
      const u = firstUnknown(v);
      if (u) return u;
    }
  }
  return undefined;
}

/** Every resource instance address a value depends on. */
export function refsOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (value instanceof Unknown) value.refs.forEach((r) => into.add(r));
  else if (value instanceof InstanceRef) into.add(value.address);
  else if (Array.isArray(value)) value.forEach((v) => refsOf(v, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => refsOf(v, into));
  return into;
}

/**
 * The value as rules read it: plain JSON, with each unknown part replaced by its text (a string
 * containing `${`, which rules treat as an expression they cannot judge).
 */
export function toConfigValue(value: unknown): any {
  if (value instanceof Unknown) return value.text;
  if (value instanceof InstanceRef) return `\${${value.address}}`;
  if (Array.isArray(value)) {
    let out: any[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = toConfigValue(value[i]);
      if (v !== value[i] && !out) out = value.slice(0, i);
      out?.push(v);
    }
    return out ?? value;
  }
  if (typeof value === 'object' && value !== null) {
    let out: { [key: string]: any } | undefined;
    const entries = Object.entries(value);
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i];
      const c = toConfigValue(v);
      if (c !== v && !out) out = Object.fromEntries(entries.slice(0, i));
      if (out) out[k] = c;
    }
    return out ?? value;
  }
  return value;
}

/** A short rendering of a value for a finding's detail. */
export function describeValue(value: unknown): string {
  if (value instanceof Unknown) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'not set';
  const text = JSON.stringify(toConfigValue(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
