import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { isIntrinsic, unknownValue } from '../private/values';

const ADMIN_POLICY = /:iam::aws:policy\/AdministratorAccess$/;

/** The literal text of a managed policy ARN, with intrinsic parts blanked out. */
function arnText(arn: unknown): string | undefined {
  if (typeof arn === 'string') return arn;
  const join = (arn as any)?.['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map((p: unknown) => (typeof p === 'string' ? p : '')).join(join[0]);
  const sub = (arn as any)?.['Fn::Sub'];
  if (typeof sub === 'string') return sub.replace(/\$\{[^}]*\}/g, '');
  return undefined;
}

function isServiceRole(trust: any): boolean | undefined {
  if (isIntrinsic(trust) || !trust) return undefined;
  const statements = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
  return statements.some((s: any) => s?.Principal?.Service !== undefined);
}

/**
 * DP.IAM.1: a role that an AWS service assumes does not carry the AdministratorAccess managed policy.
 */
export const ServiceRoleNoAdministratorAccess: ResourceRule = {
  name: 'ServiceRoleNoAdministratorAccess',
  controlId: 'DP.IAM.1',
  resourceTypes: ['AWS::IAM::Role'],
  level: Severity.ERROR,
  fix: 'Replace AdministratorAccess on the service role with the permissions the service needs.',
  info: 'A service role has the AdministratorAccess managed policy.',
  explanation: 'DP.IAM.1 promises that services perform only their designated actions. Replace '
    + 'AdministratorAccess on the service role with the permissions the service needs.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const service = isServiceRole(p.AssumeRolePolicyDocument);
    if (service === undefined) return unknownValue('AssumeRolePolicyDocument', p.AssumeRolePolicyDocument, resource, context);
    if (!service) return NOT_APPLICABLE;
    const arns = p.ManagedPolicyArns;
    if (arns === undefined) return compliant('no managed policies');
    if (!Array.isArray(arns)) return unknownValue('ManagedPolicyArns', arns, resource, context);
    let unknown: unknown;
    for (const arn of arns) {
      const resolved = resolveValue(arn, resource.stackPath, context.lookup);
      const text = resolved.known && typeof resolved.value === 'string' ? resolved.value : arnText(arn);
      if (text === undefined) unknown = unknown ?? arn;
      else if (ADMIN_POLICY.test(text)) return nonCompliant('the service role carries the AdministratorAccess managed policy');
    }
    // A managed policy passed as a parameter could be AdministratorAccess.
    return unknown !== undefined ? unknownValue('a managed policy ARN', unknown, resource, context) : compliant('no AdministratorAccess among its managed policies');
  },
};
