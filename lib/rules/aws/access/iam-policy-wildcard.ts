import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { COMPLIANT, nonCompliant, RuleResult, Severity } from '../../../core/engine';
import { asList, isIntrinsic, unknownValue, worstOf } from '../private/values';

/** Whether a statement allows every action (`*`, `*:*`, or any NotAction) on every resource. */
function isAdminStatement(s: any): boolean | undefined {
  if (isIntrinsic(s) || typeof s !== 'object' || s === null) return undefined;
  if (s.Effect !== 'Allow') return false;
  const allActions = s.NotAction !== undefined || asList(s.Action).some((a) => a === '*' || a === '*:*');
  const allResources = s.NotResource !== undefined || asList(s.Resource).some((r) => r === '*');
  return allActions && allResources;
}

function documentVerdict(doc: unknown, label: string, resource: ResourceView, context: RuleContext): RuleResult {
  if (doc === undefined) return COMPLIANT;
  if (isIntrinsic(doc) || typeof doc !== 'object' || doc === null) return unknownValue(label, doc, resource, context);
  const verdicts = asList((doc as any).Statement).map((s: any): RuleResult => {
    const admin = isAdminStatement(s);
    if (admin === undefined) return unknownValue(`a statement of ${label}`, s, resource, context);
    return admin ? nonCompliant(`${label} allows ${s.NotAction !== undefined ? 'everything but NotAction' : 'every action'} on every resource`) : COMPLIANT;
  });
  return worstOf(verdicts);
}

/**
 * DP.IAM.1: no IAM policy (stand-alone, managed, or inline on a role, user or group) allows every
 * action on every resource. `NotAction` with Allow counts as every action.
 */
/** How an inline policy is named in a finding: its name, resolved when the app defines it. */
function inlineName(name: unknown, resource: ResourceView, context: RuleContext): string {
  if (name === undefined) return 'inline policy';
  const r = resolveValue(name, resource.stackPath, context.lookup);
  return r.known && typeof r.value === 'string' ? `inline policy ${r.value}` : 'an inline policy (its name is computed at deployment)';
}

export const IAMPolicyNoAdminWildcard: ResourceRule = {
  name: 'IAMPolicyNoAdminWildcard',
  controlId: 'DP.IAM.1',
  resourceTypes: [
    'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy',
    'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group',
  ],
  level: Severity.ERROR,
  fix: 'Replace Action "*" (or NotAction) on Resource "*" with the actions and resources the principal needs (CDK grant methods do this).',
  info: 'The IAM policy allows every action on every resource.',
  explanation: 'DP.IAM.1 promises least privilege: each service may perform only its designated actions. '
    + 'Replace Action "*" (or NotAction) on Resource "*" with the actions and resources the service needs '
    + '(CDK grant methods do this).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    if (p.PolicyDocument !== undefined) return documentVerdict(p.PolicyDocument, 'PolicyDocument', resource, context);
    if (p.Policies === undefined) return COMPLIANT;
    if (!Array.isArray(p.Policies)) return unknownValue('Policies', p.Policies, resource, context);
    return worstOf(p.Policies.map((inline: any) => (isIntrinsic(inline) ? unknownValue('an inline policy', inline, resource, context)
      : documentVerdict(inline?.PolicyDocument, inlineName(inline?.PolicyName, resource, context), resource, context))));
  },
};
