import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { isExpression, sourceNote, tfNumber, unknownDetail } from '../private/values';

/** Log Analytics keeps data 30 days when retention_in_days is absent. */
const SERVICE_DEFAULT_DAYS = 30;

/** DP.LOG.4: a Log Analytics workspace keeps logs at least the policy's log retention. */
export const AzureLogAnalyticsRetention: AzureResourceRule = {
  name: 'AzureLogAnalyticsRetention',
  controlId: 'DP.LOG.4',
  resourceTypes: ['azurerm_log_analytics_workspace'],
  level: Severity.ERROR,
  info: "The workspace keeps logs for fewer days than the policy's logRetentionDays.",
  explanation: 'DP.LOG.4 promises logs retained >= logRetentionDays. Set retention_in_days (CentralLogAnalytics sets it '
    + 'from the policy; the workspace accepts up to 730 days of interactive retention). Logs in a workspace are '
    + 'always encrypted at rest.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const raw = resource.config.retention_in_days;
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'retention_in_days', raw));
    const days = raw === undefined ? SERVICE_DEFAULT_DAYS : tfNumber(raw);
    if (days === undefined) return unverifiable(unknownDetail(resource, 'retention_in_days', raw));
    const detail = raw === undefined ? `retention_in_days not set: the service keeps ${SERVICE_DEFAULT_DAYS} days`
      : `retention_in_days = ${days}${sourceNote(resource, 'retention_in_days')}`;
    return days >= context.policy.logRetentionDays ? compliant(detail) : nonCompliant(detail);
  },
};
