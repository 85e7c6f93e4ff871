import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { azureTlsVersion } from '../private/tls';
import { judgeSetting, UNVERIFIABLE } from '../private/values';

/** DP.ENC.1: a storage account accepts no TLS version older than the policy's minimum. */
export const AzureStorageMinTls: AzureResourceRule = {
  name: 'AzureStorageMinTls',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: "The storage account's min_tls_version is below the policy's minimum TLS version.",
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Set min_tls_version (GeoRedundantStorage '
    + 'sets it from the policy); when absent, azurerm 2.x means TLS1_0 and 3.x and later TLS1_2. A variable without a '
    + 'default or another expression is reported as [Unverifiable].',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    return judgeSetting(resource, 'storageMinTls', (value) => {
      const version = azureTlsVersion(value);
      if (version === undefined) return UNVERIFIABLE;
      return version >= Number(context.policy.minTlsVersion) ? COMPLIANT : NON_COMPLIANT;
    });
  },
};
