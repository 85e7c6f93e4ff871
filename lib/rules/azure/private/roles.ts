import { blocks, isExpression, referencedResource } from './values';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** How wide a role scope is: the subscription or above, narrower, or unknown. */
export type ScopeWidth = 'subscription' | 'narrow' | 'unknown';

const SUBSCRIPTION_REF = /^\$\{data\.azurerm_(subscription|subscriptions)\.[^.}]+\.(id|subscriptions)\b[^}]*\}\/?$/;
const MANAGEMENT_GROUP_REF = /^\$\{(data\.)?azurerm_management_group\.[^.}]+\.id\}\/?$/;

/**
 * The width of a scope as written: `/`, a management group or `/subscriptions/<id>` (literal, or
 * `${data.azurerm_subscription.x.id}`, or `/subscriptions/${...subscription_id}`) is the
 * subscription or above; anything with a resource group or resource below it is narrow.
 */
export function scopeWidth(scope: unknown): ScopeWidth {
  if (typeof scope !== 'string' || scope === '') return 'unknown';
  const s = scope.trim();
  if (s === '/' || /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/?$/i.test(s)) return 'subscription';
  if (SUBSCRIPTION_REF.test(s) || MANAGEMENT_GROUP_REF.test(s)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/?$/i.test(s)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+/i.test(s)) return 'narrow';
  if (isExpression(s)) {
    if (/\/resourceGroups\//i.test(s)) return 'narrow';
    // A reference to a resource or resource group (not a subscription or management group) is narrow.
    if (/^\$\{azurerm_[a-z0-9_]+\.[^.}]+(\[[^\]]*\])?\.id\}$/.test(s) && !/azurerm_management_group/.test(s)) return 'narrow';
    return 'unknown';
  }
  return 'unknown';
}

// An action on every resource provider: `*`, or `*` followed by `/*`, `/write`, `/delete` or
// `/action` (writing everything includes Microsoft.Authorization/roleAssignments/write: whoever
// holds it can grant itself any role). Reading everything (`/read`) changes nothing: not counted.
const WILDCARD_ACTION = /^\*(\/(\*|write|delete|action))?$/i;

/**
 * The wildcard actions a custom role definition grants (`actions`, `data_actions`), e.g.
 * `actions = ["*"]`; `undefined` when its permissions, or an action that could be one, are known
 * only at apply time (a variable, a dynamic block over an unknown for_each).
 */
export function wildcardActions(definition: TerraformResourceView): string[] | undefined {
  const found: string[] = [];
  let unknown = isExpression(definition.config.permissions);
  for (const p of blocks(definition.config.permissions)) {
    for (const key of ['actions', 'data_actions']) {
      const v = p[key];
      if (isExpression(v) && !Array.isArray(v)) {
        unknown = true;
        continue;
      }
      if (!Array.isArray(v)) continue;
      const wild = v.filter((a) => typeof a === 'string' && WILDCARD_ACTION.test(a));
      if (wild.length > 0) found.push(`${key} = ${JSON.stringify(wild)}`);
      if (v.some((a) => isExpression(a))) unknown = true;
    }
  }
  return found.length === 0 && unknown ? undefined : found;
}

/** The widest scope a role definition can be assigned at. */
export function definitionWidth(definition: TerraformResourceView): ScopeWidth {
  const assignable = definition.config.assignable_scopes;
  // The assignable scopes decide, not the `scope` written beside them: an expression may list a subscription.
  if (isExpression(assignable)) return 'unknown';
  const scopes = Array.isArray(assignable) ? assignable : [definition.config.scope];
  return widthOf(scopes.map(scopeWidth));
}

function widthOf(widths: ScopeWidth[]): ScopeWidth {
  return widths.includes('subscription') ? 'subscription' : widths.includes('unknown') ? 'unknown' : 'narrow';
}

/** The custom role definition an assignment's `role_definition_id` refers to, if declared. */
export function customRoleOf(assignment: TerraformResourceView, lookup: TerraformLookup): TerraformResourceView | undefined {
  const target = referencedResource(assignment.config.role_definition_id, lookup);
  if (target?.type === 'azurerm_role_definition') return target;
  return lookup.ofType('azurerm_role_definition').find((d) => assignment.references?.has(d.address));
}

/** Who an assignment grants: a person or group (not a workload), a workload identity, or unknown. */
export function principalKind(assignment: TerraformResourceView): 'human' | 'workload' | 'unknown' {
  const type = assignment.config.principal_type;
  if (type === 'User' || type === 'Group') return 'human';
  if (type === 'ServicePrincipal') return 'workload';
  const id = String(assignment.config.principal_id ?? '');
  if (/azuread_(user|group)\./.test(id)) return 'human';
  if (/principal_id|azuread_service_principal|identity/.test(id)) return 'workload';
  return 'unknown';
}
