import { entraPasswords } from './local-auth-disabled';
import { RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';

/**
 * DP.IAM.2: the user directories the architecture defines demand passwords of at least
 * `minPasswordLength` characters. Entra Domain Services takes its users and passwords from Entra ID,
 * whose password policy is fixed at 8 characters; an Azure AD B2C tenant's password complexity is
 * set in its user flows or custom policies (Microsoft Graph, not azurerm), so it is unverifiable here.
 */
export const AzureUserDirectoryPasswords: AzureResourceRule = {
  name: 'AzureUserDirectoryPasswords',
  controlId: 'DP.IAM.2',
  resourceTypes: ['azurerm_active_directory_domain_service', 'azurerm_aadb2c_directory'],
  covers: 'Entra Domain Services (Entra ID\'s fixed policy); B2C tenants (user flows, outside azurerm)',
  level: Severity.ERROR,
  info: 'The user directory may accept passwords shorter than the policy promises.',
  explanation: 'DP.IAM.2 promises passwords of at least minPasswordLength characters. Entra ID (and Domain Services synced '
    + 'from it) requires 8 characters and cannot be changed; for an Azure AD B2C tenant, set the password complexity of '
    + 'every user flow (Strong, or Custom with the minimum length) and acknowledge the finding with that evidence.',
  fix: 'Set the directory\'s password complexity to at least minPasswordLength characters and record the evidence.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_active_directory_domain_service') return entraPasswords(context.policy.minPasswordLength);
    return unverifiable('an Azure AD B2C tenant\'s password complexity is set in its user flows or custom policies (Microsoft Graph), '
      + 'which azurerm does not manage');
  },
};
