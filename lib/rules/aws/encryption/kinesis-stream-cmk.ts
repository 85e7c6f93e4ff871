import { NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, UNVERIFIABLE } from '../private/values';

/**
 * DP.ENC.2: a Kinesis data stream uses KMS encryption with a customer-managed key
 * (`alias/aws/kinesis` is AWS-managed; no `StreamEncryption` means unencrypted).
 */
export const KinesisStreamCMK: ResourceRule = {
  name: 'KinesisStreamCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::Kinesis::Stream'],
  level: Severity.ERROR,
  info: 'The Kinesis data stream is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const enc = p.StreamEncryption;
    if (enc === undefined) return NON_COMPLIANT;
    if (isIntrinsic(enc) || typeof enc.EncryptionType !== 'string') return [UNVERIFIABLE];
    if (enc.EncryptionType !== 'KMS') return NON_COMPLIANT;
    return customerManagedKeyVerdict(enc.KeyId, resource, context);
  },
};
