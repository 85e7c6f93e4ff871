import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView, RuleContext } from '../../rule';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, UNVERIFIABLE } from '../private/values';

/**
 * DP.ENC.2: an ECR repository uses KMS (or DSSE-KMS) encryption with a customer-managed key
 * (the default is AES256 with an AWS-owned key; KMS without a key uses `aws/ecr`).
 */
export const ECRRepositoryCMK: ResourceRule = {
  name: 'ECRRepositoryCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::ECR::Repository'],
  level: NagMessageLevel.ERROR,
  info: 'The ECR repository is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const p = resource.properties;
    const config = p.EncryptionConfiguration;
    if (config === undefined) return NagRuleCompliance.NON_COMPLIANT;
    if (isIntrinsic(config) || typeof config.EncryptionType !== 'string') return [UNVERIFIABLE];
    if (!config.EncryptionType.startsWith('KMS')) return NagRuleCompliance.NON_COMPLIANT;
    return customerManagedKeyVerdict(config.KmsKey, resource, context);
  },
};
