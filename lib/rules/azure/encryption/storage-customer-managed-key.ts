import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, certain, isExpression, referrersOfType, uncertainDetail, unknownDetail } from '../private/values';

/**
 * DP.ENC.2: a storage account encrypts with a customer-managed key, set inline
 * (`customer_managed_key`) or by an `azurerm_storage_account_customer_managed_key` resource.
 */
export const AzureStorageCustomerManagedKey: AzureResourceRule = {
  name: 'AzureStorageCustomerManagedKey',
  controlId: 'DP.ENC.2',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'The storage account is encrypted with a Microsoft-managed key, not a customer-managed key.',
  explanation: 'DP.ENC.2 promises encryption at rest under a key the customer controls. Set customer_managed_key '
    + '(GeoRedundantStorage does, with a key from a purge-protected Key Vault) or declare an '
    + 'azurerm_storage_account_customer_managed_key for the account (one switched off by count = 0 is no key).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const inline = resource.config.customer_managed_key;
    if (isExpression(inline)) return unverifiable(unknownDetail(resource, 'customer_managed_key', inline));
    const cmk = block(inline);
    if (cmk && (cmk.key_vault_key_id || cmk.managed_hsm_key_id)) return COMPLIANT;
    const separate = referrersOfType(resource, ['azurerm_storage_account_customer_managed_key'], context.lookup);
    if (certain(separate).length > 0) return COMPLIANT;
    const uncertain = uncertainDetail(separate);
    return uncertain ? unverifiable(uncertain) : NON_COMPLIANT;
  },
};
