import { compliant, nonCompliant, Outcome, RuleResult, Severity, unverifiable, verdictsOf } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { DELETE_AFTER } from '../data/storage-lifecycle-expiry';
import { block, blocks, boolValue, isExpression, referencedResource, referrersOfType, tfNumber, unknownDetail } from '../private/values';

/** The containers flow logs write to: NSG flow logs, and VNet flow logs. */
const FLOW_LOG_CONTAINERS = ['insights-logs-networksecuritygroupflowevent', 'insights-logs-flowlogflowevent'];

/**
 * What the lifecycle rules of the flow log's storage account (when the configuration declares it)
 * do to its records: the first rule that deletes them sooner than `wanted` days, or why that is
 * known only at apply time. A rule narrowed to other containers, to blob index tags (flow log blobs
 * have none) or to other blob types leaves them.
 */
function lifecycle(flowLog: TerraformResourceView, wanted: number, context: AzureRuleContext): { early?: string; unknown?: string } {
  const account = referencedResource(flowLog.config.storage_account_id, context.lookup);
  if (!account) return {};
  let unknown: string | undefined;
  for (const policy of referrersOfType(account, ['azurerm_storage_management_policy'], context.lookup)) {
    if (isExpression(policy.config.rule)) {
      unknown = unknown ?? `${policy.address} has rules from an expression`;
      continue;
    }
    for (const rule of blocks(policy.config.rule)) {
      const name = `${policy.address} rule ${JSON.stringify(rule.name ?? '?')}`;
      const enabled = boolValue(rule.enabled, true);
      const filters = block(rule.filters);
      const prefixes = filters?.prefix_match;
      const types = filters?.blob_types;
      const baseBlob = block(block(rule.actions)?.base_blob);
      if (enabled === undefined || isExpression(rule.filters) || isExpression(rule.actions) || isExpression(prefixes) || isExpression(types)
        || (Array.isArray(prefixes) && prefixes.some(isExpression))) {
        unknown = unknown ?? `${name} has settings from an expression`;
        continue;
      }
      if (!enabled || !baseBlob || blocks(filters?.match_blob_index_tag).length > 0) continue;
      if (Array.isArray(types) && !types.includes('blockBlob')) continue;
      const reaches = !Array.isArray(prefixes) || prefixes.length === 0
        || prefixes.some((p: string) => FLOW_LOG_CONTAINERS.some((c) => c.startsWith(p) || p.startsWith(`${c}/`) || p === c));
      if (!reaches) continue;
      for (const key of DELETE_AFTER) {
        if (baseBlob[key] === undefined) continue;
        const days = tfNumber(baseBlob[key]);
        if (days === undefined) {
          unknown = unknown ?? `${name} has ${key} = ${baseBlob[key]}`;
        } else if (days < wanted) {
          const note = `${name} deletes the flow log's records after ${days} days (promised: ${wanted})`;
          if (policy.uncertainExistence === undefined) return { early: note };
          unknown = unknown ?? `${note}, and may exist: ${policy.uncertainExistence}`;
        }
      }
    }
  }
  return unknown ? { unknown } : {};
}


/**
 * DP.LOG.4: flow log records are kept at least `logRetentionDays`: the flow log's
 * `retention_policy` keeps them that long, or forever (`days = 0`, or no retention policy: Azure
 * then deletes nothing), and no lifecycle rule of its storage account (when the configuration
 * declares it) deletes them sooner.
 */
export const AzureFlowLogRetention: AzureResourceRule = {
  name: 'AzureFlowLogRetention',
  controlId: 'DP.LOG.4',
  resourceTypes: ['azurerm_network_watcher_flow_log'],
  level: Severity.ERROR,
  info: 'The flow log deletes its records before the policy\'s log retention.',
  explanation: 'DP.LOG.4 promises logs retained >= logRetentionDays. Set retention_policy { enabled = true, days = '
    + 'logRetentionDays } (or days = 0 to keep them), and keep the storage account\'s lifecycle rules at least as long.',
  fix: 'Set the flow log\'s retention_policy.days to at least logRetentionDays (0 keeps records forever).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    // The storage account's lifecycle rules delete records whatever the flow log keeps.
    const deleted = lifecycle(resource, context.policy.logRetentionDays, context);
    if (deleted.early) return nonCompliant(deleted.early);
    const own = retentionVerdict(resource, context);
    return deleted.unknown && verdictsOf(own).every((v) => v.outcome === Outcome.COMPLIANT) ? unverifiable(deleted.unknown) : own;
  },
};

/** The flow log's own retention_policy. */
function retentionVerdict(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
  const raw = resource.config.retention_policy;
  if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'retention_policy', raw));
  const policy = block(raw);
  if (!policy) return compliant('no retention policy: records are kept until deleted');
  const on = boolValue(policy.enabled, false);
  if (on === undefined) return unverifiable(unknownDetail(resource, 'retention_policy.enabled', policy.enabled));
  if (!on) return compliant('retention_policy.enabled = false: records are kept until deleted');
  if (isExpression(policy.days)) return unverifiable(unknownDetail(resource, 'retention_policy.days', policy.days));
  const days = tfNumber(policy.days);
  if (days === undefined) return unverifiable(unknownDetail(resource, 'retention_policy.days', policy.days));
  if (days === 0) return compliant('retention_policy.days = 0: records are kept forever');
  const wanted = context.policy.logRetentionDays;
  return days >= wanted ? compliant(`retention_policy.days = ${days}`) : nonCompliant(`retention_policy.days = ${days} (promised: ${wanted})`);
}
