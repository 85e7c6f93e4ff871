import { DataProtectionBackupInstanceBlobStorage } from '@cdktf/provider-azurerm/lib/data-protection-backup-instance-blob-storage';
import { DataProtectionBackupInstancePostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/data-protection-backup-instance-postgresql-flexible-server';
import { DataProtectionBackupPolicyBlobStorage } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-blob-storage';
import { DataProtectionBackupPolicyPostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-postgresql-flexible-server';
import { DataProtectionBackupVault } from '@cdktf/provider-azurerm/lib/data-protection-backup-vault';
import { DataProtectionBackupVaultCustomerManagedKey } from '@cdktf/provider-azurerm/lib/data-protection-backup-vault-customer-managed-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { IBackupKey } from './backup-key';
import type { GeoRedundantStorage } from './geo-redundant-storage';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { PREVENT_DESTROY } from './private/lifecycle';
import { backupJobFailureAlert, diagnosticSetting } from './private/monitoring';
import { stableName } from './private/names';
import type { ProtectedPostgres } from './protected-postgres';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** How firmly a backup vault's recovery points are protected from early deletion. */
export enum BackupVaultImmutability {
  /** Immutable and locked: nobody can turn immutability off again (DP.BAK.7 compliant). */
  LOCKED = 'Locked',
  /** Immutable but reversible: an administrator can turn it off (reported by DP.BAK.7). */
  UNLOCKED = 'Unlocked',
}

/** Props of a `PolicyBackupVault`. */
export interface PolicyBackupVaultProps {
  /**
   * The policy: retentions, allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region of the vault. */
  readonly placement: AzurePlacement;
  /** The dedicated backup key (RSA of `backupKeyBits`) in the vault's region. */
  readonly key: IBackupKey;
  /**
   * Vault name.
   * @default - 'bv' + a hash of the construct path
   */
  readonly name?: string;
  /**
   * Immutability. Locking cannot be undone; unlocked vaults are reported by DP.BAK.7.
   * @default BackupVaultImmutability.LOCKED
   */
  readonly immutability?: BackupVaultImmutability;
  /**
   * Time of day (UTC, HH:MM) the daily backups start.
   * @default '02:00'
   */
  readonly backupTime?: string;
  /**
   * Workspace receiving the vault's job logs; it pages the operations team on failed jobs.
   * @default - none (DP.BAK.5 then reports the vault)
   */
  readonly logs?: IAzureLogDestination;
}

/** A Backup vault whose recovery points restore drills can restore. */
export interface IRestorableVault {
  /** ID of the vault. */
  readonly vaultId: string;
  /** Principal ID of the vault's managed identity (it writes restored data). */
  readonly vaultPrincipalId: string;
  /** Region of the vault. */
  readonly location: string;
}

/**
 * A Data Protection backup vault that keeps the backup promises: geo-redundant with cross-region
 * restore (copies in the paired region), locked immutability and always-on soft delete, encrypted
 * with the dedicated backup key, and backup policies sized by the policy:
 *
 * - PostgreSQL: a vaulted backup every day kept `databaseBackupRetentionDays`, the first backup of
 *   each week tagged weekly and kept as long; the server's own geo-redundant point-in-time backups
 *   (up to 35 days, continuous WAL on a daily snapshot) are the incremental layer in between.
 * - Blobs: a vaulted backup every day kept `fileBackupRetentionDays`, with the first of each week
 *   tagged weekly. Vaulted blob backups copy only changed blocks: incremental in storage, each a
 *   full restore point.
 *
 * Azure has no "incremental daily + full weekly" switch: both services take whole-source recovery
 * points and deduplicate in storage, which is what the weekly tag documents.
 */
export class PolicyBackupVault extends Construct implements IRestorableVault {
  /** The vault. */
  public readonly vault: DataProtectionBackupVault;
  /** Daily + weekly policy for PostgreSQL flexible servers. */
  public readonly postgresPolicy: DataProtectionBackupPolicyPostgresqlFlexibleServer;
  /** Daily + weekly policy for blob storage. */
  public readonly blobPolicy: DataProtectionBackupPolicyBlobStorage;
  /** @inheritdoc */
  public readonly vaultId: string;
  /** @inheritdoc */
  public readonly vaultPrincipalId: string;
  /** @inheritdoc */
  public readonly location: string;
  private readonly placement: AzurePlacement;

  constructor(scope: Construct, id: string, props: PolicyBackupVaultProps) {
    const errors = new PropErrors('PolicyBackupVault', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const time = props.backupTime ?? '02:00';
    errors.check(/^([01]\d|2[0-3]):[0-5]\d$/.test(time), 'backupTime', time, 'HH:MM in 24-hour UTC');
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    errors.throwIfAny();
    super(scope, id);
    this.placement = props.placement;

    this.vault = new DataProtectionBackupVault(this, 'Vault', {
      name: props.name ?? stableName('bv', this, 24),
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      datastoreType: 'VaultStore',
      redundancy: 'GeoRedundant',
      crossRegionRestoreEnabled: true,
      immutability: props.immutability ?? BackupVaultImmutability.LOCKED,
      softDelete: 'AlwaysOn',
      retentionDurationInDays: 14,
      identity: { type: 'SystemAssigned' },
      lifecycle: PREVENT_DESTROY,
    });
    this.vaultId = this.vault.id;
    this.vaultPrincipalId = this.vault.identity.principalId;
    this.location = props.placement.location;
    const keyUse = props.key.grantEncryptionUse(`${id}KeyUse`, this.vault.identity.principalId);
    new DataProtectionBackupVaultCustomerManagedKey(this, 'Key', {
      dataProtectionBackupVaultId: this.vault.id,
      keyVaultKeyId: props.key.keyId,
      dependsOn: [keyUse],
    });

    const daily = [`R/2025-01-01T${time}:00+00:00/P1D`];
    const dbDays = `P${policy.databaseBackupRetentionDays}D`;
    const fileDays = `P${policy.fileBackupRetentionDays}D`;
    this.postgresPolicy = new DataProtectionBackupPolicyPostgresqlFlexibleServer(this, 'PostgresPolicy', {
      name: 'daily-weekly-postgres',
      vaultId: this.vault.id,
      backupRepeatingTimeIntervals: daily,
      timeZone: 'UTC',
      defaultRetentionRule: { lifeCycle: [{ dataStoreType: 'VaultStore', duration: dbDays }] },
      retentionRule: [{
        name: 'weekly',
        priority: 20,
        criteria: { absoluteCriteria: 'FirstOfWeek' },
        lifeCycle: [{ dataStoreType: 'VaultStore', duration: dbDays }],
      }],
    });
    this.blobPolicy = new DataProtectionBackupPolicyBlobStorage(this, 'BlobPolicy', {
      name: 'daily-weekly-blobs',
      vaultId: this.vault.id,
      backupRepeatingTimeIntervals: daily,
      timeZone: 'UTC',
      vaultDefaultRetentionDuration: fileDays,
      retentionRule: [{
        name: 'weekly',
        priority: 20,
        criteria: { absoluteCriteria: 'FirstOfWeek' },
        lifeCycle: { dataStoreType: 'VaultStore', duration: fileDays },
      }],
    });
    if (props.logs) {
      // Job logs in resource-specific tables of the central workspace, and a log alert paging the
      // operations team when a backup or restore job fails (DP.LOG.1, DP.BAK.5).
      const logs = props.logs.bind(this);
      const setting = diagnosticSetting(this, 'Logs', logs, this.vault.id, ['allLogs'], true);
      backupJobFailureAlert(this, 'JobFailures', logs, `${id.toLowerCase()}-job-failures`, `A backup or restore job of ${this.node.path} failed.`, [setting]);
    }
  }

  /** Back up a PostgreSQL server with the daily + weekly policy (grants the vault the roles it needs). */
  public protectPostgres(database: ProtectedPostgres): DataProtectionBackupInstancePostgresqlFlexibleServer {
    const id = database.node.id;
    const grants = [
      this.grant(`${id}BackupRole`, database.server.id, 'PostgreSQL Flexible Server Long Term Retention Backup Role'),
      this.grant(`${id}Reader`, database.server.id, 'Reader'),
    ];
    return new DataProtectionBackupInstancePostgresqlFlexibleServer(this, `${id}Backup`, {
      name: `${id.toLowerCase()}-backup`,
      location: this.placement.location,
      vaultId: this.vault.id,
      serverId: database.server.id,
      backupPolicyId: this.postgresPolicy.id,
      dependsOn: grants,
    });
  }

  /** Back up a storage account's containers with the daily + weekly policy. */
  public protectStorage(storage: GeoRedundantStorage): DataProtectionBackupInstanceBlobStorage {
    const id = storage.node.id;
    const grant = this.grant(`${id}BackupRole`, storage.account.id, 'Storage Account Backup Contributor');
    return new DataProtectionBackupInstanceBlobStorage(this, `${id}Backup`, {
      name: `${id.toLowerCase()}-backup`,
      location: this.placement.location,
      vaultId: this.vault.id,
      storageAccountId: storage.account.id,
      storageAccountContainerNames: storage.containerNames,
      backupPolicyId: this.blobPolicy.id,
      dependsOn: [grant, ...storage.containers],
    });
  }

  private grant(id: string, scope: string, role: string): RoleAssignment {
    return new RoleAssignment(this, id, { scope, roleDefinitionName: role, principalId: this.vault.identity.principalId });
  }
}
