import { RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: an EBS volume is encrypted with a customer-managed key. Without `KmsKeyId` an
 * encrypted volume uses the account's default EBS key, which the template cannot show to be
 * customer-managed.
 */
export const EBSVolumeCMK: ResourceRule = {
  name: 'EBSVolumeCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::EC2::Volume'],
  level: Severity.ERROR,
  info: 'The EBS volume is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    return encryptedWithCustomerKey(resource.properties.Encrypted, resource.properties.KmsKeyId, resource, context);
  },
};
