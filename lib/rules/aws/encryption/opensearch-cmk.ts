import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey, isIntrinsic, unknownValue } from '../private/values';

/**
 * DP.ENC.2: an OpenSearch (or Elasticsearch) domain is encrypted at rest with a customer-managed
 * key (without `KmsKeyId` the domain uses `aws/es`).
 */
export const OpenSearchCMK: ResourceRule = {
  name: 'OpenSearchCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  level: Severity.ERROR,
  fix: 'Set encryptionAtRest: { enabled: true, kmsKey } with a customer-managed key (DataKey).',
  info: 'The OpenSearch domain is not encrypted at rest with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const options = p.EncryptionAtRestOptions;
    if (isIntrinsic(options)) return unknownValue('EncryptionAtRestOptions', options, resource, context);
    return encryptedWithCustomerKey(options?.Enabled, options?.KmsKeyId, resource, context, { encrypted: 'EncryptionAtRestOptions.Enabled', key: 'EncryptionAtRestOptions.KmsKeyId' });
  },
};
