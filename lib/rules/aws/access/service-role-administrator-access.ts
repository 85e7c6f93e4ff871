import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { isIntrinsic, unknownValue } from '../private/values';

const ADMIN_POLICY = /:iam::aws:policy\/AdministratorAccess$/;

/** Stands in the text of an ARN for a part whose value is not known. */
const UNKNOWN_PART = '\u0000';

/**
 * Pseudo parameters that cannot turn an ARN into the AWS-managed AdministratorAccess, read as a
 * value of their form: the partition only ever fills the partition field (which the pattern
 * ignores; `aws` where it could land elsewhere), an account ID is twelve digits, never `aws`.
 */
const PSEUDO_PARTS: { readonly [name: string]: string } = { 'AWS::Partition': 'aws', 'AWS::AccountId': '000000000000' };

/** The pieces a managed policy ARN is built from by `Fn::Join` or `Fn::Sub`, as template values. */
function arnParts(arn: unknown): unknown[] | undefined {
  const join = (arn as any)?.['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].flatMap((p: unknown, i: number) => (i === 0 ? [p] : [join[0], p]));
  }
  const sub = (arn as any)?.['Fn::Sub'];
  const [template, variables] = Array.isArray(sub) ? sub : [sub, {}];
  if (typeof template !== 'string') return undefined;
  return template.split(/(\$\{[^}]*\})/).map((piece, i) => {
    if (i % 2 === 0) return piece;
    const name = piece.slice(2, -1);
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (variables && typeof variables === 'object' && name in variables) return (variables as Record<string, unknown>)[name];
    if (name.includes('.') && !name.startsWith('AWS::')) return { 'Fn::GetAtt': [name.split('.')[0], name.split('.').slice(1).join('.')] };
    return { Ref: name };
  });
}

/**
 * The text of a managed policy ARN as far as the app tells (parameter defaults resolved), each part
 * it cannot know standing as UNKNOWN_PART, and the first such part; `text` undefined when not even
 * the ARN's shape is known.
 */
function arnText(arn: unknown, resource: ResourceView, context: RuleContext): { readonly text?: string; readonly unknownPart?: unknown } {
  const whole = resolveValue(arn, resource.stackPath, context.lookup);
  if (whole.known && typeof whole.value === 'string') return { text: whole.value };
  const parts = arnParts(arn);
  if (!parts) return { unknownPart: arn };
  let unknownPart: unknown;
  const text = parts.map((part) => {
    const r = resolveValue(part, resource.stackPath, context.lookup);
    if (r.known && (typeof r.value === 'string' || typeof r.value === 'number')) return String(r.value);
    const pseudo = (part as any)?.Ref;
    if (typeof pseudo === 'string' && PSEUDO_PARTS[pseudo] !== undefined) return PSEUDO_PARTS[pseudo];
    unknownPart = unknownPart ?? part;
    return UNKNOWN_PART;
  }).join('');
  return { text, unknownPart };
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
    let unknown: { readonly label: string; readonly value: unknown } | undefined;
    for (const arn of arns) {
      const { text, unknownPart } = arnText(arn, resource, context);
      // The pattern holds no unknown part: a match is AdministratorAccess whatever the unknown parts are.
      if (text !== undefined && ADMIN_POLICY.test(text)) return nonCompliant('the service role carries the AdministratorAccess managed policy');
      // An unknown part anywhere else (the policy name, the `aws` account) could make it AdministratorAccess.
      if (unknownPart !== undefined) unknown = unknown ?? { label: unknownPart === arn ? 'a managed policy ARN' : 'part of a managed policy ARN', value: unknownPart };
    }
    return unknown !== undefined ? unknownValue(unknown.label, unknown.value, resource, context) : compliant('no AdministratorAccess among its managed policies');
  },
};
