import { compliant, nonCompliant, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { azureTlsVersion } from '../private/tls';
import { isExpression, referrersOfType, unknownDetail, worstOf } from '../private/values';

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
    // Each parameter's value and where it is set (the server's default when no configuration sets it).
    const params = new Map<string, { value: unknown; from?: TerraformResourceView }>([
      ['require_secure_transport', { value: 'on' }], ['ssl_min_protocol_version', { value: 'TLSv1.2' }],
    ]);
    for (const c of referrersOfType(resource, ['azurerm_postgresql_flexible_server_configuration'], context.lookup)) {
      if (typeof c.config.name === 'string' && params.has(c.config.name.toLowerCase())) params.set(c.config.name.toLowerCase(), { value: c.config.value, from: c });
    }
    const said = (name: string) => {
      const p = params.get(name)!;
      if (!p.from) return `${name} = ${JSON.stringify(p.value)} (the default)`;
      return isExpression(p.value) ? unknownDetail(p.from, `${name} (${p.from.address}.value)`, p.value) : `${name} = ${JSON.stringify(p.value)} (${p.from.address})`;
    };
    const secure = params.get('require_secure_transport')!.value;
    const version = params.get('ssl_min_protocol_version')!.value;
    const tls = azureTlsVersion(version);
    const minimum = Number(context.policy.minTlsVersion);
    const transport: Verdict = typeof secure !== 'string' || isExpression(secure) ? unverifiable(said('require_secure_transport'))
      : secure.toLowerCase() === 'on' ? compliant(said('require_secure_transport'))
        : nonCompliant(`${said('require_secure_transport')}: the server accepts plaintext connections`);
    const floor: Verdict = tls === undefined ? unverifiable(said('ssl_min_protocol_version'))
      : tls >= minimum ? compliant(said('ssl_min_protocol_version'))
        : nonCompliant(`${said('ssl_min_protocol_version')}: below the policy's TLS ${context.policy.minTlsVersion}`);
    return worstOf([transport, floor]);
  },
};
