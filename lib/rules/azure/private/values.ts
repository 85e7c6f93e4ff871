import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

// Terraform JSON writes booleans as CloudFormation does (true or "true"), and an expression is as
// unverifiable as an intrinsic: the AWS helpers serve both clouds.
export { boolValue, findingsResult, flagVerdict, UNVERIFIABLE, worstOf } from '../../../core/engine/verdict';

const WHOLE_REFERENCE = /^\$\{([a-zA-Z0-9_]+)\.([a-zA-Z0-9_-]+)\.([a-zA-Z0-9_.]+)\}$/;

/** Whether a value is, or contains, a Terraform expression (`${...}`) rather than a literal. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/**
 * The resource a `${<type>.<name>.<attribute>}` reference points at, when the configuration
 * declares it. Variables, locals, data sources and compound expressions give `undefined`.
 */
export function referencedResource(value: unknown, lookup: TerraformLookup): TerraformResourceView | undefined {
  if (typeof value !== 'string') return undefined;
  const m = WHOLE_REFERENCE.exec(value);
  if (!m || m[1] === 'var' || m[1] === 'local' || m[1] === 'data' || m[1] === 'module') return undefined;
  return lookup.byAddress(`${m[1]}.${m[2]}`);
}

/**
 * A nested block as Terraform JSON may write it: an object, or a list whose first element is the
 * block (cdktf writes single blocks as objects, hand-written JSON often as one-element lists).
 */
export function block(value: unknown): { [key: string]: any } | undefined {
  if (Array.isArray(value)) return block(value[0]);
  if (typeof value === 'object' && value !== null) return value as { [key: string]: any };
  return undefined;
}

/** Every element of a repeated block (object or list). */
export function blocks(value: unknown): { [key: string]: any }[] {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'object' && v !== null);
  const one = block(value);
  return one ? [one] : [];
}


/** A Terraform number (`45`, `"45"`); `undefined` for expressions and absent values. */
export function tfNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The fewest days an ISO 8601 duration (`P45D`, `P8W`, `P2M`, `P1Y`) can last, so a retention
 * compared with a policy's minimum is never over-estimated (a month counts 28 days).
 * `undefined` when the value is not such a duration.
 */
export function minimumDays(duration: unknown): number | undefined {
  if (typeof duration !== 'string') return undefined;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!m || duration === 'P') return undefined;
  const [y, mo, w, d] = m.slice(1).map((v) => Number(v ?? 0));
  return y * 365 + mo * 28 + w * 7 + d;
}

/** The other resources of `types` that reference `target` (e.g. diagnostic settings of a vault). */
export function referrersOfType(target: TerraformResourceView, types: readonly string[], lookup: TerraformLookup): TerraformResourceView[] {
  return lookup.referrers(target).filter((r) => types.includes(r.type));
}

/** Does `value` reference `target` (`${<address>.<attr>}`), possibly inside a larger expression? */
export function mentions(value: unknown, target: TerraformResourceView): boolean {
  return typeof value === 'string' && value.includes(`\${${target.address}.`);
}
