import { ResourceView, RuleContext } from '../../rule';

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
const CUSTOMER_KEY_TEXT = /(^|:)(key\/|alias\/)/;
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

function classify(value: unknown, stackPath: string, context: RuleContext, hops: number): KeyKind {
  if (value === undefined || value === null || value === '') return KeyKind.ABSENT;
  if (hops > MAX_HOPS) return KeyKind.UNRESOLVED;
  if (typeof value === 'string') {
    return AWS_MANAGED_ALIAS.test(value) ? KeyKind.AWS_MANAGED : KeyKind.CUSTOMER_MANAGED;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return KeyKind.UNRESOLVED;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) return KeyKind.UNRESOLVED;
  const [fn, arg] = entries[0];
  switch (fn) {
    case 'Ref':
      return typeof arg === 'string' ? classifyTarget(arg, stackPath, context, hops) : KeyKind.UNRESOLVED;
    case 'Fn::GetAtt': {
      const target = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
      return typeof target === 'string' ? classifyTarget(target, stackPath, context, hops) : KeyKind.UNRESOLVED;
    }
    case 'Fn::ImportValue': {
      if (typeof arg !== 'string') return KeyKind.UNRESOLVED;
      const exported = context.lookup.exportedValue(arg);
      return exported ? classify(exported.value, exported.stackPath, context, hops + 1) : KeyKind.UNRESOLVED;
    }
    case 'Fn::Sub': {
      // `!Sub '${Key.Arn}'` is just a reference; anything richer is judged by its literal text.
      const template = Array.isArray(arg) ? arg[0] : arg;
      const variables = Array.isArray(arg) && typeof arg[1] === 'object' ? arg[1] as Record<string, unknown> : {};
      const single = typeof template === 'string' ? /^\$\{([^}!][^}]*)\}$/.exec(template) : null;
      if (single) {
        const name = single[1];
        if (name in variables) return classify(variables[name], stackPath, context, hops + 1);
        return classifyTarget(name.split('.')[0], stackPath, context, hops);
      }
      return classifyText(literalText(fn, arg));
    }
    case 'Fn::Join':
      return classifyText(literalText(fn, arg));
    default:
      return KeyKind.UNRESOLVED;
  }
}

function classifyTarget(logicalId: string, stackPath: string, context: RuleContext, hops: number): KeyKind {
  const target = context.lookup.resource(stackPath, logicalId);
  if (!target) return KeyKind.UNRESOLVED; // a parameter or pseudo parameter
  if (KEY_TYPES.has(target.type)) return KeyKind.CUSTOMER_MANAGED;
  if (target.type === 'AWS::KMS::Alias') {
    return classify(target.properties.TargetKeyId, stackPath, context, hops + 1);
  }
  return KeyKind.UNRESOLVED;
}

/** The literal parts of a `Fn::Join` / `Fn::Sub`, with every non-literal part blanked out. */
function literalText(fn: string, arg: unknown): string | undefined {
  if (fn === 'Fn::Join') {
    if (!Array.isArray(arg) || arg.length !== 2 || !Array.isArray(arg[1])) return undefined;
    const sep = typeof arg[0] === 'string' ? arg[0] : '';
    return arg[1].map((part: unknown) => (typeof part === 'string' ? part : '\u0000')).join(sep);
  }
  const template = Array.isArray(arg) ? arg[0] : arg;
  return typeof template === 'string' ? template.replace(/\$\{[^}]*\}/g, '\u0000') : undefined;
}

function classifyText(text: string | undefined): KeyKind {
  if (text === undefined) return KeyKind.UNRESOLVED;
  if (AWS_MANAGED_ALIAS.test(text)) return KeyKind.AWS_MANAGED;
  if (CUSTOMER_KEY_TEXT.test(text)) return KeyKind.CUSTOMER_MANAGED;
  return KeyKind.UNRESOLVED;
}
