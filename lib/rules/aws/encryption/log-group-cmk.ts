import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict } from '../private/values';

/**
 * DP.ENC.2: a CloudWatch Logs log group is encrypted with a customer-managed key (by default
 * CloudWatch Logs encrypts with a service-owned key). Judged here only when the policy does not
 * promise DP.LOG.4, whose LogRetention reports the same key as `[Encryption]` otherwise.
 */
export const LogGroupCMK: ResourceRule = {
  name: 'LogGroupCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::Logs::LogGroup'],
  level: Severity.ERROR,
  fix: 'Pass encryptionKey: a customer-managed key the logs service may use (DataKey with services [\'logs\']), or apply PolicyLogGroups.',
  info: 'The CloudWatch Logs log group is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    // One defect, one finding: where the policy promises DP.LOG.4 (logs encrypted and retained),
    // LogRetention reports the log group's key as [Encryption].
    if (context.policy.promises('DP.LOG.4')) return NOT_APPLICABLE;
    return customerManagedKeyVerdict(resource.properties.KmsKeyId, resource, context);
  },
};
