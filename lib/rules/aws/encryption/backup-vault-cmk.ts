import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict } from '../private/values';

/**
 * DP.ENC.2: an AWS Backup vault encrypts recovery points with a customer-managed key (without
 * `EncryptionKeyArn` it uses `aws/backup`).
 */
export const BackupVaultCMK: ResourceRule = {
  name: 'BackupVaultCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::Backup::BackupVault'],
  level: Severity.ERROR,
  fix: 'Pass encryptionKey: a customer-managed key (DataKey) to the backup vault.',
  info: 'The AWS Backup vault does not encrypt recovery points with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    return customerManagedKeyVerdict(p.EncryptionKeyArn, resource, context, 'EncryptionKeyArn');
  },
};
