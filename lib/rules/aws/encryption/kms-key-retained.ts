import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';

const RETAINING = ['Retain', 'RetainExceptOnCreate'];

/**
 * DP.ENC.3: a KMS key (or replica key) survives stack deletion and replacement: both
 * `DeletionPolicy` and `UpdateReplacePolicy` retain it. Deleting a key destroys every piece of
 * data encrypted under it. A policy chosen by `Fn::If` (the `AWS::LanguageExtensions` transform)
 * is resolved where its condition depends only on values the app defines.
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
  fix: 'Set removalPolicy: RemovalPolicy.RETAIN on the key (DataKey does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const policies: [string, unknown][] = [
      ['DeletionPolicy', resource.policies?.deletion ?? resource.deletionPolicy],
      ['UpdateReplacePolicy', resource.policies?.updateReplace ?? resource.updateReplacePolicy],
    ];
    const lost: string[] = [];
    for (const [name, raw] of policies) {
      const r = resolveValue(raw, resource.stackPath, context.lookup);
      if (!r.known) return unverifiable(`${name} is ${r.why}`);
      if (!RETAINING.includes(String(r.value))) lost.push(`${name} ${r.value === undefined ? 'unset (Delete)' : String(r.value)}`);
    }
    return lost.length === 0 ? compliant('DeletionPolicy and UpdateReplacePolicy retain the key') : nonCompliant(lost.join(', '));
  },
};
