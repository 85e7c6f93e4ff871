import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: an RDS / Aurora DB cluster's storage is encrypted with a customer-managed key.
 */
export const AuroraClusterCMK: ResourceRule = {
  name: 'AuroraClusterCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::RDS::DBCluster'],
  level: Severity.ERROR,
  fix: 'Set storageEncrypted: true with storageEncryptionKey: a customer-managed key (DataKey).',
  info: 'The DB cluster storage is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    return encryptedWithCustomerKey(resource.properties.StorageEncrypted, resource.properties.KmsKeyId, resource, context);
  },
};
