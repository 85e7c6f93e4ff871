import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';

const RETAINING = ['Retain', 'RetainExceptOnCreate'];

/**
 * DP.ENC.3: a KMS key (or replica key) survives stack deletion and replacement: both
 * `DeletionPolicy` and `UpdateReplacePolicy` retain it. Deleting a key destroys every piece of
 * data encrypted under it.
 */
export const KMSKeyRetained: ResourceRule = {
  name: 'KMSKeyRetained',
  controlId: 'DP.ENC.3',
  resourceTypes: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'],
  level: Severity.ERROR,
  info: 'The KMS key would be scheduled for deletion when its stack is deleted or the key is replaced.',
  explanation: 'DP.ENC.3 promises that keys are never deleted with the stack: a deleted key makes every '
    + 'backup and data store encrypted under it unreadable. Set DeletionPolicy and UpdateReplacePolicy to '
    + 'Retain (kms.Key: removalPolicy: RemovalPolicy.RETAIN).',
  evaluate(resource: ResourceView): RuleResult {
    const retained = (policy: string | undefined) => policy !== undefined && RETAINING.includes(policy);
    return retained(resource.deletionPolicy) && retained(resource.updateReplacePolicy)
      ? COMPLIANT
      : NON_COMPLIANT;
  },
};
