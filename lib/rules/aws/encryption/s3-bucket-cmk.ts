import { NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, UNVERIFIABLE, worstOf } from '../private/values';

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
  info: 'The S3 bucket is not encrypted by default with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const encryption = resource.properties.BucketEncryption;
    if (encryption === undefined) return NON_COMPLIANT;
    const config = isIntrinsic(encryption) ? undefined : encryption.ServerSideEncryptionConfiguration;
    if (!Array.isArray(config) || config.length === 0) return [UNVERIFIABLE];
    const verdicts = config.map((rule: any): RuleResult => {
      if (isIntrinsic(rule)) return [UNVERIFIABLE];
      const byDefault = rule?.ServerSideEncryptionByDefault;
      if (byDefault === undefined) return NON_COMPLIANT;
      if (isIntrinsic(byDefault)) return [UNVERIFIABLE];
      const algorithm = byDefault.SSEAlgorithm;
      if (typeof algorithm !== 'string') return [UNVERIFIABLE];
      if (!KMS_ALGORITHMS.includes(algorithm)) return NON_COMPLIANT;
      return customerManagedKeyVerdict(byDefault.KMSMasterKeyID, resource, context);
    });
    return worstOf(verdicts);
  },
};
