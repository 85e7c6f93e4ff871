import { NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, UNVERIFIABLE } from '../private/values';

/**
 * DP.ENC.2: an ECR repository uses KMS (or DSSE-KMS) encryption with a customer-managed key
 * (the default is AES256 with an AWS-owned key; KMS without a key uses `aws/ecr`).
 */
export const ECRRepositoryCMK: ResourceRule = {
  name: 'ECRRepositoryCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::ECR::Repository'],
  level: Severity.ERROR,
  info: 'The ECR repository is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const config = p.EncryptionConfiguration;
    if (config === undefined) return NON_COMPLIANT;
    if (isIntrinsic(config) || typeof config.EncryptionType !== 'string') return [UNVERIFIABLE];
    if (!config.EncryptionType.startsWith('KMS')) return NON_COMPLIANT;
    return customerManagedKeyVerdict(config.KmsKey, resource, context);
  },
};
