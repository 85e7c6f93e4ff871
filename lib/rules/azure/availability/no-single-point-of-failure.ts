import { compliant, failing, findingsResult, Outcome, RuleResult, Severity, unverifiable, Verdict, verdictsOf } from '../../../core/engine';
import { readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { autoscaleOf, environmentOf, zonesOf } from '../private/scaling';
import { block, blocks, boolValue, isExpression, mentions, referrersOfType, settingFlag, tfNumber, unknownDetail } from '../private/values';

/** Fewest instances without a single point of failure. */
const MIN_INSTANCES = 2;

/**
 * What to judge: the instance count (or, as `count`, a verdict already reached on it, or the
 * evidence that it is enough) and the zones.
 */
type Part = { instances?: unknown; instancesName: string; count?: Verdict | string; zones?: RuleResult | string[] | undefined; zonesName: string };

function judge(resource: TerraformResourceView, part: Part, defaultInstances: number | undefined): RuleResult {
  const failures: Verdict[] = [];
  const evidence: string[] = [];
  const raw = part.instances ?? defaultInstances;
  if (part.count !== undefined) {
    if (typeof part.count === 'string') evidence.push(part.count);
    else failures.push(part.count);
  } else if (isExpression(raw)) {
    failures.push(unverifiable(unknownDetail(resource, part.instancesName, raw)));
  } else {
    const n = tfNumber(raw);
    if (n === undefined) failures.push(unverifiable(`${part.instancesName} = ${JSON.stringify(raw)}`));
    else if (n < MIN_INSTANCES) failures.push(failing('Instances', `${part.instancesName} = ${n}${part.instances === undefined ? ' (the default)' : ''}: one failure stops the service`));
    else evidence.push(`${n} instances`);
  }
  const zones = part.zones;
  if (Array.isArray(zones)) {
    if (zones.length < MIN_INSTANCES) failures.push(failing('Zones', zones.length === 0 ? `no ${part.zonesName}: all instances may share one zone` : `${part.zonesName} = ${JSON.stringify(zones)}: one zone`));
    else evidence.push(`over zones ${zones.join(', ')}`);
  } else if (zones !== undefined) {
    const verdicts = verdictsOf(zones);
    const detail = verdicts.map((v) => v.detail).filter((d) => d).join('; ');
    if (verdicts.some((v) => v.outcome === Outcome.UNVERIFIABLE)) failures.push(unverifiable(detail));
    else if (verdicts.some((v) => v.outcome === Outcome.NON_COMPLIANT)) failures.push(failing('Zones', `${detail}: all instances may share one zone`));
    else evidence.push(`spread over zones (${detail})`);
  } else {
    failures.push(unverifiable(`the ${part.zonesName} is not in this configuration`));
  }
  return failures.length > 0 ? findingsResult(failures) : compliant(evidence.join(' '));
}

/**
 * The node count of an AKS pool whose autoscaling flag is unknown: `min_count` if it autoscales,
 * `node_count` if not. Enough (evidence) or too few (a failure) when both say the same, else
 * unverifiable naming the flag and both counts.
 */
function eitherPoolSize(resource: TerraformResourceView, pool: { [key: string]: any }, flagName: string, flag: unknown): Verdict | string {
  const sizes = [
    { name: 'default_node_pool.min_count', raw: pool.min_count },
    { name: 'default_node_pool.node_count', raw: pool.node_count },
  ].map(({ name, raw }) => {
    const n = tfNumber(raw ?? 1);
    const said = isExpression(raw) ? unknownDetail(resource, name, raw) : `${name} = ${n ?? JSON.stringify(raw)}${raw === undefined ? ' (the default)' : ''}`;
    return { n, said };
  });
  const [withScaling, without] = sizes;
  const counts = sizes.flatMap(({ n }) => (n === undefined ? [] : [n]));
  if (counts.length === 2 && counts.every((n) => n >= MIN_INSTANCES)) return `${Math.min(...counts)} instances`;
  if (counts.length === 2 && counts.every((n) => n < MIN_INSTANCES)) {
    return failing('Instances', `${without.said} and ${withScaling.said}, whatever ${flagName} is: one failure stops the service`);
  }
  return unverifiable(`${unknownDetail(resource, flagName, flag)}: ${withScaling.said} with autoscaling, ${without.said} without`);
}

/** What autoscale settings may lower a resource to: unknown, or the lowest minimum and the setting allowing it. */
type Floor = { unknown?: string; minimum?: number; setting?: string };

/**
 * The autoscale settings targeting `target` read with `autoscaleOf`, and what that helper passes
 * over: an enabled setting's `capacity.minimum` that only apply knows (unknown), and which
 * setting allows the lowest minimum.
 */
function autoscaleFloor(target: TerraformResourceView, context: AzureRuleContext): Floor {
  const scaling = autoscaleOf(target, context.lookup);
  if (scaling.unknown) return { unknown: scaling.unknown };
  let lowest: Floor = {};
  for (const s of referrersOfType(target, ['azurerm_monitor_autoscale_setting'], context.lookup)) {
    // autoscaleOf has returned an unknown for a setting of unknown flag, existence or profile.
    if (!mentions(s.config.target_resource_id, target) || boolValue(s.config.enabled, true) !== true) continue;
    for (const p of blocks(s.config.profile)) {
      if (isExpression(p.capacity)) return { unknown: `${s.address} ${unknownDetail(s, 'profile.capacity', p.capacity)}` };
      const capacity = block(p.capacity) ?? {};
      if (isExpression(capacity.minimum)) return { unknown: `${s.address} ${unknownDetail(s, 'profile.capacity.minimum', capacity.minimum)}` };
      const min = tfNumber(capacity.minimum);
      if (min !== undefined && (lowest.minimum === undefined || min < lowest.minimum)) lowest = { minimum: min, setting: s.address };
    }
  }
  return lowest;
}

/** A resource's own verdict with what its autoscale settings may lower it to (`failure` words a minimum below two). */
function withAutoscale(result: RuleResult, floor: Floor, failure: (minimum: number) => string): RuleResult {
  const own = verdictsOf(result).filter((v) => v.outcome !== Outcome.COMPLIANT);
  // A setting that may be enabled, may not exist or has an unknown profile may lower the minimum.
  if (floor.unknown) return findingsResult([...own, unverifiable(floor.unknown)]);
  if (floor.minimum !== undefined && floor.minimum < MIN_INSTANCES) return findingsResult([...own, failing('Instances', failure(floor.minimum))]);
  return result;
}

/** The literal zones of a `zones` argument, or an unverifiable verdict naming the expression. */
function zonesPart(resource: TerraformResourceView, value: unknown, name: string): string[] | RuleResult {
  return zonesOf(value) ?? unverifiable(unknownDetail(resource, name, value));
}

/**
 * DP.AVL.4: no single point of failure: compute and load balancing run at least two instances spread
 * over availability zones. A container app keeps `min_replicas` >= 2 (the default is 0) in a
 * zone-redundant environment; an App Service plan runs >= 2 workers balanced over zones (an enabled
 * autoscale setting may not lower its minimum below 2); an AKS default node pool, a scale set or an
 * Application Gateway keeps >= 2 nodes, instances or capacity units over >= 2 zones. Findings:
 * `[Instances]`, `[Zones]`.
 */
export const AzureNoSinglePointOfFailure: AzureResourceRule = {
  name: 'AzureNoSinglePointOfFailure',
  controlId: 'DP.AVL.4',
  resourceTypes: [
    'azurerm_container_app', 'azurerm_service_plan', 'azurerm_kubernetes_cluster', 'azurerm_application_gateway',
    'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set',
  ],
  covers: 'container apps, App Service plans, AKS, scale sets, Application Gateways: >= 2 instances over zones',
  level: Severity.ERROR,
  info: 'The service can be stopped by the failure of one instance or one zone.',
  explanation: 'DP.AVL.4 promises no single point of failure. Keep at least two instances spread over zones: min_replicas >= 2 '
    + 'in a zone-redundant Container Apps environment, worker_count >= 2 with zone_balancing_enabled on App Service plans, '
    + 'node pools, scale sets and Application Gateways with >= 2 instances and zones ["1", "2", "3"] (ZoneRedundantApp does).',
  fix: 'Run at least two instances spread over availability zones.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const c = resource.config;
    switch (resource.type) {
      case 'azurerm_container_app': {
        const template = block(c.template) ?? {};
        const env = environmentOf(resource, context.lookup);
        return judge(resource, {
          instances: template.min_replicas, instancesName: 'template.min_replicas',
          zones: env ? settingFlag(env, 'containerAppEnvironmentZoneRedundant', true) : undefined, zonesName: 'environment',
        }, 0);
      }
      case 'azurerm_service_plan': {
        const balancing = settingFlag(resource, 'servicePlanZoneBalancing', true);
        const workers = readSetting(resource, 'servicePlanWorkers').configured?.value;
        const balanced = verdictsOf(balancing).every((v) => v.outcome === Outcome.COMPLIANT);
        // Azure refuses zone balancing on fewer than two workers.
        const result = judge(resource, { instances: workers, instancesName: 'worker_count', zones: balancing, zonesName: 'zone balancing' }, balanced ? 2 : 1);
        return withAutoscale(result, autoscaleFloor(resource, context), (min) => `an autoscale setting may scale down to ${min} worker${min === 1 ? '' : 's'}`);
      }
      case 'azurerm_kubernetes_cluster': {
        const pool = block(c.default_node_pool) ?? {};
        // auto_scaling_enabled in azurerm 4.x, enable_auto_scaling in 3.x.
        const flagName = pool.auto_scaling_enabled !== undefined ? 'default_node_pool.auto_scaling_enabled' : 'default_node_pool.enable_auto_scaling';
        const flag = pool.auto_scaling_enabled ?? pool.enable_auto_scaling;
        const autoscaling = boolValue(flag, false);
        return judge(resource, {
          instances: autoscaling ? pool.min_count : pool.node_count, instancesName: autoscaling ? 'default_node_pool.min_count' : 'default_node_pool.node_count',
          // An unknown flag: the pool may shrink to min_count, or run node_count.
          ...(autoscaling === undefined ? { count: eitherPoolSize(resource, pool, flagName, flag) } : {}),
          zones: zonesPart(resource, pool.zones, 'default_node_pool.zones'), zonesName: 'default_node_pool.zones',
        }, 1);
      }
      case 'azurerm_application_gateway': {
        const autoscale = block(c.autoscale_configuration);
        const capacity = autoscale ? autoscale.min_capacity : block(c.sku)?.capacity;
        return judge(resource, {
          instances: capacity, instancesName: autoscale ? 'autoscale_configuration.min_capacity' : 'sku.capacity',
          zones: zonesPart(resource, c.zones, 'zones'), zonesName: 'zones',
        }, autoscale ? 0 : 1);
      }
      default: {
        const result = judge(resource, { instances: c.instances, instancesName: 'instances', zones: zonesPart(resource, c.zones, 'zones'), zonesName: 'zones' }, 0);
        const floor = autoscaleFloor(resource, context);
        return withAutoscale(result, floor,
          (min) => `${floor.setting} profile.capacity.minimum = ${min}: the scale set may scale down to ${min} instance${min === 1 ? '' : 's'}`);
      }
    }
  },
};
