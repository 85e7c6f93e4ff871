import { COMPLIANT, NON_COMPLIANT, Resources, UNVERIFIABLE, verdicts } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const KV = 'azurerm_key_vault.kv';
const KEY = 'azurerm_key_vault_key.k';
const PG = 'azurerm_postgresql_flexible_server.pg';
const BV = 'azurerm_data_protection_backup_vault.bv';

const vault = (o: object = {}) => ({ kv: { purge_protection_enabled: true, network_acls: { default_action: 'Deny', bypass: 'AzureServices' }, ...o } });
const key = (o: object = {}) => ({
  k: { key_vault_id: '${azurerm_key_vault.kv.id}', key_type: 'RSA-HSM', key_size: 4096, rotation_policy: { automatic: { time_after_creation: 'P1Y' } }, ...o },
});

describe('AzureKeyVaultPurgeProtection', () => {
  test('absent is non-compliant', () => {
    expect(verdicts('AzureKeyVaultPurgeProtection', { azurerm_key_vault: vault({ purge_protection_enabled: undefined }) }, KV)).toEqual(NON_COMPLIANT);
  });
  test('true is compliant', () => {
    expect(verdicts('AzureKeyVaultPurgeProtection', { azurerm_key_vault: vault() }, KV)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzureKeyVaultPurgeProtection', { azurerm_key_vault: vault({ purge_protection_enabled: '${var.p}' }) }, KV)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureKeyVaultKeyRotation', () => {
  test('no rotation policy, or one without automatic rotation, is non-compliant', () => {
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: undefined }) }, KEY)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: { expire_after: 'P2Y' } }) }, KEY)).toEqual(NON_COMPLIANT);
  });
  test('automatic rotation is compliant', () => {
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key() }, KEY)).toEqual(COMPLIANT);
  });
  test('a rotation period from a variable is unverifiable', () => {
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: { automatic: { time_after_creation: '${var.r}' } } }) }, KEY))
      .toEqual(UNVERIFIABLE);
  });
});

describe('AzureKeyVaultNetworkDeny', () => {
  test('Allow by default is non-compliant', () => {
    expect(verdicts('AzureKeyVaultNetworkDeny', { azurerm_key_vault: vault({ network_acls: { default_action: 'Allow' } }) }, KV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureKeyVaultNetworkDeny', { azurerm_key_vault: vault({ network_acls: undefined }) }, KV)).toEqual(NON_COMPLIANT);
  });
  test('Deny, or public access off, is compliant', () => {
    expect(verdicts('AzureKeyVaultNetworkDeny', { azurerm_key_vault: vault() }, KV)).toEqual(COMPLIANT);
    expect(verdicts('AzureKeyVaultNetworkDeny', { azurerm_key_vault: vault({ network_acls: undefined, public_network_access_enabled: false }) }, KV)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzureKeyVaultNetworkDeny', { azurerm_key_vault: vault({ network_acls: { default_action: '${var.a}' } }) }, KV)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureBackupVaultKey', () => {
  const withKey = (k: object, v: object = {}): Resources => ({
    azurerm_key_vault: vault(v),
    azurerm_key_vault_key: key(k),
    azurerm_data_protection_backup_vault: { bv: { redundancy: 'GeoRedundant' } },
    azurerm_data_protection_backup_vault_customer_managed_key: {
      c: { data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.bv.id}', key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}' },
    },
  });
  test('no key, a 2048-bit key, an EC key or a vault without purge protection is non-compliant', () => {
    expect(verdicts('AzureBackupVaultKey', { azurerm_data_protection_backup_vault: { bv: {} } }, BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_size: 2048 }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_type: 'EC', key_size: undefined }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultKey', withKey({}, { purge_protection_enabled: false }), BV)).toEqual(NON_COMPLIANT);
  });
  test('an RSA-HSM key of backupKeyBits in a purge-protected vault is compliant; the size comes from the policy', () => {
    expect(verdicts('AzureBackupVaultKey', withKey({}), BV)).toEqual(COMPLIANT);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_size: 3072 }), BV, new DataProtectionPolicy({ backupKeyBits: 3072 }))).toEqual(COMPLIANT);
  });
  test('a key from a variable or data source is unverifiable', () => {
    const fromVariable = withKey({});
    fromVariable.azurerm_data_protection_backup_vault_customer_managed_key.c.key_vault_key_id = '${data.azurerm_key_vault_key.k.id}';
    expect(verdicts('AzureBackupVaultKey', fromVariable, BV)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_size: '${var.bits}' }), BV)).toEqual(UNVERIFIABLE);
  });
});

const server = (o: object = {}, extra: Resources = {}): Resources => ({
  azurerm_postgresql_flexible_server: {
    pg: {
      zone: '1',
      high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '2' },
      geo_redundant_backup_enabled: true,
      customer_managed_key: { key_vault_key_id: 'k1', geo_backup_key_vault_key_id: 'k2' },
      public_network_access_enabled: false,
      ...o,
    },
  },
  ...extra,
});
const parameter = (name: string, value: string) => ({
  azurerm_postgresql_flexible_server_configuration: { [name]: { name, value, server_id: '${azurerm_postgresql_flexible_server.pg.id}' } },
});

describe('AzurePostgresTls', () => {
  test('require_secure_transport off, or TLS 1.1, is non-compliant', () => {
    expect(verdicts('AzurePostgresTls', server({}, parameter('require_secure_transport', 'OFF')), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePostgresTls', server({}, parameter('ssl_min_protocol_version', 'TLSv1.1')), PG)).toEqual(NON_COMPLIANT);
  });
  test('the service defaults (on, TLSv1.2) and explicit TLSv1.3 are compliant', () => {
    expect(verdicts('AzurePostgresTls', server(), PG)).toEqual(COMPLIANT);
    expect(verdicts('AzurePostgresTls', server({}, parameter('ssl_min_protocol_version', 'TLSv1.3')), PG, new DataProtectionPolicy({ minTlsVersion: '1.3' })))
      .toEqual(COMPLIANT);
  });
  test('a parameter value from a variable is unverifiable', () => {
    expect(verdicts('AzurePostgresTls', server({}, parameter('ssl_min_protocol_version', '${var.tls}')), PG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzurePostgresCustomerManagedKey', () => {
  test('no key, or geo backups without a geo key, is non-compliant', () => {
    expect(verdicts('AzurePostgresCustomerManagedKey', server({ customer_managed_key: undefined }), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePostgresCustomerManagedKey', server({ customer_managed_key: { key_vault_key_id: 'k1' } }), PG)).toEqual(NON_COMPLIANT);
  });
  test('both keys are compliant', () => {
    expect(verdicts('AzurePostgresCustomerManagedKey', server(), PG)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzurePostgresCustomerManagedKey', server({ customer_managed_key: '${var.cmk}' }), PG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzurePostgresHighAvailability', () => {
  test('no HA, SameZone HA, or a standby in the primary zone is non-compliant', () => {
    expect(verdicts('AzurePostgresHighAvailability', server({ high_availability: undefined }), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePostgresHighAvailability', server({ high_availability: { mode: 'SameZone' } }), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePostgresHighAvailability', server({ high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '1' } }), PG))
      .toEqual(NON_COMPLIANT);
  });
  test('ZoneRedundant with another standby zone is compliant', () => {
    expect(verdicts('AzurePostgresHighAvailability', server(), PG)).toEqual(COMPLIANT);
  });
  test('a mode from a variable is unverifiable', () => {
    expect(verdicts('AzurePostgresHighAvailability', server({ high_availability: { mode: '${var.mode}' } }), PG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzurePostgresGeoBackup', () => {
  test('absent is non-compliant', () => {
    expect(verdicts('AzurePostgresGeoBackup', server({ geo_redundant_backup_enabled: undefined }), PG)).toEqual(NON_COMPLIANT);
  });
  test('true is compliant', () => {
    expect(verdicts('AzurePostgresGeoBackup', server(), PG)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzurePostgresGeoBackup', server({ geo_redundant_backup_enabled: '${var.geo}' }), PG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzurePrivatePathPublicAccess', () => {
  const endpoint = {
    azurerm_private_endpoint: { pe: { private_service_connection: { private_connection_resource_id: '${azurerm_postgresql_flexible_server.pg.id}' } } },
  };
  test('a private endpoint with the public endpoint still on is non-compliant', () => {
    expect(verdicts('AzurePrivatePathPublicAccess', server({ public_network_access_enabled: true }, endpoint), PG)).toEqual(NON_COMPLIANT);
  });
  test('public access off is compliant; without a private path the rule does not apply', () => {
    expect(verdicts('AzurePrivatePathPublicAccess', server({}, endpoint), PG)).toEqual(COMPLIANT);
    expect(verdicts('AzurePrivatePathPublicAccess', server({ public_network_access_enabled: true }), PG)).toEqual([]);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzurePrivatePathPublicAccess', server({ public_network_access_enabled: '${var.p}' }, endpoint), PG)).toEqual(UNVERIFIABLE);
  });
  test('a server injected into a delegated subnet has no public endpoint, whatever the flag says', () => {
    expect(verdicts('AzurePrivatePathPublicAccess', server({ public_network_access_enabled: '${var.p}', delegated_subnet_id: 's' }), PG)).toEqual(COMPLIANT);
  });
  test('a storage firewall that denies by default closes the public endpoint beside a private endpoint', () => {
    const pe = { azurerm_private_endpoint: { pe: { private_service_connection: [{ private_connection_resource_id: '${azurerm_storage_account.sa.id}' }] } } };
    const account = (rules: any) => ({ ...pe, azurerm_storage_account: { sa: { account_replication_type: 'ZRS', ...rules } } });
    expect(verdicts('AzurePrivatePathPublicAccess', account({ network_rules: [{ default_action: 'Deny', bypass: ['AzureServices'] }] }), 'azurerm_storage_account.sa')).toEqual(COMPLIANT);
    expect(verdicts('AzurePrivatePathPublicAccess', account({ network_rules: [{ default_action: 'Allow' }] }), 'azurerm_storage_account.sa')).toEqual(NON_COMPLIANT);
  });
});
