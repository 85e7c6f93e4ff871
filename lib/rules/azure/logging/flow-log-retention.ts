import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, isExpression, tfNumber, unknownDetail } from '../private/values';

/**
 * DP.LOG.4: flow log records are kept at least `logRetentionDays`: the flow log's
 * `retention_policy` keeps them that long, or forever (`days = 0`, or no retention policy: Azure
 * then deletes nothing).
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
  },
};
