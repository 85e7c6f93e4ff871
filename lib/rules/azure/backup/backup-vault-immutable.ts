import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { judgeSetting, worstOf } from '../private/values';

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
    + 'again) and soft_delete "On" or "AlwaysOn". Default (absent) immutability is Disabled and soft delete is On; '
    + 'azurerm 3.x has no immutability argument at all.',
  evaluate(resource: TerraformResourceView): RuleResult {
    return worstOf([
      judgeSetting(resource, 'backupVaultImmutability', (v) => (v === 'Locked' ? COMPLIANT : NON_COMPLIANT)),
      judgeSetting(resource, 'backupVaultSoftDelete', (v) => (typeof v === 'string' && SOFT_DELETE_ON.includes(v) ? COMPLIANT : NON_COMPLIANT)),
    ]);
  },
};
