import { NagMessageLevel, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView, RuleContext } from '../../rule';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: a DocumentDB cluster's storage is encrypted with a customer-managed key.
 */
export const DocumentDBClusterCMK: ResourceRule = {
  name: 'DocumentDBClusterCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  level: NagMessageLevel.ERROR,
  info: 'The DocumentDB cluster storage is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const p = resource.properties;
    return encryptedWithCustomerKey(p.StorageEncrypted, p.KmsKeyId, resource, context);
  },
};
