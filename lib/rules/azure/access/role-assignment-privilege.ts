import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { PRIVILEGED_BUILT_IN_ROLES } from '../../../facts/azure-identity';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { customRoleOf, principalKind, scopeWidth, wildcardActions } from '../private/roles';
import { isExpression, unknownDetail } from '../private/values';

/** The privileged role an assignment grants, by name, built-in ID or a wildcard custom role; undefined when not privileged. */
function privilegedRole(assignment: TerraformResourceView, context: AzureRuleContext): { role?: string; unknown?: string } {
  const { role_definition_name: name, role_definition_id: id } = assignment.config;
  if (name !== undefined) {
    if (isExpression(name)) return { unknown: unknownDetail(assignment, 'role_definition_name', name) };
    return name in PRIVILEGED_BUILT_IN_ROLES ? { role: String(name) } : {};
  }
  const custom = customRoleOf(assignment, context.lookup);
  if (custom) {
    const wild = wildcardActions(custom);
    if (wild === undefined) return { unknown: `${custom.address} grants actions given by an expression` };
    return wild.length > 0 ? { role: `${custom.address} (${wild.join(', ')})` } : {};
  }
  const text = String(id ?? '').toLowerCase();
  const builtIn = Object.entries(PRIVILEGED_BUILT_IN_ROLES).find(([, guid]) => text.includes(guid));
  if (builtIn) return { role: builtIn[0] };
  if (isExpression(id)) return { unknown: unknownDetail(assignment, 'role_definition_id', id) };
  return {};
}

/**
 * DP.IAM.1: no workload identity (service principal, managed identity) holds Owner, Contributor,
 * User Access Administrator, Role Based Access Control Administrator, or a custom role with `*`
 * actions, at subscription or management-group scope. Assignments to users and groups are people's
 * access, not service roles; an assignment without `principal_type` whose principal is a literal ID
 * is judged (it may be a workload).
 */
export const AzureRoleAssignmentPrivilege: AzureResourceRule = {
  name: 'AzureRoleAssignmentPrivilege',
  controlId: 'DP.IAM.1',
  resourceTypes: ['azurerm_role_assignment'],
  covers: 'Owner, Contributor, (RBAC) access administrators and wildcard custom roles at subscription scope',
  level: Severity.ERROR,
  info: 'A workload identity holds an all-powerful role on the whole subscription.',
  explanation: 'DP.IAM.1 promises least privilege for service roles. Assign the narrowest built-in role (Reader, Key Vault '
    + 'Crypto Service Encryption User, Storage Blob Data Contributor, ...) at the scope of the resource or resource group '
    + 'the workload needs, never Owner, Contributor or User Access Administrator on the subscription.',
  fix: 'Replace the subscription-wide Owner/Contributor/User Access Administrator grant by a narrow role on the resource it needs.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (principalKind(resource) === 'human') return NOT_APPLICABLE;
    const role = privilegedRole(resource, context);
    const scope = resource.config.scope;
    const width = scopeWidth(scope);
    if (role.unknown) return width === 'narrow' ? compliant(`scope ${describeScope(scope)} is a resource group or narrower`) : unverifiable(role.unknown);
    if (!role.role) return compliant(`${describeRole(resource)}: not a privileged role`);
    if (width === 'subscription') return nonCompliant(`${role.role} at ${describeScope(scope)}`);
    if (width === 'unknown') return unverifiable(unknownDetail(resource, 'scope', scope));
    return compliant(`${role.role} limited to ${describeScope(scope)}`);
  },
};

function describeRole(a: TerraformResourceView): string {
  return a.config.role_definition_name !== undefined ? JSON.stringify(a.config.role_definition_name) : String(a.config.role_definition_id);
}

function describeScope(scope: unknown): string {
  const s = String(scope);
  return s.length > 90 ? `${s.slice(0, 87)}...` : s;
}

