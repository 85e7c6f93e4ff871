import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict } from '../private/values';

/**
 * DP.ENC.2: an SNS topic is encrypted with a customer-managed key (`alias/aws/sns` is not).
 */
export const SNSTopicCMK: ResourceRule = {
  name: 'SNSTopicCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::SNS::Topic'],
  level: Severity.ERROR,
  fix: 'Pass masterKey: a customer-managed key (DataKey) to the topic.',
  info: 'The SNS topic is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    return customerManagedKeyVerdict(resource.properties.KmsMasterKeyId, resource, context, 'KmsMasterKeyId');
  },
};
