import { App } from 'cdktf';
import {
  AzureStack, BackupKeyVault, CentralLogAnalytics, GeoRedundantStorage, PolicyBackupVault, ProtectedPostgres,
} from '../lib/azure';
import { DataProtectionPolicy } from '../lib/core/policy/policy';

const UNITS_PER_STACK = 10;
/** Each unit (storage account + PostgreSQL server, both backed up and monitored) is ~23 azurerm resources with its share of the stack. */
const RESOURCES_PER_UNIT = 23;

/**
 * A generated cdktf app of about `targetResources` azurerm resources: per stack a workspace with
 * alerts, key vaults in both regions and a backup vault; per unit a storage account and a
 * PostgreSQL server with their identities, keys grants, backup instances, diagnostics and alerts.
 */
export function buildAzureBenchApp(app: App, targetResources: number): AzureStack[] {
  const policy = DataProtectionPolicy.situm({ dataEndOfLifeDays: 730 });
  const units = Math.max(1, Math.round(targetResources / RESOURCES_PER_UNIT));
  const stacks: AzureStack[] = [];
  let stack!: AzureStack;
  let logs!: CentralLogAnalytics;
  let keys!: BackupKeyVault;
  let pairedKeys!: BackupKeyVault;
  let vault!: PolicyBackupVault;
  for (let u = 0; u < units; u++) {
    if (u % UNITS_PER_STACK === 0) {
      stack = new AzureStack(app, `AzureBench${stacks.length}`, { policy });
      stacks.push(stack);
      logs = new CentralLogAnalytics(stack, 'Logs', { policy, placement: stack.placement, emailAddresses: ['ops@example.com'] });
      keys = new BackupKeyVault(stack, 'Keys', { policy, placement: stack.placement, logs });
      pairedKeys = new BackupKeyVault(stack, 'PairedKeys', { policy, placement: stack.pairedPlacement, logs });
      vault = new PolicyBackupVault(stack, 'Backups', { policy, placement: stack.placement, key: keys.addKey('backup'), logs });
    }
    const key = keys.addKey(`data${u}`);
    const files = new GeoRedundantStorage(stack, `Files${u}`, { policy, placement: stack.placement, key, logs });
    const db = new ProtectedPostgres(stack, `Db${u}`, {
      policy, placement: stack.placement, pairedPlacement: stack.pairedPlacement, key,
      geoBackupKey: pairedKeys.addKey(`geo${u}`), name: `bench-db-${stacks.length}-${u}`, logs,
    });
    vault.protectStorage(files);
    vault.protectPostgres(db);
  }
  return stacks;
}
