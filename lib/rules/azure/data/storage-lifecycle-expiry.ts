import { COMPLIANT, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, blocks, boolValue, isExpression, referrersOfType, tfNumber } from '../private/values';

/** The base-blob actions of a management-policy rule that delete current blobs, each after a number of days. */
export const DELETE_AFTER = [
  'delete_after_days_since_modification_greater_than',
  'delete_after_days_since_creation_greater_than',
  'delete_after_days_since_last_access_time_greater_than',
];

/** What one lifecycle rule does for the account's current block blobs. */
type RuleReach = { covers: true } | { covers: false; why?: string } | { unknown: string };

/**
 * Whether a management-policy rule deletes every current block blob of the account within
 * `limit` days: enabled, for block blobs, not narrowed to a prefix or a blob index tag, with a
 * base-blob delete action.
 */
function reach(rule: { [key: string]: any }, limit: number): RuleReach {
  const name = typeof rule.name === 'string' ? `rule "${rule.name}"` : 'a rule';
  const enabled = boolValue(rule.enabled, true);
  if (enabled === undefined) return { unknown: `${name} is enabled by ${rule.enabled}` };
  if (!enabled) return { covers: false };
  if (isExpression(rule.filters) || isExpression(rule.actions)) return { unknown: `${name} has filters or actions from an expression` };
  const filters = block(rule.filters);
  const types = filters?.blob_types;
  if (isExpression(types) || (Array.isArray(types) && types.some(isExpression))) return { unknown: `${name} has blob_types from an expression` };
  if (Array.isArray(types) && !types.includes('blockBlob')) return { covers: false, why: `${name} applies only to ${types.join(', ')}` };
  const prefixes = filters?.prefix_match;
  if (isExpression(prefixes)) return { unknown: `${name} has prefix_match ${prefixes}` };
  if (Array.isArray(prefixes) && prefixes.length > 0) return { covers: false, why: `${name} deletes only blobs under ${prefixes.join(', ')}` };
  const tags = filters?.match_blob_index_tag;
  if (isExpression(tags)) return { unknown: `${name} has match_blob_index_tag ${tags}` };
  const tagFilters = blocks(tags);
  if (tagFilters.length > 0) {
    const which = tagFilters.map((t) => `${t.name}${t.operation ?? '=='}${t.value}`).join(' and ');
    return { covers: false, why: `${name} deletes only blobs tagged ${which}` };
  }
  const baseBlob = block(block(rule.actions)?.base_blob);
  if (!baseBlob) return { covers: false, why: `${name} deletes no current blobs (only snapshots or versions)` };
  let unknown: string | undefined;
  let longest: number | undefined;
  for (const key of DELETE_AFTER) {
    if (baseBlob[key] === undefined) continue;
    const days = tfNumber(baseBlob[key]);
    if (days === undefined) unknown = `${name} has ${key} = ${baseBlob[key]}`;
    else if (days >= 0 && days <= limit) return { covers: true };
    else if (days >= 0) longest = Math.max(longest ?? 0, days);
  }
  if (unknown) return { unknown };
  return { covers: false, why: longest !== undefined ? `${name} deletes after ${longest} days` : `${name} deletes no current blobs` };
}

/**
 * DP.DAT.1: when the policy sets a data end of life, a lifecycle management policy on the storage
 * account deletes every blob no later than that many days after it was written. A rule narrowed to
 * a prefix or a blob index tag, or to append blobs, gives the rest of the account no end of life.
 */
export const AzureStorageLifecycleExpiry: AzureResourceRule = {
  name: 'AzureStorageLifecycleExpiry',
  controlId: 'DP.DAT.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: "No lifecycle rule deletes all of the account's blobs within the policy's dataEndOfLifeDays.",
  explanation: 'DP.DAT.1 promises a documented end of life for data. Declare an azurerm_storage_management_policy '
    + 'for the account with an enabled rule for block blobs, without prefix_match or match_blob_index_tag filters, whose '
    + 'base_blob action deletes blobs after at most dataEndOfLifeDays days (GeoRedundantStorage adds it when the policy '
    + 'sets dataEndOfLifeDays).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const limit = context.policy.dataEndOfLifeDays;
    if (limit === undefined) return NOT_APPLICABLE;
    const policies = referrersOfType(resource, ['azurerm_storage_management_policy'], context.lookup);
    const unknowns: string[] = [];
    const partial: string[] = [];
    for (const policy of policies) {
      if (isExpression(policy.config.rule)) {
        unknowns.push(`${policy.address} has rules from an expression`);
        continue;
      }
      for (const rule of blocks(policy.config.rule)) {
        const r = reach(rule, limit);
        if ('unknown' in r) {
          unknowns.push(`${policy.address}: ${r.unknown}`);
        } else if (r.covers) {
          if (policy.uncertainExistence === undefined) return COMPLIANT;
          unknowns.push(`${policy.address} may not exist: ${policy.uncertainExistence}`);
        } else if (r.why) {
          partial.push(r.why);
        }
      }
    }
    if (unknowns.length > 0) return unverifiable(unknowns.join('; '));
    return nonCompliant(partial.length > 0 ? `${partial.join('; ')}: the rest of the account is kept forever` : undefined);
  },
};
