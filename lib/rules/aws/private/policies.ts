import { asList, isIntrinsic } from './values';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { Resolution, resolveValue } from '../../../cloudformation/resolve';

/** The statements of resource policies, or why one of them cannot be read. */
export interface PolicyStatements {
  readonly statements: any[];
  /** Why a policy document is unknown (names it and where it comes from). */
  readonly unknown?: string;
}

/** The statements of the `property` documents of `policies` (values the app defines resolved). */
export function statementsOf(policies: readonly ResourceView[], property: string, context: RuleContext): PolicyStatements {
  const statements: any[] = [];
  for (const policy of policies) {
    const raw = policy.properties[property];
    const doc: Resolution = isIntrinsic(raw) ? resolveValue(raw, policy.stackPath, context.lookup) : { known: true, value: raw };
    if (!doc.known) return { statements, unknown: `the ${property} of ${policy.logicalId} is ${doc.why}` };
    const value = typeof doc.value === 'string' ? safeParse(doc.value) : doc.value;
    if (typeof value !== 'object' || value === null || isIntrinsic(value)) return { statements, unknown: `the ${property} of ${policy.logicalId} is not a policy document` };
    statements.push(...asList((value as any).Statement).filter((s) => s && typeof s === 'object'));
  }
  return { statements };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a principal is everyone (`*` or `{ AWS: '*' }`). */
export function isEveryone(principal: unknown): boolean {
  return principal === '*' || (typeof principal === 'object' && principal !== null && asList((principal as any).AWS).includes('*'));
}

/** Whether a statement denies everyone the given actions (any of `actions`, or `*`) when the request does not use TLS. */
export function deniesPlaintext(statement: any, actions: readonly string[]): boolean {
  const secure = statement.Condition?.Bool?.['aws:SecureTransport'];
  return statement.Effect === 'Deny' && isEveryone(statement.Principal) && (secure === false || secure === 'false')
    && asList(statement.Action).some((a) => a === '*' || actions.includes(String(a)));
}

/**
 * The literal text of an ARN-like value, with every part the template computes at deployment
 * replaced by U+0000: `{ Fn::Join: ['', [{ Fn::GetAtt: [B, Arn] }, '/*']] }` is `\0/*`.
 */
export function arnShape(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as any)?.['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map((p: unknown) => (typeof p === 'string' ? p : '\u0000')).join(typeof join[0] === 'string' ? join[0] : '');
  const sub = (value as any)?.['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  if (typeof template === 'string') return template.replace(/\$\{[^}]*\}/g, '\u0000');
  return '\u0000';
}

/** The bucket policies attached to a bucket, by reference or by its literal name. */
export function bucketPolicies(bucket: ResourceView, context: RuleContext): ResourceView[] {
  const TYPE = 'AWS::S3::BucketPolicy';
  const found = new Set(context.lookup.referrers(bucket).filter((r) => r.type === TYPE
    && referencedResource(r.properties.Bucket, r.stackPath, context.lookup) === bucket));
  const name = bucket.properties.BucketName;
  if (typeof name === 'string') context.lookup.withLiteralProperty(TYPE, 'Bucket', name).forEach((r) => found.add(r));
  return [...found];
}
