import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IBackupKey } from './backup-key';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { PREVENT_DESTROY } from './private/lifecycle';
import { anomalyAlert, diagnosticSetting } from './private/monitoring';
import { stableName } from './private/names';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';
import { GEO_REPLICATION } from '../rules/azure/availability/storage-geo-redundant';

/** Props of a `GeoRedundantStorage`. */
export interface GeoRedundantStorageProps {
  /**
   * The policy: minimum TLS version, data end of life, allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region. */
  readonly placement: AzurePlacement;
  /** Customer-managed key (in the same region) that encrypts the account. */
  readonly key: IBackupKey;
  /**
   * Account name (3-24 lower-case letters and digits, globally unique).
   * @default - 'st' + a hash of the construct path
   */
  readonly name?: string;
  /**
   * Replication: one of GRS, RAGRS, GZRS, RAGZRS (anything that copies to the paired region).
   * @default 'RAGZRS' (three zones here, a readable copy in the paired region)
   */
  readonly replication?: string;
  /**
   * Allow shared-key (account key and SAS) authorization. Off: only Entra ID identities get in,
   * and every access is attributable.
   * @default false
   */
  readonly allowSharedKeyAccess?: boolean;
  /**
   * Blob containers to create (private).
   * @default ['data']
   */
  readonly containerNames?: string[];
  /**
   * Days deleted blobs and containers stay recoverable (1-365).
   * @default 30
   */
  readonly softDeleteDays?: number;
  /**
   * Workspace that receives the account's blob logs and watches its transactions for anomalies.
   * @default - no diagnostics (DP.LOG.1 and DP.MON.1 then report the account)
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * A StorageV2 account that keeps the storage promises: geo-zone-redundant replication, TLS from
 * the policy, HTTPS only, infrastructure (double) encryption under a customer-managed key, blob
 * versioning with blob and container soft delete, no public blob access, no shared keys (Entra ID
 * only), a firewall that denies the internet (reach it through a private endpoint:
 * `SecureVirtualNetwork.addPrivateEndpoint`), every blob read, write and delete logged, a lifecycle
 * rule deleting blobs at the policy's data end of life, and `prevent_destroy`.
 */
export class GeoRedundantStorage extends Construct {
  /** The storage account. */
  public readonly account: StorageAccount;
  /** The identity the account reads its key with. */
  public readonly identity: UserAssignedIdentity;
  /** The containers created. */
  public readonly containers: StorageContainer[];
  /** Names of the containers, for backup instances. */
  public readonly containerNames: string[];

  constructor(scope: Construct, id: string, props: GeoRedundantStorageProps) {
    const errors = new PropErrors('GeoRedundantStorage', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const replication = props.replication ?? 'RAGZRS';
    errors.check(GEO_REPLICATION.includes(replication), 'replication', replication, GEO_REPLICATION.join(', '));
    const softDeleteDays = props.softDeleteDays ?? 30;
    errors.check(Number.isInteger(softDeleteDays) && softDeleteDays >= 1 && softDeleteDays <= 365, 'softDeleteDays', softDeleteDays, 'a whole number from 1 to 365');
    if (props.name !== undefined && !Token.isUnresolved(props.name)) {
      errors.check(/^[a-z0-9]{3,24}$/.test(props.name), 'name', props.name, '3-24 lower-case letters and digits');
    }
    const containerNames = props.containerNames ?? ['data'];
    for (const c of containerNames) errors.check(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(c), 'containerNames', c, 'container names of 3-63 lower-case letters, digits and single hyphens');
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    if (!Token.isUnresolved(props.key.location)) {
      errors.check(props.key.location === props.placement.location, 'key', props.key.location, `a key in the account's region (${props.placement.location})`);
    }
    errors.throwIfAny();
    super(scope, id);

    this.identity = new UserAssignedIdentity(this, 'Identity', {
      name: `${id.toLowerCase()}-storage-key`,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
    });
    const grant = props.key.grantEncryptionUse(`${id}KeyUse`, this.identity.principalId);
    const eol = policy.dataEndOfLifeDays;
    this.account = new StorageAccount(this, 'Account', {
      name: props.name ?? stableName('st', this, 24),
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      minTlsVersion: `TLS${policy.minTlsVersion.replace('.', '_')}`,
      httpsTrafficOnlyEnabled: true,
      infrastructureEncryptionEnabled: true,
      allowNestedItemsToBePublic: false,
      sharedAccessKeyEnabled: props.allowSharedKeyAccess ?? false,
      defaultToOauthAuthentication: true,
      crossTenantReplicationEnabled: false,
      // The internet is denied; private endpoints and trusted Azure services (Backup, Network
      // Watcher, Monitor) get in (DP.NET.1).
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      customerManagedKey: { keyVaultKeyId: props.key.keyId, userAssignedIdentityId: this.identity.id },
      blobProperties: {
        versioningEnabled: true,
        changeFeedEnabled: true,
        deleteRetentionPolicy: { days: softDeleteDays },
        containerDeleteRetentionPolicy: { days: softDeleteDays },
      },
      dependsOn: [grant],
      lifecycle: PREVENT_DESTROY,
    });
    this.containerNames = [...containerNames];
    this.containers = containerNames.map((name) => new StorageContainer(this, `Container-${name}`, {
      name,
      storageAccountId: this.account.id,
      containerAccessType: 'private',
    }));
    if (eol !== undefined) {
      new StorageManagementPolicy(this, 'EndOfLife', {
        storageAccountId: this.account.id,
        rule: [{
          name: 'data-end-of-life',
          enabled: true,
          filters: { blobTypes: ['blockBlob', 'appendBlob'] },
          actions: {
            baseBlob: { deleteAfterDaysSinceModificationGreaterThan: eol },
            version: { deleteAfterDaysSinceCreation: eol },
            snapshot: { deleteAfterDaysSinceCreationGreaterThan: eol },
          },
        }],
      });
    }
    if (props.logs) {
      // Every blob read, write and delete in the central workspace (DP.LOG.1), and an anomaly
      // alert on the account's API transactions (DP.MON.1).
      const logs = props.logs.bind(this);
      diagnosticSetting(this, 'BlobLogs', logs, `${this.account.id}/blobServices/default`);
      anomalyAlert(this, `${id}Transactions`, logs, {
        scope: this.account.id,
        metricNamespace: 'Microsoft.Storage/storageAccounts',
        metricName: 'Transactions',
        aggregation: 'Total',
        description: `API calls to ${this.node.path} deviate from their usual pattern.`,
      });
    }
  }
}
