import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurePlacement, checkRegion, DEFAULT_AZURE_PAIRED_REGION, DEFAULT_AZURE_REGION, normaliseRegion } from './placement';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** Props of an `AzureStack`. */
export interface AzureStackProps {
  /**
   * The policy the stack's constructs implement. Given here, it becomes the policy of everything
   * in the stack (`DataProtectionPolicy.of(construct)`) and of the checks that judge it.
   * @default - the policy applied to the app or another ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /**
   * Primary region.
   * @default 'westeurope'
   */
  readonly location?: string;
  /**
   * Paired region for geo-redundant backups and keys (must differ from `location`).
   * @default 'northeurope'
   */
  readonly pairedLocation?: string;
  /**
   * Regions this stack may use, on top of the policy's `allowedRegions`.
   * @default - only the policy's allowedRegions
   */
  readonly allowedRegions?: string[];
  /**
   * Name prefix of the two resource groups (`<prefix>-<region>`).
   * @default - the stack's id in lower case
   */
  readonly resourceGroupPrefix?: string;
  /**
   * Azure subscription ID for the provider.
   * @default - from the environment (ARM_SUBSCRIPTION_ID) at plan time
   */
  readonly subscriptionId?: string;
}

/**
 * A Terraform stack for the Azure constructs: the azurerm provider (Entra ID for storage data
 * plane, soft-deleted Key Vaults never purged on destroy), one resource group in the primary
 * and one in the paired region, and the tenant of the caller.
 */
export class AzureStack extends TerraformStack {
  /** The policy in force. */
  public readonly policy: DataProtectionPolicy;
  /** Primary region placement. */
  public readonly placement: AzurePlacement;
  /** Paired region placement (backup keys, geo-backup identities). */
  public readonly pairedPlacement: AzurePlacement;

  constructor(scope: Construct, id: string, props: AzureStackProps = {}) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const location = normaliseRegion(props.location ?? DEFAULT_AZURE_REGION);
    const paired = normaliseRegion(props.pairedLocation ?? DEFAULT_AZURE_PAIRED_REGION);
    const errors = PropErrors.of('AzureStack', this);
    checkRegion(errors, 'location', location, policy, props.allowedRegions);
    checkRegion(errors, 'pairedLocation', paired, policy, props.allowedRegions);
    errors.check(location !== paired, 'pairedLocation', paired, `a region other than location (${location})`);
    errors.throwIfAny();
    this.policy = policy;
    if (props.policy) props.policy.applyTo(this);

    new AzurermProvider(this, 'azurerm', {
      features: [{
        keyVault: [{ purgeSoftDeleteOnDestroy: false, purgeSoftDeletedKeysOnDestroy: false, recoverSoftDeletedKeyVaults: true }],
        resourceGroup: [{ preventDeletionIfContainsResources: true }],
      }],
      storageUseAzuread: true,
      ...(props.subscriptionId ? { subscriptionId: props.subscriptionId } : {}),
    });
    const client = new DataAzurermClientConfig(this, 'client');
    const prefix = props.resourceGroupPrefix ?? id.toLowerCase();
    const group = (name: string, region: string): AzurePlacement => {
      const rg = new ResourceGroup(this, name, { name: `${prefix}-${region}`, location: region });
      return { resourceGroupName: rg.name, resourceGroupId: rg.id, location: region, tenantId: client.tenantId };
    };
    this.placement = group('ResourceGroup', location);
    this.pairedPlacement = group('PairedResourceGroup', paired);
  }
}
