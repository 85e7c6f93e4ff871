import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: a DocumentDB cluster's storage is encrypted with a customer-managed key.
 */
export const DocumentDBClusterCMK: ResourceRule = {
  name: 'DocumentDBClusterCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  level: Severity.ERROR,
  fix: 'Set storageEncrypted: true with kmsKey: a customer-managed key (DataKey).',
  info: 'The DocumentDB cluster storage is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    return encryptedWithCustomerKey(p.StorageEncrypted, p.KmsKeyId, resource, context);
  },
};
