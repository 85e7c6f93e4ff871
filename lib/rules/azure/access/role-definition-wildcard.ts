import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { definitionWidth, wildcardActions } from '../private/roles';

/**
 * DP.IAM.1: a custom role does not grant every action (`actions = ["*"]`, or every data action) while
 * assignable at subscription or management-group scope: a wildcard on a wildcard, whatever its
 * `not_actions` exceptions.
 */
export const AzureRoleDefinitionWildcard: AzureResourceRule = {
  name: 'AzureRoleDefinitionWildcard',
  controlId: 'DP.IAM.1',
  resourceTypes: ['azurerm_role_definition'],
  level: Severity.ERROR,
  info: 'The custom role grants every action on the whole subscription.',
  explanation: 'DP.IAM.1 promises no wildcard actions on wildcard resources. List the actions the role needs instead of "*", '
    + 'and keep its assignable_scopes to the resource groups it is for; not_actions exceptions do not make "*" least privilege.',
  fix: 'Replace actions ["*"] by the actions the role needs, assignable only where needed.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const wild = wildcardActions(resource);
    if (wild === undefined) return unverifiable('the role\'s permissions are given by an expression');
    if (wild.length === 0) return compliant('no wildcard action');
    const width = definitionWidth(resource);
    if (width === 'subscription') return nonCompliant(`${wild.join(', ')}, assignable at subscription scope or above`);
    if (width === 'unknown') return unverifiable(`${wild.join(', ')}; assignable_scopes are given by an expression`);
    return compliant(`${wild.join(', ')}, but assignable only below a subscription`);
  },
};
