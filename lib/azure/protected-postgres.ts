import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IBackupKey } from './backup-key';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { PREVENT_DESTROY } from './private/lifecycle';
import { anomalyAlert, diagnosticSetting } from './private/monitoring';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** Props of a `ProtectedPostgres`. */
export interface ProtectedPostgresProps {
  /**
   * The policy: minimum TLS version, allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region of the server. */
  readonly placement: AzurePlacement;
  /** Resource group and region of the geo-redundant backup's key and identity (the paired region). */
  readonly pairedPlacement: AzurePlacement;
  /** Customer-managed key in the server's region. */
  readonly key: IBackupKey;
  /** Customer-managed key in the paired region, for the geo-redundant backup. */
  readonly geoBackupKey: IBackupKey;
  /** Server name (3-63 lower-case letters, digits, hyphens; globally unique). */
  readonly name: string;
  /**
   * Compute SKU. Zone-redundant HA needs General Purpose or Memory Optimized.
   * @default 'GP_Standard_D2ds_v5'
   */
  readonly skuName?: string;
  /**
   * PostgreSQL major version.
   * @default '16'
   */
  readonly version?: string;
  /**
   * Storage in MB.
   * @default 32768
   */
  readonly storageMb?: number;
  /**
   * Zone of the primary; the standby goes to `standbyZone`.
   * @default '1'
   */
  readonly zone?: string;
  /**
   * Zone of the standby (must differ from `zone`).
   * @default '2'
   */
  readonly standbyZone?: string;
  /**
   * Days of the server's own point-in-time backups (7-35; the vault keeps longer copies).
   * @default 35
   */
  readonly backupRetentionDays?: number;
  /**
   * Subnet delegated to PostgreSQL (VNet injection). Without it the server is reached through a
   * private endpoint you add; either way public network access stays off.
   * @default - no VNet injection
   */
  readonly delegatedSubnetId?: string;
  /**
   * Private DNS zone for VNet injection (required with `delegatedSubnetId`).
   * @default - none
   */
  readonly privateDnsZoneId?: string;
  /**
   * Workspace that receives the server's logs and watches its KPIs for anomalies.
   * @default - no diagnostics (DP.LOG.1 and DP.MON.1 then report the server)
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * A PostgreSQL flexible server that keeps the database promises: zone-redundant HA (standby in
 * another zone), geo-redundant backups, customer-managed keys for data and geo backups, TLS
 * required at the policy's minimum version, Entra ID authentication only (add the administrator with
 * `azurerm_postgresql_flexible_server_active_directory_administrator`), pgaudit recording every read
 * and write (shipped with the server logs to the central workspace when `logs` is given), no public
 * network access (reach it through a private endpoint: `SecureVirtualNetwork.addPrivateEndpoint`),
 * and `prevent_destroy`.
 */
export class ProtectedPostgres extends Construct {
  /** The server. */
  public readonly server: PostgresqlFlexibleServer;
  /** Identity reading the primary key. */
  public readonly identity: UserAssignedIdentity;
  /** Identity reading the geo-backup key (in the paired region). */
  public readonly geoBackupIdentity: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: ProtectedPostgresProps) {
    const errors = new PropErrors('ProtectedPostgres', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const zone = props.zone ?? '1';
    const standbyZone = props.standbyZone ?? '2';
    const sku = props.skuName ?? 'GP_Standard_D2ds_v5';
    const backupDays = props.backupRetentionDays ?? 35;
    errors.check(zone !== standbyZone, 'standbyZone', standbyZone, `a zone other than zone (${zone})`);
    errors.check(!sku.startsWith('B_'), 'skuName', sku, 'a General Purpose (GP_) or Memory Optimized (MO_) SKU: Burstable has no HA');
    errors.check(Number.isInteger(backupDays) && backupDays >= 7 && backupDays <= 35, 'backupRetentionDays', backupDays, 'a whole number from 7 to 35');
    if (!Token.isUnresolved(props.name)) {
      errors.check(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(props.name), 'name', props.name, '3-63 lower-case letters, digits and hyphens');
    }
    errors.check((props.delegatedSubnetId === undefined) === (props.privateDnsZoneId === undefined), 'privateDnsZoneId',
      props.privateDnsZoneId, 'set together with delegatedSubnetId');
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    checkRegion(errors, 'pairedPlacement.location', props.pairedPlacement.location, policy);
    errors.check(props.pairedPlacement.location !== props.placement.location, 'pairedPlacement.location', props.pairedPlacement.location,
      'a region other than the server\'s');
    if (!Token.isUnresolved(props.geoBackupKey.location)) {
      errors.check(props.geoBackupKey.location === props.pairedPlacement.location, 'geoBackupKey', props.geoBackupKey.location,
        `a key in the paired region (${props.pairedPlacement.location})`);
    }
    errors.throwIfAny();
    super(scope, id);

    const identity = (name: string, placement: AzurePlacement) => new UserAssignedIdentity(this, name, {
      name: `${props.name}-${name.toLowerCase()}`,
      location: placement.location,
      resourceGroupName: placement.resourceGroupName,
    });
    this.identity = identity('Identity', props.placement);
    this.geoBackupIdentity = identity('GeoBackupIdentity', props.pairedPlacement);
    const grants = [
      props.key.grantEncryptionUse(`${id}KeyUse`, this.identity.principalId),
      props.geoBackupKey.grantEncryptionUse(`${id}GeoBackupKeyUse`, this.geoBackupIdentity.principalId),
    ];
    this.server = new PostgresqlFlexibleServer(this, 'Server', {
      name: props.name,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      version: props.version ?? '16',
      skuName: sku,
      storageMb: props.storageMb ?? 32768,
      zone,
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: standbyZone },
      backupRetentionDays: backupDays,
      geoRedundantBackupEnabled: true,
      publicNetworkAccessEnabled: false,
      ...(props.delegatedSubnetId ? { delegatedSubnetId: props.delegatedSubnetId, privateDnsZoneId: props.privateDnsZoneId } : {}),
      authentication: { activeDirectoryAuthEnabled: true, passwordAuthEnabled: false, tenantId: props.placement.tenantId },
      identity: { type: 'UserAssigned', identityIds: [this.identity.id, this.geoBackupIdentity.id] },
      customerManagedKey: {
        keyVaultKeyId: props.key.keyId,
        primaryUserAssignedIdentityId: this.identity.id,
        geoBackupKeyVaultKeyId: props.geoBackupKey.keyId,
        geoBackupUserAssignedIdentityId: this.geoBackupIdentity.id,
      },
      dependsOn: grants,
      // Azure swaps primary and standby zones on failover; Terraform must not undo that.
      lifecycle: { ...PREVENT_DESTROY, ignoreChanges: ['zone', 'high_availability[0].standby_availability_zone'] },
    });
    // Azure changes one server parameter at a time: each waits for the one before.
    let previous: PostgresqlFlexibleServerConfiguration | undefined;
    const parameter = (name: string, value: string) => {
      previous = new PostgresqlFlexibleServerConfiguration(this, name, {
        name, value, serverId: this.server.id, ...(previous ? { dependsOn: [previous] } : {}),
      });
    };
    parameter('require_secure_transport', 'on');
    parameter('ssl_min_protocol_version', `TLSv${policy.minTlsVersion}`);
    // Every read and write of customer data audited by pgaudit into the server log (DP.LOG.2):
    // allow-listed, preloaded (a restart Azure performs when the parameter changes), statement
    // classes READ and WRITE (and DDL, ROLE), without the values of bound parameters.
    parameter('azure.extensions', 'PGAUDIT');
    parameter('shared_preload_libraries', 'pg_stat_statements,pgaudit');
    parameter('pgaudit.log', 'READ,WRITE,DDL,ROLE');
    parameter('pgaudit.log_parameter', 'off');
    if (props.logs) {
      // Server logs in the central workspace (DP.LOG.1) and an anomaly alert on CPU (DP.MON.1).
      const logs = props.logs.bind(this);
      diagnosticSetting(this, 'Logs', logs, this.server.id);
      anomalyAlert(this, `${id}Cpu`, logs, {
        scope: this.server.id,
        metricNamespace: 'Microsoft.DBforPostgreSQL/flexibleServers',
        metricName: 'cpu_percent',
        aggregation: 'Average',
        description: `CPU of ${this.node.path} deviates from its usual pattern.`,
      });
    }
  }
}
