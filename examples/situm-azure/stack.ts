import { App } from 'cdktf';
import { Construct } from 'constructs';
import {
  AdminVpnGateway, AzureDataProtectionChecks, AzureStack, BackupKeyVault, CentralLogAnalytics, DefenderForCloud, FrontDoorEntryPoint,
  GeoRedundantStorage, PolicyBackupVault, ProtectedPostgres, RestoreDrills, SecureVirtualNetwork, ZoneRedundantApp,
} from '../../lib/azure';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';

/** Props of the Situm reference stack. */
export interface SitumAzureStackProps {
  /** @default DataProtectionPolicy.situm() */
  readonly policy?: DataProtectionPolicy;
  /** @default a placeholder image of the Situm platform API */
  readonly image?: string;
}

/** Where Situm Platform users are authenticated: the application, not the platform (the reason auditors read). */
export const SITUM_APP_LOGIN = 'Situm Platform authenticates every API request in the application itself (user accounts and API keys '
  + 'stored hashed in its PostgreSQL database; passwords of at least 8 characters, reset by e-mail). Container Apps built-in '
  + 'authentication is not used and azurerm cannot express the application\'s login: the evidence is the application\'s '
  + 'password validator and its tests, reviewed with each release. Operators and services sign in with Entra ID only '
  + '(8-character minimum fixed by Microsoft): AzureLocalAuthDisabled shows that.';

/**
 * Situm's security and reliability page (document 000) on Azure, in West Europe and its pair North
 * Europe: Front Door Premium with a WAF in Prevention mode is the only thing the internet reaches
 * (443; 80 redirects), in front of zone-redundant Container Apps in both regions reached over
 * Private Link; a zone-redundant PostgreSQL primary and geo-zone-redundant blob storage (read in
 * North Europe from its read-access copy) behind private endpoints; customer-managed keys; a
 * locked geo-redundant backup vault with daily, weekly and quarterly restore drills; VNets with
 * closed NSGs and flow logs with traffic analytics; administrators in through a VPN with Entra ID;
 * Defender for Cloud on the data services; central logging with anomaly, backup, drill and
 * security alerts. See README.md for promise -> control -> resource.
 */
export class SitumAzureStack extends AzureStack {
  constructor(scope: Construct, id: string, props: SitumAzureStackProps = {}) {
    const policy = props.policy ?? DataProtectionPolicy.situm();
    super(scope, id, { policy, location: 'westeurope', pairedLocation: 'northeurope', resourceGroupPrefix: 'situm' });
    const west = this.placement;
    const north = this.pairedPlacement;
    const image = props.image ?? 'situm.azurecr.io/platform-api:stable';

    const logs = new CentralLogAnalytics(this, 'Logs', { policy, placement: west, emailAddresses: ['oncall@example.com'] });
    // Data keys and the dedicated backup key are separate keys (DP.ENC.4); the geo-backup key of
    // the database lives in the paired region, as Azure requires.
    const keys = new BackupKeyVault(this, 'Keys', { policy, placement: west, logs });
    const pairedKeys = new BackupKeyVault(this, 'PairedKeys', { policy, placement: north, logs });
    const dataKey = keys.addKey('data');
    const backupKey = keys.addKey('backup');
    const logKey = keys.addKey('logs');
    const geoBackupKey = pairedKeys.addKey('geo-backup');
    const flowLogs = logs.archiveFlowLogs(logKey);

    // One network per region: closed NSGs, flow logs with traffic analytics (DP.NET.1, DP.LOG.3).
    const westNet = new SecureVirtualNetwork(this, 'Network', { policy, placement: west, addressSpace: '10.10.0.0/16', logs });
    const northNet = new SecureVirtualNetwork(this, 'PairedNetwork', { policy, placement: north, addressSpace: '10.20.0.0/16', logs });

    const files = new GeoRedundantStorage(this, 'Files', {
      policy, placement: west, key: dataKey, containerNames: ['images', 'exports'], logs,
    });
    const database = new ProtectedPostgres(this, 'Database', {
      policy, placement: west, pairedPlacement: north, key: dataKey, geoBackupKey, name: 'situm-platform-db', logs,
    });
    // Both regions reach the data privately: the database and the primary blob endpoint from West
    // Europe, the read-access copy of the files from North Europe (DP.NET.1, DP.AVL.7).
    westNet.addPrivateEndpoint('files', { resourceId: files.account.id, subresource: 'blob' });
    northNet.addPrivateEndpoint('files-secondary', { resourceId: files.account.id, subresource: 'blob_secondary' });
    westNet.addPrivateEndpoint('database', { resourceId: database.server.id, subresource: 'postgresqlServer' });
    northNet.addPrivateEndpoint('database', { resourceId: database.server.id, subresource: 'postgresqlServer' });
    westNet.addPrivateEndpoint('keys', { resourceId: keys.vault.id, subresource: 'vault' });
    northNet.addPrivateEndpoint('paired-keys', { resourceId: pairedKeys.vault.id, subresource: 'vault' });

    // The application tier in both regions, active-active behind Front Door (DP.AVL.1, 4, 5, 7).
    const apps = [
      new ZoneRedundantApp(this, 'Platform', { policy, placement: west, network: westNet, image, name: 'situm-platform', logs }),
      new ZoneRedundantApp(this, 'PairedPlatform', { policy, placement: north, network: northNet, image, name: 'situm-platform', logs }),
    ];
    for (const app of apps) AzureDataProtectionChecks.acknowledge(app, 'AzureAppAuthentication', SITUM_APP_LOGIN);
    new FrontDoorEntryPoint(this, 'Edge', { policy, placement: west, origins: apps, name: 'situm', logs });
    new AdminVpnGateway(this, 'AdminVpn', { policy, placement: west, network: westNet, logs });
    new DefenderForCloud(this, 'Defender', { placement: west, emailAddresses: ['security@example.com'], logs });

    const backups = new PolicyBackupVault(this, 'Backups', { policy, placement: west, key: backupKey, logs });
    backups.protectPostgres(database);
    backups.protectStorage(files);
    backups.protectStorage(flowLogs);
    new RestoreDrills(this, 'RestoreDrills', { policy, placement: west, vault: backups, scratchKey: dataKey, logs });
  }
}

/** Options of `buildSitumAzureApp`. */
export interface SitumAzureAppOptions {
  /** Attach AzureDataProtectionChecks (synth then fails on violations). @default true */
  readonly checks?: boolean;
}

/** The Situm reference architecture in a cdktf app, checked against the Situm preset. */
export function buildSitumAzureApp(app: App, options: SitumAzureAppOptions = {}): SitumAzureStack {
  const policy = DataProtectionPolicy.situm();
  const stack = new SitumAzureStack(app, 'SitumAzure', { policy });
  if (options.checks ?? true) AzureDataProtectionChecks.applyTo(app, { policy });
  return stack;
}
