import { AzureResourceRule } from '../../terraform/model';
import { AzureWorkloadRegions } from './availability/workload-regions';
import { AzureBackupCoverage } from './backup/backup-coverage';
import { AzureBackupFailureAlerts } from './backup/backup-failure-alerts';
import { AzureBackupPolicyRetention } from './backup/backup-policy-retention';
import { AzureBackupPolicySchedule } from './backup/backup-policy-schedule';
import { AzureBackupVaultGeoRedundant } from './backup/backup-vault-geo-redundant';
import { AzureBackupVaultImmutable } from './backup/backup-vault-immutable';
import { AzurePostgresCustomerManagedKey } from './encryption/postgres-customer-managed-key';
import { AzurePostgresGeoBackup } from './backup/postgres-geo-backup';
import { AzurePostgresHighAvailability } from './availability/postgres-high-availability';
import { AzurePostgresTls } from './encryption/postgres-tls';
import { AzureStorageLifecycleExpiry } from './data/storage-lifecycle-expiry';
import { AzureBackupVaultKey } from './encryption/backup-vault-key';
import { AzureKeyVaultKeyRotation } from './encryption/key-vault-key-rotation';
import { AzureKeyVaultPurgeProtection } from './encryption/key-vault-purge-protection';
import { AzureDiagnosticSettings } from './logging/diagnostic-settings';
import { AzureLogAnalyticsRetention } from './logging/log-analytics-retention';
import { AzureAlertActionGroup } from './monitoring/alert-action-group';
import { AzureAnomalyAlerts } from './monitoring/anomaly-alerts';
import { AzureKeyVaultNetworkDeny } from './network/key-vault-network-deny';
import { AzurePrivatePathPublicAccess } from './network/private-path-public-access';
import { AzureStorageCustomerManagedKey } from './encryption/storage-customer-managed-key';
import { AzureStorageGeoRedundant } from './availability/storage-geo-redundant';
import { AzureStorageHttpsOnly } from './encryption/storage-https-only';
import { AzureStorageInfrastructureEncryption } from './encryption/storage-infrastructure-encryption';
import { AzureStorageMinTls } from './encryption/storage-min-tls';
import { AzureStoragePublicBlobAccess } from './network/storage-public-blob-access';
import { AzureStorageVersioning } from './availability/storage-versioning';
import { AzureStorageZoneRedundant } from './availability/storage-zone-redundant';

export * from '../../terraform/model';

/** Every Azure rule, in catalogue order of their controls. */
export const AZURE_RULES: readonly AzureResourceRule[] = [
  AzureStorageMinTls, AzureStorageHttpsOnly, AzurePostgresTls,
  AzureStorageCustomerManagedKey, AzureStorageInfrastructureEncryption, AzurePostgresCustomerManagedKey,
  AzureKeyVaultPurgeProtection, AzureKeyVaultKeyRotation,
  AzureBackupVaultKey,
  AzureBackupPolicySchedule,
  AzureBackupPolicyRetention,
  AzureBackupVaultGeoRedundant, AzurePostgresGeoBackup,
  AzureBackupFailureAlerts,
  AzureBackupCoverage,
  AzureBackupVaultImmutable,
  AzureStorageZoneRedundant,
  AzureWorkloadRegions,
  AzurePostgresHighAvailability,
  AzureStorageGeoRedundant, AzureStorageVersioning,
  AzureStoragePublicBlobAccess, AzureKeyVaultNetworkDeny, AzurePrivatePathPublicAccess,
  AzureDiagnosticSettings,
  AzureLogAnalyticsRetention,
  AzureAlertActionGroup, AzureAnomalyAlerts,
  AzureStorageLifecycleExpiry,
];
