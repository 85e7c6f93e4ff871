import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: a Redshift cluster is encrypted with a customer-managed key.
 */
export const RedshiftClusterCMK: ResourceRule = {
  name: 'RedshiftClusterCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::Redshift::Cluster'],
  level: Severity.ERROR,
  fix: 'Set encrypted: true with encryptionKey: a customer-managed key (DataKey).',
  info: 'The Redshift cluster is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    return encryptedWithCustomerKey(p.Encrypted, p.KmsKeyId, resource, context, { encrypted: 'Encrypted', key: 'KmsKeyId' });
  },
};
