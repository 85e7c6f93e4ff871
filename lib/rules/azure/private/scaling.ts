import { block, blocks, boolValue, isExpression, mentions, referencedResource, referrersOfType, tfNumber, unknownDetail } from './values';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** The distinct literal zones of a `zones` list; `undefined` when it is an expression. */
export function zonesOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (isExpression(value)) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.some(isExpression)) return undefined;
  return [...new Set(list.map(String))];
}

/** Zones a region offers at most: the policy's number is capped here for Azure (every zonal region has three). */
export const AZURE_ZONES_PER_REGION = 3;

/** What the autoscale settings targeting a resource do. */
export interface Autoscale {
  /** An enabled setting with a profile that scales out (a rule with direction Increase, maximum above minimum). */
  readonly scalesOut?: string;
  /** The lowest `capacity.minimum` of the enabled settings' profiles. */
  readonly minimum?: number;
  /** Why it does not scale (disabled, no rule), when it does not. */
  readonly why: string;
  /** Unknown parts. */
  readonly unknown?: string;
}

/** The `azurerm_monitor_autoscale_setting`s that target a resource, read together. */
export function autoscaleOf(target: TerraformResourceView, lookup: TerraformLookup): Autoscale {
  const settings = referrersOfType(target, ['azurerm_monitor_autoscale_setting'], lookup)
    .filter((s) => mentions(s.config.target_resource_id, target));
  if (settings.length === 0) return { why: 'no azurerm_monitor_autoscale_setting targets it' };
  const why: string[] = [];
  let minimum: number | undefined;
  let scalesOut: string | undefined;
  for (const s of settings) {
    const enabled = boolValue(s.config.enabled, true);
    if (enabled === undefined) return { why: '', unknown: unknownDetail(s, 'enabled', s.config.enabled) };
    if (!enabled) { why.push(`${s.address} is disabled (enabled = false)`); continue; }
    if (s.uncertainExistence !== undefined) return { why: '', unknown: `${s.address} may not exist: ${s.uncertainExistence}` };
    if (isExpression(s.config.profile)) return { why: '', unknown: unknownDetail(s, 'profile', s.config.profile) };
    for (const p of blocks(s.config.profile)) {
      const cap = block(p.capacity) ?? {};
      const min = tfNumber(cap.minimum);
      const max = tfNumber(cap.maximum);
      if (min !== undefined) minimum = minimum === undefined ? min : Math.min(minimum, min);
      const out = blocks(p.rule).some((r) => block(r.scale_action)?.direction === 'Increase');
      if (out && min !== undefined && max !== undefined && max > min) scalesOut = `${s.address} scales ${min}-${max}`;
      else if (!out) why.push(`${s.address} profile ${p.name ?? ''} has no scale-out rule: it only pins the capacity`);
      else why.push(`${s.address} profile ${p.name ?? ''} cannot grow (maximum ${max} <= minimum ${min})`);
    }
  }
  return { ...(scalesOut ? { scalesOut } : {}), ...(minimum !== undefined ? { minimum } : {}), why: why.join('; ') };
}

/** The Container Apps environment a container app runs in, if the configuration declares it. */
export function environmentOf(app: TerraformResourceView, lookup: TerraformLookup): TerraformResourceView | undefined {
  const env = referencedResource(app.config.container_app_environment_id, lookup);
  return env?.type === 'azurerm_container_app_environment' ? env : undefined;
}
