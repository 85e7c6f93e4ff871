import { App } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzureDataProtectionChecks, AzureStack, BackupKeyVault, CentralLogAnalytics, GeoRedundantStorage,
  PolicyBackupVault, ProtectedPostgres,
} from '../../lib/azure';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';

/** Props of the Situm reference stack. */
export interface SitumAzureStackProps {
  /** @default DataProtectionPolicy.situm() */
  readonly policy?: DataProtectionPolicy;
}

/**
 * Situm's security and reliability page (document 000) on Azure: West Europe with its pair North
 * Europe, zone-redundant PostgreSQL and geo-zone-redundant blob storage under customer-managed
 * keys, a locked geo-redundant backup vault encrypted with an RSA-4096 key (daily + weekly, 45
 * days for the database, 60 for files), and central logging with anomaly and backup-failure
 * alerts. See README.md for promise -> control -> resource.
 */
export class SitumAzureStack extends AzureStack {
  constructor(scope: Construct, id: string, props: SitumAzureStackProps = {}) {
    const policy = props.policy ?? DataProtectionPolicy.situm();
    super(scope, id, { policy, location: 'westeurope', pairedLocation: 'northeurope', resourceGroupPrefix: 'situm' });

    const logs = new CentralLogAnalytics(this, 'Logs', {
      policy, placement: this.placement, emailAddresses: ['oncall@example.com'],
    });
    // Data keys and the dedicated backup key are separate keys (DP.ENC.4); the geo-backup key of
    // the database lives in the paired region, as Azure requires.
    const keys = new BackupKeyVault(this, 'Keys', { policy, placement: this.placement, logs });
    const pairedKeys = new BackupKeyVault(this, 'PairedKeys', { policy, placement: this.pairedPlacement, logs });
    const dataKey = keys.addKey('data');
    const backupKey = keys.addKey('backup');
    const geoBackupKey = pairedKeys.addKey('geo-backup');

    const files = new GeoRedundantStorage(this, 'Files', {
      policy, placement: this.placement, key: dataKey, containerNames: ['images', 'exports'], logs,
    });
    const database = new ProtectedPostgres(this, 'Database', {
      policy, placement: this.placement, pairedPlacement: this.pairedPlacement, key: dataKey, geoBackupKey,
      name: 'situm-platform-db', logs,
    });
    const backups = new PolicyBackupVault(this, 'Backups', { policy, placement: this.placement, key: backupKey, logs });
    backups.protectPostgres(database);
    backups.protectStorage(files);
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
