import { RuleResult, flagVerdict } from '../../../core/engine/verdict';
import { AzurermSetting, judgeSetting } from '../../../terraform/azurerm-schema';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';
import { referencedAddresses } from '../../../terraform/references';

// Terraform JSON writes booleans as CloudFormation does (true or "true"), and an expression is as
// unverifiable as an intrinsic: the AWS helpers serve both clouds.
export { boolValue, findingsResult, flagVerdict, UNVERIFIABLE, worstOf } from '../../../core/engine/verdict';

// How values read and how resources join are the reading layer's: one meaning for every rule.
export { mentions } from '../../../terraform/references';
export { judgeSetting, readSetting, reasonOf, sourceNote, withDetail } from '../../../terraform/azurerm-schema';

/** Whether a value is, or contains, a Terraform expression (`${...}`) rather than a literal. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/**
 * The resource a reference to one of its attributes (`${azurerm_x.y.id}`, `${azurerm_x.y[0].id}`,
 * `${module.m.azurerm_x.y.id}`) points at, when the configuration declares it. Variables, locals,
 * data sources and compound expressions give `undefined`.
 */
export function referencedResource(value: unknown, lookup: TerraformLookup): TerraformResourceView | undefined {
  if (typeof value !== 'string' || !/^\$\{[^{}]*\}$/.test(value)) return undefined;
  const addresses = referencedAddresses(value);
  return addresses.length === 1 ? lookup.byAddress(addresses[0]) : undefined;
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

/**
 * The verdict on a boolean azurerm setting (see `AZURERM_SETTINGS`): its configured value under
 * any of its names, else the default of each provider major the configuration runs with.
 */
export function settingFlag(resource: TerraformResourceView, setting: AzurermSetting, compliantWhen: boolean): RuleResult {
  return judgeSetting(resource, setting, (v) => flagVerdict(v, !compliantWhen, compliantWhen));
}

/** The resources that exist for certain (not those whose count or for_each is unknown). */
export function certain(views: readonly TerraformResourceView[]): TerraformResourceView[] {
  return views.filter((v) => v.uncertainExistence === undefined);
}

/** The first of `views` whose existence is unknown, in words for an unverifiable verdict's detail. */
export function uncertainDetail(views: readonly TerraformResourceView[]): string | undefined {
  const u = views.find((v) => v.uncertainExistence !== undefined);
  return u ? `${u.address} may not exist: ${u.uncertainExistence}` : undefined;
}

/** `<name> = <value> (why it is unknown)`, for the detail of an unverifiable verdict. */
export function unknownDetail(resource: TerraformResourceView, name: string, value: unknown): string {
  const why = typeof value === 'string' ? resource.unknownReasons?.get(value) : undefined;
  return `${name} = ${typeof value === 'string' ? value : JSON.stringify(value)}${why ? ` (${why})` : ''}`;
}
