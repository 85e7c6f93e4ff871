import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: an RDS DB instance's storage is encrypted with a customer-managed key.
 * Aurora cluster members inherit the cluster's encryption (judged by AuroraClusterCMK), and a
 * read replica without its own key inherits its source's: both are not applicable here.
 */
export const RDSInstanceCMK: ResourceRule = {
  name: 'RDSInstanceCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::RDS::DBInstance'],
  level: Severity.ERROR,
  fix: 'Set storageEncrypted: true with storageEncryptionKey: a customer-managed key (DataKey).',
  info: 'The RDS DB instance storage is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    if (p.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    if (p.SourceDBInstanceIdentifier !== undefined && p.KmsKeyId === undefined) return NOT_APPLICABLE;
    return encryptedWithCustomerKey(p.StorageEncrypted, p.KmsKeyId, resource, context);
  },
};
