import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict } from '../private/values';

/**
 * DP.ENC.2: an SQS queue uses SSE-KMS with a customer-managed key. SSE-SQS (the default) and
 * `alias/aws/sqs` are not customer-managed.
 */
export const SQSQueueCMK: ResourceRule = {
  name: 'SQSQueueCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::SQS::Queue'],
  level: Severity.ERROR,
  fix: 'Set encryption: QueueEncryption.KMS with encryptionMasterKey: a customer-managed key (DataKey).',
  info: 'The SQS queue is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    return customerManagedKeyVerdict(resource.properties.KmsMasterKeyId, resource, context, 'KmsMasterKeyId');
  },
};
