import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { nonCompliant, RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, unknownValue } from '../private/values';

/**
 * DP.ENC.2: an ECR repository uses KMS (or DSSE-KMS) encryption with a customer-managed key
 * (the default is AES256 with an AWS-owned key; KMS without a key uses `aws/ecr`).
 */
export const ECRRepositoryCMK: ResourceRule = {
  name: 'ECRRepositoryCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::ECR::Repository'],
  level: Severity.ERROR,
  fix: 'Set encryption: RepositoryEncryption.KMS with encryptionKey: a customer-managed key (DataKey).',
  info: 'The ECR repository is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const config = p.EncryptionConfiguration;
    if (config === undefined) return nonCompliant('no EncryptionConfiguration: AES256 with an AWS-owned key');
    if (isIntrinsic(config)) return unknownValue('EncryptionConfiguration', config, resource, context);
    const type = resolveValue(config.EncryptionType, resource.stackPath, context.lookup);
    if (!type.known || typeof type.value !== 'string') return unknownValue('EncryptionType', config.EncryptionType, resource, context);
    if (!type.value.startsWith('KMS')) return nonCompliant(`EncryptionType ${type.value}: an AWS-owned key`);
    return customerManagedKeyVerdict(config.KmsKey, resource, context, 'EncryptionConfiguration.KmsKey');
  },
};
