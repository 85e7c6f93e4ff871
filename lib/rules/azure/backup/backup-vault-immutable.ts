import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { isExpression, UNVERIFIABLE } from '../private/values';

/** Soft-delete states that keep deleted recovery points. */
const SOFT_DELETE_ON = ['On', 'AlwaysOn'];

/** DP.BAK.7: a backup vault's recovery points cannot be deleted or shortened before they expire. */
export const AzureBackupVaultImmutable: AzureResourceRule = {
  name: 'AzureBackupVaultImmutable',
  controlId: 'DP.BAK.7',
  resourceTypes: ['azurerm_data_protection_backup_vault'],
  level: Severity.ERROR,
  info: 'The backup vault is not locked immutable or does not soft-delete recovery points.',
  explanation: 'DP.BAK.7 promises immutable backups. Set immutability "Locked" (an unlocked vault can be made mutable '
    + 'again) and soft_delete "On" or "AlwaysOn". Default (absent) immutability is Disabled and soft delete is On.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const immutability = resource.config.immutability ?? 'Disabled';
    const softDelete = resource.config.soft_delete ?? 'On';
    if (isExpression(immutability) || isExpression(softDelete)) return [UNVERIFIABLE];
    return immutability === 'Locked' && SOFT_DELETE_ON.includes(softDelete)
      ? COMPLIANT : NON_COMPLIANT;
  },
};
