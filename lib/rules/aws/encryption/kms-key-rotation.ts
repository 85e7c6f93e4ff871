import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { settingVerdict, unknownValue } from '../private/values';

/**
 * DP.ENC.3: a KMS key used for encryption rotates automatically. Signing and MAC keys do not
 * encrypt data (not applicable); asymmetric encryption keys cannot rotate automatically and so
 * cannot keep the promise (non-compliant).
 */
export const KMSKeyRotation: ResourceRule = {
  name: 'KMSKeyRotation',
  controlId: 'DP.ENC.3',
  resourceTypes: ['AWS::KMS::Key'],
  level: Severity.ERROR,
  fix: 'Set enableKeyRotation: true on a symmetric key (DataKey does).',
  info: 'The KMS encryption key does not rotate automatically.',
  explanation: 'DP.ENC.3 promises that encryption keys rotate automatically. Set EnableKeyRotation: true '
    + '(kms.Key: enableKeyRotation) on a symmetric key; asymmetric keys cannot rotate automatically in KMS.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const usage = resolveValue(p.KeyUsage ?? 'ENCRYPT_DECRYPT', resource.stackPath, context.lookup);
    if (!usage.known) return unknownValue('KeyUsage', p.KeyUsage, resource, context);
    if (usage.value !== 'ENCRYPT_DECRYPT') return NOT_APPLICABLE;
    const spec = resolveValue(p.KeySpec ?? 'SYMMETRIC_DEFAULT', resource.stackPath, context.lookup);
    if (!spec.known) return unknownValue('KeySpec', p.KeySpec, resource, context);
    if (spec.value !== 'SYMMETRIC_DEFAULT') return nonCompliant(`KeySpec ${String(spec.value)}: KMS cannot rotate asymmetric keys automatically`);
    return settingVerdict(p.EnableKeyRotation, false, true, 'EnableKeyRotation', resource, context);
  },
};
