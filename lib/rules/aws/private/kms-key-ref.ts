import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';

/** What a KMS key reference points at, as far as the templates tell. */
export enum KeyKind {
  /** No key given: the service falls back to an AWS-owned or AWS-managed key. */
  ABSENT = 'absent',
  /** A key the customer controls: a key of this app, a key ID/ARN, or a customer alias. */
  CUSTOMER_MANAGED = 'customer-managed',
  /** An AWS-managed key (`alias/aws/<service>`). */
  AWS_MANAGED = 'aws-managed',
  /** A parameter, a condition or an import from outside the app: cannot be told at synth time. */
  UNRESOLVED = 'unresolved',
}

const KEY_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::ReplicaKey']);
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;
const CUSTOMER_KEY_TEXT = /(^|:)key\//;
const ALIAS_NAME = /(?:^|:)alias\/(.*)$/;
// Stands for a part of a key reference only deployment knows.
const UNKNOWN_PART = '\u0000';
// A reference chain longer than this (alias -> export -> alias ...) is treated as unresolved.
const MAX_HOPS = 8;

/**
 * Classify a resolved KMS key reference (key ID, key ARN, alias name or ARN, or an intrinsic).
 *
 * Key IDs and key ARNs given as literals count as customer-managed: AWS-managed keys are addressed
 * by their `alias/aws/...` names, and a template cannot tell the two apart by ID alone.
 */
export function classifyKmsKey(value: unknown, resource: ResourceView, context: RuleContext): KeyKind {
  return classify(value, resource.stackPath, context, 0);
}

/** A key reference classified, with why it is unresolved (what the value is and where it comes from). */
export function describeKmsKey(value: unknown, resource: ResourceView, context: RuleContext): { readonly kind: KeyKind; readonly why?: string } {
  const kind = classifyKmsKey(value, resource, context);
  if (kind !== KeyKind.UNRESOLVED) return { kind };
  const r = resolveValue(value, resource.stackPath, context.lookup);
  return { kind, why: r.known ? `${JSON.stringify(r.value)}, which names no key this library can classify` : r.why };
}

function classify(value: unknown, stackPath: string, context: RuleContext, hops: number): KeyKind {
  if (value === undefined || value === null || value === '') return KeyKind.ABSENT;
  if (hops > MAX_HOPS) return KeyKind.UNRESOLVED;
  if (typeof value === 'string') {
    return AWS_MANAGED_ALIAS.test(value) ? KeyKind.AWS_MANAGED : KeyKind.CUSTOMER_MANAGED;
  }
  const target = referencedResource(value, stackPath, context.lookup);
  if (target) {
    if (KEY_TYPES.has(target.type)) return KeyKind.CUSTOMER_MANAGED;
    // Customer aliases cannot start with alias/aws/: judge the key the alias points at.
    if (target.type === 'AWS::KMS::Alias') return classify(target.properties.TargetKeyId, target.stackPath, context, hops + 1);
    return KeyKind.UNRESOLVED;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1) {
    const [fn, arg] = Object.entries(value)[0];
    if (fn === 'Fn::Sub' && Array.isArray(arg) && typeof arg[0] === 'string' && arg[1] && typeof arg[1] === 'object') {
      // `!Sub ['${K}', { K: value }]` is just `value`.
      const single = /^\$\{([^}!][^}]*)\}$/.exec(arg[0]);
      if (single && single[1] in arg[1]) return classify((arg[1] as Record<string, unknown>)[single[1]], stackPath, context, hops + 1);
    }
  }
  // A value the app defines (a parameter default, another stack's export of a literal ARN): its
  // text decides, not a guess from the parts written as literals.
  const resolved = resolveValue(value, stackPath, context.lookup);
  if (resolved.known) return typeof resolved.value === 'string' ? classify(resolved.value, stackPath, context, hops + 1) : KeyKind.UNRESOLVED;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1) {
    const [fn, arg] = Object.entries(value)[0];
    // Only deployment knows some part (`AWS::Partition`, a parameter without default): the text the
    // app defines may still name the key.
    if (fn === 'Fn::Join' || fn === 'Fn::Sub') return classifyText(knownText(fn, arg, stackPath, context));
  }
  return KeyKind.UNRESOLVED;
}

/** The text of a `Fn::Join` / `Fn::Sub`, each part the app defines filled in, every other part blanked out. */
function knownText(fn: string, arg: unknown, stackPath: string, context: RuleContext): string | undefined {
  const text = (part: unknown) => {
    const r = resolveValue(part, stackPath, context.lookup);
    return r.known && (typeof r.value === 'string' || typeof r.value === 'number') ? String(r.value) : UNKNOWN_PART;
  };
  if (fn === 'Fn::Join') {
    if (!Array.isArray(arg) || arg.length !== 2 || !Array.isArray(arg[1])) return undefined;
    const sep = typeof arg[0] === 'string' ? arg[0] : '';
    return arg[1].map(text).join(sep);
  }
  const template = Array.isArray(arg) ? arg[0] : arg;
  const variables: Record<string, unknown> = Array.isArray(arg) && arg[1] && typeof arg[1] === 'object' ? arg[1] : {};
  if (typeof template !== 'string') return undefined;
  return template.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (name in variables) return text(variables[name]);
    const [id, ...attribute] = name.split('.');
    return text(attribute.length > 0 && !name.startsWith('AWS::') ? { 'Fn::GetAtt': [id, attribute.join('.')] } : { Ref: name });
  });
}

function classifyText(text: string | undefined): KeyKind {
  if (text === undefined) return KeyKind.UNRESOLVED;
  if (AWS_MANAGED_ALIAS.test(text)) return KeyKind.AWS_MANAGED;
  const alias = ALIAS_NAME.exec(text);
  if (alias) {
    // Only a customer alias when its known start already rules out `aws/`: `alias/${Name}` may be alias/aws/sns.
    const knownStart = alias[1].split(UNKNOWN_PART)[0];
    return knownStart !== '' && !'aws/'.startsWith(knownStart) ? KeyKind.CUSTOMER_MANAGED : KeyKind.UNRESOLVED;
  }
  if (CUSTOMER_KEY_TEXT.test(text)) return KeyKind.CUSTOMER_MANAGED;
  return KeyKind.UNRESOLVED;
}
