import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, isExpression, unknownDetail } from '../private/values';

/** App Service's built-in authentication: v2 settings, else the legacy block. */
function judgeWebApp(app: TerraformResourceView): RuleResult {
  const v2raw = app.config.auth_settings_v2;
  const v1raw = app.config.auth_settings;
  if (isExpression(v2raw)) return unverifiable(unknownDetail(app, 'auth_settings_v2', v2raw));
  if (isExpression(v1raw)) return unverifiable(unknownDetail(app, 'auth_settings', v1raw));
  const v2 = block(v2raw);
  if (v2) {
    const on = boolValue(v2.auth_enabled, false);
    const required = boolValue(v2.require_authentication, false);
    if (on === undefined) return unverifiable(unknownDetail(app, 'auth_settings_v2.auth_enabled', v2.auth_enabled));
    if (required === undefined) return unverifiable(unknownDetail(app, 'auth_settings_v2.require_authentication', v2.require_authentication));
    const action = v2.unauthenticated_action ?? 'RedirectToLoginPage';
    if (isExpression(action)) return unverifiable(unknownDetail(app, 'auth_settings_v2.unauthenticated_action', action));
    if (!on) return nonCompliant('auth_settings_v2.auth_enabled is false: built-in authentication is off');
    if (!required || action === 'AllowAnonymous') {
      return nonCompliant(`authentication is on but anonymous requests pass (require_authentication = ${required}, unauthenticated_action = ${JSON.stringify(action)})`);
    }
    return compliant(`built-in authentication required (unauthenticated requests: ${action})`);
  }
  const v1 = block(v1raw);
  if (v1) {
    const on = boolValue(v1.enabled, false);
    if (on === undefined) return unverifiable(unknownDetail(app, 'auth_settings.enabled', v1.enabled));
    const action = v1.unauthenticated_client_action;
    if (isExpression(action)) return unverifiable(unknownDetail(app, 'auth_settings.unauthenticated_client_action', action));
    if (!on) return nonCompliant('auth_settings.enabled is false: built-in authentication is off');
    if (action === undefined || action === 'AllowAnonymous') return nonCompliant(`anonymous requests pass (unauthenticated_client_action ${action === undefined ? 'not set' : '= "AllowAnonymous"'})`);
    return compliant(`built-in authentication required (unauthenticated requests: ${action})`);
  }
  return unverifiable('no built-in authentication (auth_settings_v2): whether the application authenticates every request is not in this configuration');
}

/** Container Apps: azurerm has no authentication settings; a client certificate required at ingress is authentication. */
function judgeContainerApp(app: TerraformResourceView): RuleResult {
  const raw = app.config.ingress;
  if (isExpression(raw)) return unverifiable(unknownDetail(app, 'ingress', raw));
  const ingress = block(raw);
  if (!ingress) return NOT_APPLICABLE;
  const external = boolValue(ingress.external_enabled, false);
  if (external === undefined) return unverifiable(unknownDetail(app, 'ingress.external_enabled', ingress.external_enabled));
  if (!external) return NOT_APPLICABLE;
  if (ingress.client_certificate_mode === 'require') return compliant('ingress requires client certificates (mutual TLS)');
  return unverifiable('Container Apps authentication is not modelled by azurerm: whether the application authenticates every request '
    + 'is not in this configuration');
}

/**
 * DP.IAM.2: every user-facing app requires authentication. App Service web apps: built-in
 * authentication on with anonymous requests refused (`auth_settings_v2 { auth_enabled = true,
 * require_authentication = true }` and an unauthenticated action other than AllowAnonymous, or the
 * legacy `auth_settings`); without built-in authentication the app's own login is not visible:
 * unverifiable. Container apps reachable from outside their environment are unverifiable unless the
 * ingress requires client certificates (azurerm does not model Container Apps authentication).
 */
export const AzureAppAuthentication: AzureResourceRule = {
  name: 'AzureAppAuthentication',
  controlId: 'DP.IAM.2',
  resourceTypes: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_container_app'],
  covers: 'App Service built-in authentication; Container Apps (unverifiable unless mutual TLS)',
  level: Severity.ERROR,
  info: 'The app may serve users without authenticating them.',
  explanation: 'DP.IAM.2 promises that every user-facing endpoint requires authentication. On App Service set '
    + 'auth_settings_v2 { auth_enabled = true, require_authentication = true, unauthenticated_action = "RedirectToLoginPage" '
    + 'or "Return401" }; where the application authenticates users itself (its own accounts, API keys), acknowledge the '
    + 'finding with where that login and its password rule are tested.',
  fix: 'Require authentication in auth_settings_v2, or acknowledge with the evidence of the application\'s own login.',
  evaluate(resource: TerraformResourceView): RuleResult {
    return resource.type === 'azurerm_container_app' ? judgeContainerApp(resource) : judgeWebApp(resource);
  },
};
