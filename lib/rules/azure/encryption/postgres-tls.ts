import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { azureTlsVersion } from '../private/tls';
import { isExpression, referrersOfType, UNVERIFIABLE, worstOf } from '../private/values';

/**
 * DP.ENC.1: a PostgreSQL flexible server requires TLS of at least the policy's version. The
 * server parameters `require_secure_transport` (default on) and `ssl_min_protocol_version`
 * (default TLSv1.2) are separate `azurerm_postgresql_flexible_server_configuration` resources.
 */
export const AzurePostgresTls: AzureResourceRule = {
  name: 'AzurePostgresTls',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: "The PostgreSQL server accepts plaintext connections or TLS older than the policy's minimum.",
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion. Keep the server parameter require_secure_transport "on" and set '
    + 'ssl_min_protocol_version to the policy\'s version (ProtectedPostgres sets both).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const params = new Map<string, unknown>([['require_secure_transport', 'on'], ['ssl_min_protocol_version', 'TLSv1.2']]);
    for (const c of referrersOfType(resource, ['azurerm_postgresql_flexible_server_configuration'], context.lookup)) {
      if (typeof c.config.name === 'string' && params.has(c.config.name.toLowerCase())) params.set(c.config.name.toLowerCase(), c.config.value);
    }
    const secure = params.get('require_secure_transport');
    const version = params.get('ssl_min_protocol_version');
    return worstOf([
      typeof secure !== 'string' || isExpression(secure) ? [UNVERIFIABLE]
        : secure.toLowerCase() === 'on' ? COMPLIANT : NON_COMPLIANT,
      azureTlsVersion(version) === undefined ? [UNVERIFIABLE]
        : azureTlsVersion(version)! >= Number(context.policy.minTlsVersion) ? COMPLIANT : NON_COMPLIANT,
    ]);
  },
};
