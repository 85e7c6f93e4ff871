import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { ENTRA_MIN_PASSWORD_LENGTH } from '../../../facts/azure-identity';
import { AzurermSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { isReplica } from '../private/postgres';
import { block, boolValue, isExpression, settingFlag, unknownDetail } from '../private/values';

/** Services whose local (key) authentication sits beside Entra ID, and the setting that turns it off. */
const LOCAL_AUTH: { readonly [type: string]: AzurermSetting } = {
  azurerm_storage_account: 'storageSharedKey',
  azurerm_automation_account: 'automationLocalAuth',
  azurerm_servicebus_namespace: 'serviceBusLocalAuth',
};

/** Entra ID's fixed password policy against the policy's minimum length. */
export function entraPasswords(minimum: number): RuleResult {
  return minimum <= ENTRA_MIN_PASSWORD_LENGTH
    ? compliant(`sign-in only through Entra ID, whose password policy requires at least ${ENTRA_MIN_PASSWORD_LENGTH} characters (fixed by Microsoft)`)
    : nonCompliant(`sign-in through Entra ID, whose fixed password policy requires ${ENTRA_MIN_PASSWORD_LENGTH} characters; the policy promises ${minimum}`);
}

function judgePostgres(server: TerraformResourceView, minimum: number): RuleResult {
  const replica = isReplica(server);
  if (replica === undefined) return unverifiable(unknownDetail(server, 'create_mode', server.config.create_mode));
  // A read replica takes its logins from its source server.
  if (replica) return NOT_APPLICABLE;
  const raw = server.config.authentication;
  if (isExpression(raw)) return unverifiable(unknownDetail(server, 'authentication', raw));
  const auth = block(raw) ?? {};
  const password = boolValue(auth.password_auth_enabled, true);
  const entra = boolValue(auth.active_directory_auth_enabled, false);
  if (password === undefined) return unverifiable(unknownDetail(server, 'authentication.password_auth_enabled', auth.password_auth_enabled));
  if (entra === undefined) return unverifiable(unknownDetail(server, 'authentication.active_directory_auth_enabled', auth.active_directory_auth_enabled));
  if (password) {
    return nonCompliant(`password authentication is on${auth.password_auth_enabled === undefined ? ' (the default)' : ''}: PostgreSQL `
      + `enforces no password length for database roles${entra ? ', beside Entra ID' : ''}`);
  }
  if (!entra) return nonCompliant('neither password nor Entra ID authentication is on: nobody can sign in');
  return entraPasswords(minimum);
}

/**
 * DP.IAM.2: where Entra ID authenticates, local credentials are off, so every sign-in follows Entra
 * ID's password policy (at least 8 characters, fixed by Microsoft; compared with the policy's
 * `minPasswordLength`): a PostgreSQL flexible server has password authentication off and Entra ID on
 * (PostgreSQL enforces no password length for its own roles); storage accounts, Automation accounts
 * and Service Bus namespaces have shared keys / local authentication off.
 */
export const AzureLocalAuthDisabled: AzureResourceRule = {
  name: 'AzureLocalAuthDisabled',
  controlId: 'DP.IAM.2',
  resourceTypes: ['azurerm_postgresql_flexible_server', ...Object.keys(LOCAL_AUTH)],
  covers: 'PostgreSQL password login, storage shared keys, Automation and Service Bus local auth',
  level: Severity.ERROR,
  info: 'The service accepts local passwords or keys beside Entra ID.',
  explanation: 'DP.IAM.2 promises authentication everywhere with passwords of at least minPasswordLength characters. Local '
    + 'database passwords follow no such policy and shared keys are not tied to a person: set authentication { '
    + 'active_directory_auth_enabled = true, password_auth_enabled = false } on PostgreSQL, shared_access_key_enabled = false '
    + 'on storage, local_authentication_enabled = false on Automation and local_auth_enabled = false on Service Bus '
    + '(ProtectedPostgres, GeoRedundantStorage and RestoreDrills do).',
  fix: 'Turn local passwords and keys off; sign in with Entra ID only.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_postgresql_flexible_server') return judgePostgres(resource, context.policy.minPasswordLength);
    return settingFlag(resource, LOCAL_AUTH[resource.type], false);
  },
};
