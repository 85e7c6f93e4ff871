import { describeKmsKey, KeyKind } from './kms-key-ref';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, RuleResult, unverifiable, Verdict } from '../../../core/engine';

import { boolValue } from '../../../core/engine/verdict';

// The verdict helpers are the same on both clouds: they live in the engine.
export { boolValue, findingsResult, flagVerdict, UNVERIFIABLE, worstOf } from '../../../core/engine/verdict';

/** Why DP.ENC.2 exists and how to fix it: shared by every customer-managed-key rule. */
export const CUSTOMER_MANAGED_KEY_EXPLANATION = 'DP.ENC.2 promises that every data store is encrypted at rest with AES-256 '
  + 'under a key the customer controls (rotation, key policy, audit trail). AWS-owned and AWS-managed keys are AES-256 '
  + "but not customer-managed. Create a customer-managed kms.Key and pass it as the resource's encryption key. "
  + 'A key that comes from a parameter or from outside the app is reported as [Unverifiable] until acknowledged with a reason.';

/**
 * Whether a value is a CloudFormation intrinsic (`Ref`, `Fn::If`, `Fn::GetAtt`, ...) rather than a
 * literal object: a rule that would read fields of it must report it as unverifiable instead.
 */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

/**
 * A key reference judged for DP.ENC.2: only a customer-managed key complies. `property` names the
 * template property in the verdict's detail.
 */
export function customerManagedKeyVerdict(value: unknown, resource: ResourceView, context: RuleContext, property = 'KmsKeyId'): RuleResult {
  const key = describeKmsKey(value, resource, context);
  switch (key.kind) {
    case KeyKind.CUSTOMER_MANAGED:
      return compliant(`${property} is a customer-managed key`);
    case KeyKind.UNRESOLVED:
      return unverifiable(`${property} is ${key.why}`);
    case KeyKind.AWS_MANAGED:
      return nonCompliant(`${property} is an AWS-managed key (alias/aws/...), not a customer-managed one`);
    default:
      return nonCompliant(`no ${property}: the service encrypts with its AWS-owned or AWS-managed key`);
  }
}

/**
 * DP.ENC.2 for services with an "encrypted" switch plus an optional key: the switch must be on
 * and the key customer-managed (without a key the service uses its AWS-managed key). `names` are
 * the template's property names, for the verdicts' details.
 */
export function encryptedWithCustomerKey(
  encrypted: unknown, key: unknown, resource: ResourceView, context: RuleContext,
  names: { readonly encrypted: string; readonly key: string } = { encrypted: 'StorageEncrypted', key: 'KmsKeyId' },
): RuleResult {
  const r = resolveValue(encrypted, resource.stackPath, context.lookup);
  if (!r.known) return unverifiable(`${names.encrypted} is ${r.why}`);
  const on = boolValue(r.value, false);
  if (on === undefined) return unverifiable(`${names.encrypted} is ${JSON.stringify(r.value)}, not true or false`);
  if (!on) return nonCompliant(`${names.encrypted} is ${r.value === undefined ? 'not set' : 'false'}: the data is not encrypted at rest`);
  return customerManagedKeyVerdict(key, resource, context, names.key);
}

/**
 * The verdict on one boolean setting whose value the app may define (a parameter default): like
 * `flagVerdict`, with details naming the setting.
 */
export function settingVerdict(
  value: unknown, whenAbsent: boolean, compliantWhen: boolean, name: string, resource: ResourceView, context: RuleContext,
): RuleResult {
  const r = resolveValue(value, resource.stackPath, context.lookup);
  if (!r.known) return unverifiable(`${name} is ${r.why}`);
  const flag = boolValue(r.value, whenAbsent);
  if (flag === undefined) return unverifiable(`${name} is ${JSON.stringify(r.value)}, not true or false`);
  const shown = `${name} ${r.value === undefined ? `unset (${whenAbsent})` : String(flag)}${r.via ? ` (${r.via})` : ''}`;
  return flag === compliantWhen ? compliant(shown) : nonCompliant(shown);
}

/**
 * Unverifiable, naming the value and where it comes from: "`label` is parameter X, which has no
 * default" (or, for a value the app defines that the rule cannot read, what it is).
 */
export function unknownValue(label: string, value: unknown, resource: ResourceView, context: RuleContext): Verdict {
  const r = resolveValue(value, resource.stackPath, context.lookup);
  return unverifiable(`${label} is ${r.known ? `${JSON.stringify(r.value) ?? 'not set'}, which this rule cannot read` : r.why}`);
}

/** A value CloudFormation accepts as one item or a list (IAM `Action`, `Resource`, `Statement`), as a list. */
export function asList(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The value of a tag in a CloudFormation `Tags` list (`[{ Key, Value }]`), if literal. */
export function tagValue(tags: unknown, key: string): unknown {
  if (!Array.isArray(tags)) return undefined;
  return tags.find((t: any) => t && t.Key === key)?.Value;
}

/**
 * A named TLS policy judged against the policy's minimum TLS version: `raw` resolved (a parameter
 * default is the app's value), `fallback` when absent (the service default).
 */
export function tlsPolicyVerdict(
  table: { readonly [name: string]: number }, raw: unknown, fallback: string, label: string, resource: ResourceView, context: RuleContext,
): Verdict {
  const r = resolveValue(raw ?? fallback, resource.stackPath, context.lookup);
  if (!r.known) return unknownValue(label, raw, resource, context);
  const name = String(r.value);
  const lowest = table[name];
  if (lowest === undefined) return unverifiable(`${label} ${name} is not a policy this library knows; review its lowest TLS version`);
  const shown = `${label} ${name}${raw === undefined ? ' (the default)' : ''} accepts TLS ${lowest.toFixed(1)} and up`;
  return lowest >= Number(context.policy.minTlsVersion) ? compliant(shown) : nonCompliant(`${shown}; the policy asks for ${context.policy.minTlsVersion}`);
}
