import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { isExpression, UNVERIFIABLE } from '../private/values';
import { azureTlsVersion } from '../private/tls';

/** azurerm 4.x writes TLS1_2 when min_tls_version is absent. */
const PROVIDER_DEFAULT = 'TLS1_2';

/** DP.ENC.1: a storage account accepts no TLS version older than the policy's minimum. */
export const AzureStorageMinTls: AzureResourceRule = {
  name: 'AzureStorageMinTls',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: "The storage account's min_tls_version is below the policy's minimum TLS version.",
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Set min_tls_version (GeoRedundantStorage '
    + 'sets it from the policy). A variable or expression is reported as [Unverifiable].',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const value = resource.config.min_tls_version ?? PROVIDER_DEFAULT;
    if (isExpression(value)) return [UNVERIFIABLE];
    const version = azureTlsVersion(value);
    if (version === undefined) return [UNVERIFIABLE];
    return version >= Number(context.policy.minTlsVersion) ? COMPLIANT : NON_COMPLIANT;
  },
};
