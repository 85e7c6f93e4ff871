import { IConstruct } from 'constructs';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';
import { isUnresolved } from '../core/props/tokens';

/** West Europe and its Azure pair, North Europe: the default home of the Situm architecture. */
export const DEFAULT_AZURE_REGION = 'westeurope';
/** @see DEFAULT_AZURE_REGION */
export const DEFAULT_AZURE_PAIRED_REGION = 'northeurope';

/**
 * Where Azure constructs put their resources: one resource group in one region.
 * `AzureStack` provides one for its primary and one for its paired region.
 */
export interface AzurePlacement {
  /** Resource group name (or a reference to it). */
  readonly resourceGroupName: string;
  /** Resource group ID, the scope of role assignments at group level. */
  readonly resourceGroupId: string;
  /** Azure region, e.g. `westeurope`. Must be a literal: the checks and the policy's allowed regions judge it. */
  readonly location: string;
  /** Entra ID tenant of the subscription (for Key Vault and PostgreSQL Entra authentication). */
  readonly tenantId: string;
}

/** Normalise 'West Europe' and 'westeurope' to one spelling. */
export function normaliseRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

/**
 * Check that a region is allowed by the policy (`allowedRegions`) and by the construct's own
 * `allowedRegions` prop. Recorded on `errors`, naming the prop and what is allowed.
 */
export function checkRegion(
  errors: PropErrors, prop: string, region: string, policy: DataProtectionPolicy, allowed?: readonly string[],
): void {
  const fromPolicy = policy.allowedRegions?.map(normaliseRegion);
  const fromProp = allowed?.map(normaliseRegion);
  const r = normaliseRegion(region);
  const sets = [fromPolicy, fromProp].filter((s): s is string[] => s !== undefined);
  const permitted = sets.length === 0 ? undefined : sets.reduce((a, b) => a.filter((x) => b.includes(x)));
  errors.checkLiteral(/^[a-z0-9]+$/.test(r), prop, region, 'an Azure region name such as westeurope');
  if (permitted && !isUnresolved(region)) {
    errors.check(permitted.includes(r), prop, region,
      permitted.length > 0 ? `one of ${permitted.join(', ')} (policy allowedRegions${fromProp ? ' and the allowedRegions prop' : ''})` : 'no region: the policy and allowedRegions prop have none in common');
  }
}

/** The placement of a construct, checked against the policy; throws naming the construct. */
export function checkedPlacement(
  constructName: string, scope: IConstruct, id: string, placement: AzurePlacement, policy: DataProtectionPolicy,
): AzurePlacement {
  const errors = new PropErrors(constructName, `${scope.node.path}/${id}`);
  checkRegion(errors, 'placement.location', placement.location, policy);
  errors.throwIfAny();
  return placement;
}
