import { tlsNumber } from './edge-tls';
import { compliant, failing, findingsResult, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzurermSetting, readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, isExpression, unknownDetail } from '../private/values';

const HTTPS_ONLY: { readonly [type: string]: AzurermSetting } = {
  azurerm_linux_web_app: 'linuxWebAppHttpsOnly',
  azurerm_windows_web_app: 'windowsWebAppHttpsOnly',
};

function webApp(app: TerraformResourceView, minimum: number, failures: Verdict[], evidence: string[]): void {
  const read = readSetting(app, HTTPS_ONLY[app.type]);
  const httpsOnly = read.configured?.value ?? false;
  const flag = boolValue(httpsOnly, false);
  if (flag === undefined) failures.push(unverifiable(unknownDetail(app, 'https_only', httpsOnly)));
  else if (!flag) failures.push(failing('PlaintextListener', `https_only ${read.configured ? '= false' : 'not set (default false)'}: the app answers plain HTTP instead of redirecting`));
  else evidence.push('HTTPS only');
  const site = block(app.config.site_config) ?? {};
  for (const key of ['minimum_tls_version', 'scm_minimum_tls_version']) {
    const raw = site[key] ?? '1.2';
    if (isExpression(raw)) { failures.push(unverifiable(unknownDetail(app, `site_config.${key}`, raw))); continue; }
    const version = tlsNumber(raw);
    if (version === undefined) failures.push(unverifiable(`site_config.${key} = ${JSON.stringify(raw)}`));
    else if (version < minimum) failures.push(failing('TlsPolicy', `site_config.${key} = ${JSON.stringify(raw)}`));
    else if (key === 'minimum_tls_version') evidence.push(`TLS >= ${raw}`);
  }
}

/** The TLS versions Container Apps ingress accepts: 1.2 and up; no argument raises the floor. */
const CONTAINER_APPS_MIN_TLS = 1.2;

function containerApp(app: TerraformResourceView, minimum: number, failures: Verdict[], evidence: string[]): boolean {
  const raw = app.config.ingress;
  if (isExpression(raw)) { failures.push(unverifiable(unknownDetail(app, 'ingress', raw))); return true; }
  const ingress = block(raw);
  if (!ingress) return false;
  const insecure = boolValue(ingress.allow_insecure_connections, false);
  if (insecure === undefined) failures.push(unverifiable(unknownDetail(app, 'ingress.allow_insecure_connections', ingress.allow_insecure_connections)));
  else if (insecure) failures.push(failing('PlaintextListener', 'ingress.allow_insecure_connections = true: the app answers plain HTTP'));
  else evidence.push('ingress redirects HTTP to HTTPS (Container Apps terminate TLS 1.2+)');
  if (CONTAINER_APPS_MIN_TLS < minimum) {
    failures.push(failing('TlsPolicy', `Container Apps ingress accepts TLS ${CONTAINER_APPS_MIN_TLS}, below the policy's ${minimum}, and has no argument to refuse it`));
  }
  return true;
}

/**
 * DP.ENC.1: apps answer only HTTPS: an App Service web app has `https_only` (default false) and
 * minimum TLS versions (`site_config.minimum_tls_version`, `scm_minimum_tls_version`, default 1.2) at
 * the policy's minimum; a container app's ingress does not allow insecure connections. Findings:
 * `[PlaintextListener]`, `[TlsPolicy]`.
 */
export const AzureAppTls: AzureResourceRule = {
  name: 'AzureAppTls',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_container_app'],
  covers: 'web apps (`https_only`, minimum TLS), container app ingress',
  level: Severity.ERROR,
  info: 'The app answers plain HTTP or accepts an old TLS version.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Set https_only = true (it defaults to false) and '
    + 'site_config.minimum_tls_version at the policy\'s minimum on web apps, and keep allow_insecure_connections false on '
    + 'container app ingress (ZoneRedundantApp does).',
  fix: 'Set https_only = true on web apps and allow_insecure_connections = false on container apps.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    const minimum = Number(context.policy.minTlsVersion);
    if (resource.type === 'azurerm_container_app') {
      if (!containerApp(resource, minimum, failures, evidence)) return NOT_APPLICABLE;
    } else {
      webApp(resource, minimum, failures, evidence);
    }
    return failures.length > 0 ? findingsResult(failures) : compliant(evidence.join('; '));
  },
};
