import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: an EFS file system is encrypted with a customer-managed key (without `KmsKeyId`
 * EFS uses the AWS-managed `aws/elasticfilesystem` key).
 */
export const EFSFileSystemCMK: ResourceRule = {
  name: 'EFSFileSystemCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::EFS::FileSystem'],
  level: Severity.ERROR,
  fix: 'Set encrypted: true with kmsKey: a customer-managed key (DataKey).',
  info: 'The EFS file system is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    return encryptedWithCustomerKey(resource.properties.Encrypted, resource.properties.KmsKeyId, resource, context, { encrypted: 'Encrypted', key: 'KmsKeyId' });
  },
};
