import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict } from '../private/values';

/**
 * DP.ENC.2: a Secrets Manager secret is encrypted with a customer-managed key (without `KmsKeyId`
 * it uses `aws/secretsmanager`).
 */
export const SecretCMK: ResourceRule = {
  name: 'SecretCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  level: Severity.ERROR,
  fix: 'Pass encryptionKey: a customer-managed key (DataKey) to the secret.',
  info: 'The Secrets Manager secret is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    return customerManagedKeyVerdict(p.KmsKeyId, resource, context);
  },
};
