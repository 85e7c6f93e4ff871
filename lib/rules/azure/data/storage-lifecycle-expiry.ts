import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, blocks, isExpression, referrersOfType, boolValue, tfNumber, UNVERIFIABLE } from '../private/values';

const DELETE_AFTER = [
  'delete_after_days_since_modification_greater_than',
  'delete_after_days_since_creation_greater_than',
  'delete_after_days_since_last_access_time_greater_than',
];

/**
 * DP.DAT.1: when the policy sets a data end of life, a lifecycle management policy on the storage
 * account deletes blobs no later than that many days after they were written.
 */
export const AzureStorageLifecycleExpiry: AzureResourceRule = {
  name: 'AzureStorageLifecycleExpiry',
  controlId: 'DP.DAT.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: "No lifecycle rule deletes the account's blobs within the policy's dataEndOfLifeDays.",
  explanation: 'DP.DAT.1 promises a documented end of life for data. Declare an azurerm_storage_management_policy '
    + 'for the account with an enabled rule whose base_blob action deletes blobs after at most dataEndOfLifeDays days '
    + '(GeoRedundantStorage adds it when the policy sets dataEndOfLifeDays).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const limit = context.policy.dataEndOfLifeDays;
    if (limit === undefined) return NOT_APPLICABLE;
    const policies = referrersOfType(resource, ['azurerm_storage_management_policy'], context.lookup);
    let unverifiable = false;
    for (const policy of policies) {
      for (const rule of blocks(policy.config.rule)) {
        const enabled = boolValue(rule.enabled, true);
        const baseBlob = block(block(rule.actions)?.base_blob);
        if (enabled === undefined || isExpression(rule.actions)) {
          unverifiable = true;
          continue;
        }
        if (!enabled || !baseBlob) continue;
        for (const key of DELETE_AFTER) {
          if (baseBlob[key] === undefined) continue;
          const days = tfNumber(baseBlob[key]);
          if (days === undefined) unverifiable = true;
          else if (days <= limit) return COMPLIANT;
        }
      }
    }
    return unverifiable ? [UNVERIFIABLE] : NON_COMPLIANT;
  },
};
