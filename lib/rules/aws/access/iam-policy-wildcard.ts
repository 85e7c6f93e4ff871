import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';
import { asList, isIntrinsic, UNVERIFIABLE, worstOf } from '../private/values';

/** Whether a statement allows every action (`*`, `*:*`, or any NotAction) on every resource. */
function isAdminStatement(s: any): boolean | undefined {
  if (isIntrinsic(s) || typeof s !== 'object' || s === null) return undefined;
  if (s.Effect !== 'Allow') return false;
  const allActions = s.NotAction !== undefined || asList(s.Action).some((a) => a === '*' || a === '*:*');
  const allResources = s.NotResource !== undefined || asList(s.Resource).some((r) => r === '*');
  return allActions && allResources;
}

function documentVerdict(doc: unknown): RuleResult {
  if (doc === undefined) return COMPLIANT;
  if (isIntrinsic(doc) || typeof doc !== 'object' || doc === null) return [UNVERIFIABLE];
  const verdicts = asList((doc as any).Statement).map((s): RuleResult => {
    const admin = isAdminStatement(s);
    if (admin === undefined) return [UNVERIFIABLE];
    return admin ? NON_COMPLIANT : COMPLIANT;
  });
  return worstOf(verdicts);
}

/**
 * DP.IAM.1: no IAM policy (stand-alone, managed, or inline on a role, user or group) allows every
 * action on every resource. `NotAction` with Allow counts as every action.
 */
export const IAMPolicyNoAdminWildcard: ResourceRule = {
  name: 'IAMPolicyNoAdminWildcard',
  controlId: 'DP.IAM.1',
  resourceTypes: [
    'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy',
    'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group',
  ],
  level: Severity.ERROR,
  info: 'The IAM policy allows every action on every resource.',
  explanation: 'DP.IAM.1 promises least privilege: each service may perform only its designated actions. '
    + 'Replace Action "*" (or NotAction) on Resource "*" with the actions and resources the service needs '
    + '(CDK grant methods do this).',
  evaluate(resource: ResourceView): RuleResult {
    const p = resource.properties;
    if (p.PolicyDocument !== undefined) return documentVerdict(p.PolicyDocument);
    if (p.Policies === undefined) return COMPLIANT;
    if (!Array.isArray(p.Policies)) return [UNVERIFIABLE];
    return worstOf(p.Policies.map((inline: any) => (isIntrinsic(inline) ? [UNVERIFIABLE] : documentVerdict(inline?.PolicyDocument))));
  },
};
