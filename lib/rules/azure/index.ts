import { AzureAppAuthentication } from './access/app-authentication';
import { AzureLocalAuthDisabled } from './access/local-auth-disabled';
import { AzureRoleAssignmentPrivilege } from './access/role-assignment-privilege';
import { AzureRoleDefinitionWildcard } from './access/role-definition-wildcard';
import { AzureUserDirectoryPasswords } from './access/user-directory-passwords';
import { AzureAvailabilityBudget } from './availability/availability-budget';
import { AzureNoSinglePointOfFailure } from './availability/no-single-point-of-failure';
import { AzurePostgresHighAvailability } from './availability/postgres-high-availability';
import { AzureStorageGeoRedundant } from './availability/storage-geo-redundant';
import { AzureStorageVersioning } from './availability/storage-versioning';
import { AzureStorageZoneRedundant } from './availability/storage-zone-redundant';
import { AzureWorkloadRegions } from './availability/workload-regions';
import { AzureZeroDowntimeDeploys } from './availability/zero-downtime-deploys';
import { AzureZoneRedundancy } from './availability/zone-redundancy';
import { AzureBackupCoverage } from './backup/backup-coverage';
import { AzureBackupFailureAlerts } from './backup/backup-failure-alerts';
import { AzureBackupPolicyRetention } from './backup/backup-policy-retention';
import { AzureBackupPolicySchedule } from './backup/backup-policy-schedule';
import { AzureBackupVaultGeoRedundant } from './backup/backup-vault-geo-redundant';
import { AzureBackupVaultImmutable } from './backup/backup-vault-immutable';
import { AzurePostgresGeoBackup } from './backup/postgres-geo-backup';
import { AzureRestoreDrills } from './backup/restore-drills';
import { AzureStorageLifecycleExpiry } from './data/storage-lifecycle-expiry';
import { AzureAppTls } from './encryption/app-tls';
import { AzureBackupVaultKey } from './encryption/backup-vault-key';
import { AzureEdgeTls } from './encryption/edge-tls';
import { AzureKeyVaultKeyRotation } from './encryption/key-vault-key-rotation';
import { AzureKeyVaultPurgeProtection } from './encryption/key-vault-purge-protection';
import { AzurePostgresCustomerManagedKey } from './encryption/postgres-customer-managed-key';
import { AzurePostgresTls } from './encryption/postgres-tls';
import { AzureStorageCustomerManagedKey } from './encryption/storage-customer-managed-key';
import { AzureStorageHttpsOnly } from './encryption/storage-https-only';
import { AzureStorageInfrastructureEncryption } from './encryption/storage-infrastructure-encryption';
import { AzureStorageMinTls } from './encryption/storage-min-tls';
import { AzureDiagnosticSettings } from './logging/diagnostic-settings';
import { AzureEntryPointAccessLogs } from './logging/entry-point-access-logs';
import { AzureFlowLogRetention } from './logging/flow-log-retention';
import { AzureLogAnalyticsRetention } from './logging/log-analytics-retention';
import { AzurePostgresAuditLogs } from './logging/postgres-audit-logs';
import { AzureStorageDataAccessLogs } from './logging/storage-data-access-logs';
import { AzureVnetFlowLogs } from './logging/vnet-flow-logs';
import { AzureAlertActionGroup } from './monitoring/alert-action-group';
import { AzureAnomalyAlerts } from './monitoring/anomaly-alerts';
import { AzureDefenderPlans } from './monitoring/defender-plans';
import { AzureAdminAccessPath } from './network/admin-access-path';
import { AzureDataPublicNetworkAccess } from './network/data-public-network-access';
import { AzureEntryPointWaf } from './network/entry-point-waf';
import { AzureKeyVaultNetworkDeny } from './network/key-vault-network-deny';
import { AzureMessageBrokerPrivate } from './network/message-broker-private';
import { AzureNsgAdminPorts } from './network/nsg-admin-ports';
import { AzureNsgPublicIngress } from './network/nsg-public-ingress';
import { AzurePrivatePathPublicAccess } from './network/private-path-public-access';
import { AzurePublicIpDdosProtection } from './network/public-ip-ddos-protection';
import { AzureStoragePublicBlobAccess } from './network/storage-public-blob-access';
import { ControlNote } from '../../core/report/build';
import { ControlStatus } from '../../core/report/model';
import { AzureResourceRule } from '../../terraform/model';

export * from '../../terraform/model';

/** Every Azure rule, in catalogue order of their controls. */
export const AZURE_RULES: readonly AzureResourceRule[] = [
  AzureStorageMinTls, AzureStorageHttpsOnly, AzurePostgresTls, AzureEdgeTls, AzureAppTls,
  AzureStorageCustomerManagedKey, AzureStorageInfrastructureEncryption, AzurePostgresCustomerManagedKey,
  AzureKeyVaultPurgeProtection, AzureKeyVaultKeyRotation,
  AzureBackupVaultKey,
  AzureBackupPolicySchedule,
  AzureBackupPolicyRetention,
  AzureBackupVaultGeoRedundant, AzurePostgresGeoBackup,
  AzureRestoreDrills,
  AzureBackupFailureAlerts,
  AzureBackupCoverage,
  AzureBackupVaultImmutable,
  AzureStorageZoneRedundant, AzureZoneRedundancy,
  AzureWorkloadRegions,
  AzurePostgresHighAvailability,
  AzureNoSinglePointOfFailure,
  AzureZeroDowntimeDeploys,
  AzureStorageGeoRedundant, AzureStorageVersioning,
  AzureAvailabilityBudget,
  AzureStoragePublicBlobAccess, AzureKeyVaultNetworkDeny, AzurePrivatePathPublicAccess, AzureDataPublicNetworkAccess, AzureNsgPublicIngress,
  AzureEntryPointWaf, AzurePublicIpDdosProtection,
  AzureMessageBrokerPrivate,
  AzureNsgAdminPorts, AzureAdminAccessPath,
  AzureDiagnosticSettings,
  AzureStorageDataAccessLogs, AzurePostgresAuditLogs,
  AzureVnetFlowLogs, AzureEntryPointAccessLogs,
  AzureLogAnalyticsRetention, AzureFlowLogRetention,
  AzureAlertActionGroup, AzureAnomalyAlerts,
  AzureDefenderPlans,
  AzureRoleAssignmentPrivilege, AzureRoleDefinitionWildcard,
  AzureLocalAuthDisabled, AzureAppAuthentication, AzureUserDirectoryPasswords,
  AzureStorageLifecycleExpiry,
];

/**
 * Controls that have no meaning on Azure, with the reason the Azure report gives for them (status
 * `not-applicable`). Every other control has at least one rule in `AZURE_RULES`.
 */
export const AZURE_CONTROL_NOTES: { readonly [controlId: string]: ControlNote } = {
  'DP.NET.3': {
    status: ControlStatus.NOT_APPLICABLE,
    reason: 'AWS Global Accelerator has no Azure counterpart to deploy: on Azure the global entry point is Front Door '
      + '(or Traffic Manager), whose WAF and access logs are judged under DP.NET.2 and DP.LOG.3, and whose regions '
      + 'behind it are counted by DP.AVL.2 and DP.AVL.7',
  },
};
