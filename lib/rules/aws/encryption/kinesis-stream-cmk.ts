import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { nonCompliant, RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, unknownValue } from '../private/values';

/**
 * DP.ENC.2: a Kinesis data stream uses KMS encryption with a customer-managed key
 * (`alias/aws/kinesis` is AWS-managed; no `StreamEncryption` means unencrypted).
 */
export const KinesisStreamCMK: ResourceRule = {
  name: 'KinesisStreamCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::Kinesis::Stream'],
  level: Severity.ERROR,
  fix: 'Set encryption: StreamEncryption.KMS with encryptionKey: a customer-managed key (DataKey).',
  info: 'The Kinesis data stream is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const enc = p.StreamEncryption;
    if (enc === undefined) return nonCompliant('no StreamEncryption: the stream is not encrypted with a customer-managed key');
    if (isIntrinsic(enc)) return unknownValue('StreamEncryption', enc, resource, context);
    const type = resolveValue(enc.EncryptionType, resource.stackPath, context.lookup);
    if (!type.known || typeof type.value !== 'string') return unknownValue('EncryptionType', enc.EncryptionType, resource, context);
    if (type.value !== 'KMS') return nonCompliant(`EncryptionType ${type.value}`);
    return customerManagedKeyVerdict(enc.KeyId, resource, context, 'StreamEncryption.KeyId');
  },
};
