import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { isReplica } from '../private/postgres';
import { isExpression, unknownDetail } from '../private/values';

/** Resource types that run the workload or hold its primary data (backup vaults do not count). */
export const WORKLOAD_TYPES = [
  'azurerm_postgresql_flexible_server',
  'azurerm_storage_account',
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_container_app_environment',
  'azurerm_kubernetes_cluster',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
];

/** Normalise 'West Europe' and 'westeurope' to one spelling. */
export function regionKey(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/**
 * DP.AVL.2: the workload's resources, across every configuration checked together, run in at
 * least the policy's number of regions. Judged on each workload resource, with the same app-wide
 * count, so the finding points at resources the user can move or add to.
 */
export const AzureWorkloadRegions: AzureResourceRule = {
  name: 'AzureWorkloadRegions',
  controlId: 'DP.AVL.2',
  resourceTypes: WORKLOAD_TYPES,
  covers: 'across every stack checked together',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: "The workload runs in fewer regions than the policy's regionCount.",
  explanation: 'DP.AVL.2 promises a workload in >= regionCount regions. Deploy the workload resources to that many '
    + 'regions (one configuration per region is the usual shape); backup copies and database read replicas in the '
    + 'paired region do not count.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_postgresql_flexible_server' && isReplica(resource) === true) return NOT_APPLICABLE;
    const location = resource.config.location;
    if (typeof location !== 'string' || isExpression(location)) return unverifiable(unknownDetail(resource, 'location', location));
    const regions = regionsOfWorkload(context);
    const detail = `workload regions: ${[...regions].sort().join(', ') || 'none'}`;
    return regions.size >= context.policy.regionCount ? compliant(detail) : nonCompliant(detail);
  },
};

const cache = new WeakMap<object, Set<string>>();

/** The literal regions of every workload resource, computed once per evaluation. */
function regionsOfWorkload(context: AzureRuleContext): Set<string> {
  let regions = cache.get(context.lookup.stacks);
  if (!regions) {
    regions = new Set();
    for (const stack of context.lookup.stacks) {
      for (const r of stack.resources) {
        if (!WORKLOAD_TYPES.includes(r.type) || r.uncertainExistence !== undefined) continue;
        if (r.type === 'azurerm_postgresql_flexible_server' && isReplica(r) !== false) continue;
        if (typeof r.config.location === 'string' && !isExpression(r.config.location)) {
          regions.add(regionKey(r.config.location));
        }
      }
    }
    cache.set(context.lookup.stacks, regions);
  }
  return regions;
}
