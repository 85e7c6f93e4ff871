import { compliant, failing, findingsResult, Outcome, RuleResult, Severity, unverifiable, Verdict, verdictsOf } from '../../../core/engine';
import { readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { autoscaleOf, environmentOf, zonesOf } from '../private/scaling';
import { block, boolValue, isExpression, settingFlag, tfNumber, unknownDetail } from '../private/values';

/** Fewest instances without a single point of failure. */
const MIN_INSTANCES = 2;

type Part = { instances?: unknown; instancesName: string; zones?: RuleResult | string[] | undefined; zonesName: string };

function judge(resource: TerraformResourceView, part: Part, defaultInstances: number | undefined): RuleResult {
  const failures: Verdict[] = [];
  const evidence: string[] = [];
  const raw = part.instances ?? defaultInstances;
  if (isExpression(raw)) {
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
        const scaling = autoscaleOf(resource, context.lookup);
        // A setting that may be enabled, may not exist or has an unknown profile may lower the minimum.
        if (scaling.unknown) {
          return findingsResult([...verdictsOf(result).filter((v) => v.outcome !== Outcome.COMPLIANT), unverifiable(scaling.unknown)]);
        }
        if (scaling.minimum !== undefined && scaling.minimum < MIN_INSTANCES) {
          return findingsResult([...verdictsOf(result).filter((v) => v.outcome !== Outcome.COMPLIANT),
            failing('Instances', `an autoscale setting may scale down to ${scaling.minimum} worker${scaling.minimum === 1 ? '' : 's'}`)]);
        }
        return result;
      }
      case 'azurerm_kubernetes_cluster': {
        const pool = block(c.default_node_pool) ?? {};
        const autoscaling = boolValue(pool.auto_scaling_enabled ?? pool.enable_auto_scaling, false);
        return judge(resource, {
          instances: autoscaling ? pool.min_count : pool.node_count, instancesName: autoscaling ? 'default_node_pool.min_count' : 'default_node_pool.node_count',
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
      default:
        return judge(resource, { instances: c.instances, instancesName: 'instances', zones: zonesPart(resource, c.zones, 'zones'), zonesName: 'zones' }, 0);
    }
  },
};
