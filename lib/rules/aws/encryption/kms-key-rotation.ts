import { NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';
import { flagVerdict, UNVERIFIABLE } from '../private/values';

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
  info: 'The KMS encryption key does not rotate automatically.',
  explanation: 'DP.ENC.3 promises that encryption keys rotate automatically. Set EnableKeyRotation: true '
    + '(kms.Key: enableKeyRotation) on a symmetric key; asymmetric keys cannot rotate automatically in KMS.',
  evaluate(resource: ResourceView): RuleResult {
    const p = resource.properties;
    const usage = p.KeyUsage ?? 'ENCRYPT_DECRYPT';
    if (typeof usage !== 'string') return [UNVERIFIABLE];
    if (usage !== 'ENCRYPT_DECRYPT') return NOT_APPLICABLE;
    const spec = p.KeySpec ?? 'SYMMETRIC_DEFAULT';
    if (typeof spec !== 'string') return [UNVERIFIABLE];
    if (spec !== 'SYMMETRIC_DEFAULT') return NON_COMPLIANT;
    return flagVerdict(p.EnableKeyRotation, false, true);
  },
};
