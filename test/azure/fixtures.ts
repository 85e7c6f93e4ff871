import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AzurePlacement, BackupKeyVault, CentralLogAnalytics } from '../../lib/azure';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';

Testing.setupJest();

export const POLICY = DataProtectionPolicy.situm({ dataEndOfLifeDays: 730 });
export const WEST: AzurePlacement = { resourceGroupName: 'rg-west', resourceGroupId: '/rg/west', location: 'westeurope', tenantId: 'tenant' };
export const NORTH: AzurePlacement = { resourceGroupName: 'rg-north', resourceGroupId: '/rg/north', location: 'northeurope', tenantId: 'tenant' };

/** Synthesize what `build` adds to a test stack and parse the Terraform JSON. */
export function synthJson(build: (scope: Construct) => void): { text: string; json: any } {
  const text = Testing.synthScope(build);
  return { text, json: JSON.parse(text) };
}

/** The single resource of a type in synthesized JSON. */
export function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Keys and logs in the primary region, for constructs that need them. */
export function basics(scope: Construct, policy = POLICY) {
  const logs = new CentralLogAnalytics(scope, 'Logs', { policy, placement: WEST, emailAddresses: ['ops@example.com'] });
  const keys = new BackupKeyVault(scope, 'Keys', { policy, placement: WEST, logs });
  return { logs, keys, key: keys.addKey('data') };
}
