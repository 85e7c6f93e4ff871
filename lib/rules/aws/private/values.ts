import { COMPLIANT, NON_COMPLIANT, RuleResult } from '../../../core/engine';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { classifyKmsKey, KeyKind } from './kms-key-ref';

import { boolValue, UNVERIFIABLE } from '../../../core/engine/verdict';

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

/** A key reference judged for DP.ENC.2: only a customer-managed key complies. */
export function customerManagedKeyVerdict(value: unknown, resource: ResourceView, context: RuleContext): RuleResult {
  switch (classifyKmsKey(value, resource, context)) {
    case KeyKind.CUSTOMER_MANAGED:
      return COMPLIANT;
    case KeyKind.UNRESOLVED:
      return [UNVERIFIABLE];
    default:
      return NON_COMPLIANT;
  }
}

/**
 * DP.ENC.2 for services with an "encrypted" switch plus an optional key: the switch must be on
 * and the key customer-managed (without a key the service uses its AWS-managed key).
 */
export function encryptedWithCustomerKey(
  encrypted: unknown, key: unknown, resource: ResourceView, context: RuleContext,
): RuleResult {
  const on = boolValue(encrypted, false);
  if (on === undefined) return [UNVERIFIABLE];
  if (!on) return NON_COMPLIANT;
  return customerManagedKeyVerdict(key, resource, context);
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
