import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceView, RuleContext } from '../../rule';
import { classifyKmsKey, KeyKind } from './kms-key-ref';

/**
 * The finding reported when a value the rule depends on is a parameter, a condition or an
 * import from outside the app. Unresolved is never compliant: it needs a person's review,
 * recorded as an acknowledgement of `DataProtection-<Rule>[Unverifiable]` with a reason.
 */
export const UNVERIFIABLE = 'Unverifiable';

/** Why DP.ENC.2 exists and how to fix it: shared by every customer-managed-key rule. */
export const CUSTOMER_MANAGED_KEY_EXPLANATION = 'DP.ENC.2 promises that every data store is encrypted at rest with AES-256 '
  + 'under a key the customer controls (rotation, key policy, audit trail). AWS-owned and AWS-managed keys are AES-256 '
  + "but not customer-managed. Create a customer-managed kms.Key and pass it as the resource's encryption key. "
  + 'A key that comes from a parameter or from outside the app is reported as [Unverifiable] until acknowledged with a reason.';

/**
 * The verdict on one boolean property: compliant when it is `compliantWhen`, non-compliant when it
 * is the opposite, unverifiable when unresolved. `whenAbsent` is the service's default.
 */
export function flagVerdict(value: unknown, whenAbsent: boolean, compliantWhen: boolean): NagRuleResult {
  const flag = boolValue(value, whenAbsent);
  if (flag === undefined) return [UNVERIFIABLE];
  return flag === compliantWhen ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/**
 * Whether a value is a CloudFormation intrinsic (`Ref`, `Fn::If`, `Fn::GetAtt`, ...) rather than a
 * literal object: a rule that would read fields of it must report it as unverifiable instead.
 */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

/** A boolean property as CloudFormation accepts it (`true` or `"true"`); `undefined` when unresolved. */
export function boolValue(value: unknown, whenAbsent: boolean): boolean | undefined {
  if (value === undefined || value === null) return whenAbsent;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** A key reference judged for DP.ENC.2: only a customer-managed key complies. */
export function customerManagedKeyVerdict(value: unknown, resource: ResourceView, context: RuleContext): NagRuleResult {
  switch (classifyKmsKey(value, resource, context)) {
    case KeyKind.CUSTOMER_MANAGED:
      return NagRuleCompliance.COMPLIANT;
    case KeyKind.UNRESOLVED:
      return [UNVERIFIABLE];
    default:
      return NagRuleCompliance.NON_COMPLIANT;
  }
}

/**
 * DP.ENC.2 for services with an "encrypted" switch plus an optional key: the switch must be on
 * and the key customer-managed (without a key the service uses its AWS-managed key).
 */
export function encryptedWithCustomerKey(
  encrypted: unknown, key: unknown, resource: ResourceView, context: RuleContext,
): NagRuleResult {
  const on = boolValue(encrypted, false);
  if (on === undefined) return [UNVERIFIABLE];
  if (!on) return NagRuleCompliance.NON_COMPLIANT;
  return customerManagedKeyVerdict(key, resource, context);
}

/**
 * Combine verdicts on parts of one resource: any non-compliant part makes the whole non-compliant;
 * otherwise the finding names of the parts (e.g. Unverifiable) are reported once each.
 */
export function worstOf(verdicts: readonly NagRuleResult[]): NagRuleResult {
  if (verdicts.includes(NagRuleCompliance.NON_COMPLIANT)) return NagRuleCompliance.NON_COMPLIANT;
  const findings = new Set<string>();
  for (const v of verdicts) if (Array.isArray(v)) v.forEach((f) => findings.add(f));
  if (findings.size > 0) return [...findings];
  if (verdicts.length > 0 && verdicts.every((v) => v === NagRuleCompliance.NOT_APPLICABLE)) return NagRuleCompliance.NOT_APPLICABLE;
  return NagRuleCompliance.COMPLIANT;
}

/**
 * A rule that checks several independent aspects of one resource reports each failing aspect as
 * its own finding (`Rule[Aspect]`), acknowledgeable on its own; no failing aspect is compliance.
 */
export function findingsResult(failing: Iterable<string>): NagRuleResult {
  const list = [...new Set(failing)];
  return list.length === 0 ? NagRuleCompliance.COMPLIANT : list;
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
