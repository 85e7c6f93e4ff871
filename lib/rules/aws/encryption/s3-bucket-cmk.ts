import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { nonCompliant, RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, unknownValue, worstOf } from '../private/values';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/**
 * DP.ENC.2: an S3 bucket's default encryption uses SSE-KMS (or DSSE-KMS) with a customer-managed key.
 * A bucket without an encryption configuration gets SSE-S3, which is not customer-managed.
 */
export const S3BucketCMK: ResourceRule = {
  name: 'S3BucketCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::S3::Bucket'],
  level: Severity.ERROR,
  fix: 'Set encryption: BucketEncryption.KMS with encryptionKey: a customer-managed key (SecureBucket does).',
  info: 'The S3 bucket is not encrypted by default with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const encryption = resource.properties.BucketEncryption;
    if (encryption === undefined) return nonCompliant('no BucketEncryption: S3 encrypts with SSE-S3 (an AWS-owned key)');
    const config = isIntrinsic(encryption) ? undefined : encryption.ServerSideEncryptionConfiguration;
    if (!Array.isArray(config) || config.length === 0) return unknownValue('BucketEncryption', encryption, resource, context);
    const verdicts = config.map((rule: any): RuleResult => {
      if (isIntrinsic(rule)) return unknownValue('a ServerSideEncryptionConfiguration rule', rule, resource, context);
      const byDefault = rule?.ServerSideEncryptionByDefault;
      if (byDefault === undefined) return nonCompliant('no ServerSideEncryptionByDefault: S3 encrypts with SSE-S3');
      if (isIntrinsic(byDefault)) return unknownValue('ServerSideEncryptionByDefault', byDefault, resource, context);
      const algorithm = resolveValue(byDefault.SSEAlgorithm, resource.stackPath, context.lookup);
      if (!algorithm.known || typeof algorithm.value !== 'string') return unknownValue('SSEAlgorithm', byDefault.SSEAlgorithm, resource, context);
      if (!KMS_ALGORITHMS.includes(algorithm.value)) return nonCompliant(`SSEAlgorithm ${algorithm.value}: an AWS-owned key, not a customer-managed one`);
      return customerManagedKeyVerdict(byDefault.KMSMasterKeyID, resource, context, 'KMSMasterKeyID');
    });
    return worstOf(verdicts);
  },
};
