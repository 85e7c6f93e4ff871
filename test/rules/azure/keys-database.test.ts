import { COMPLIANT, declared, NON_COMPLIANT, Resources, said, UNVERIFIABLE, verdicts } from './helpers';
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
  test('rotation before expiry is automatic rotation too; an automatic block without a period is none', () => {
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P1Y' } }) }, KEY))
      .toEqual(COMPLIANT);
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: [{ automatic: [{ time_after_creation: 'P90D' }] }] }) }, KEY)).toEqual(COMPLIANT);
    expect(verdicts('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: { automatic: {}, expire_after: 'P2Y' } }) }, KEY)).toEqual(NON_COMPLIANT);
  });
  test('a rotation policy, or the period before expiry, from a variable without default is unverifiable', () => {
    expect(said('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key({ rotation_policy: '${var.rotation}' }) }, KEY, undefined, declared('rotation')))
      .toEqual(['non-compliant[Unverifiable]: rotation_policy = ${var.rotation} (variable "rotation" has no default and no value was given)']);
    const beforeExpiry = { rotation_policy: { automatic: { time_before_expiry: '${var.before}' }, expire_after: 'P1Y' } };
    expect(said('AzureKeyVaultKeyRotation', { azurerm_key_vault_key: key(beforeExpiry) }, KEY, undefined, declared('before')))
      .toEqual(['non-compliant[Unverifiable]: rotation_policy.automatic = ${var.before} (variable "before" has no default and no value was given)']);
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
  test('the key size is a boundary at backupKeyBits; an RSA software key and a size written as text count', () => {
    expect(verdicts('AzureBackupVaultKey', withKey({ key_size: 4095 }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_type: 'RSA' }), BV)).toEqual(COMPLIANT);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_size: '4096' }), BV)).toEqual(COMPLIANT);
  });
  test('a key type, a Key Vault or a purge protection flag the rule cannot follow is unverifiable', () => {
    expect(verdicts('AzureBackupVaultKey', withKey({ key_type: '${var.type}' }), BV)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureBackupVaultKey', withKey({ key_vault_id: '${var.vault}' }), BV)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureBackupVaultKey', withKey({}, { purge_protection_enabled: '${var.purge}' }), BV)).toEqual(UNVERIFIABLE);
    const hsm = withKey({});
    hsm.azurerm_data_protection_backup_vault_customer_managed_key.c.key_vault_key_id = '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}';
    hsm.azurerm_key_vault_managed_hardware_security_module_key = { k: { name: 'k', managed_hsm_id: 'hsm', key_type: 'RSA-HSM', key_size: 4096 } };
    expect(verdicts('AzureBackupVaultKey', hsm, BV)).toEqual(UNVERIFIABLE);
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
  test('parameter names and values are read in any case; other parameters are ignored', () => {
    expect(verdicts('AzurePostgresTls', server({}, parameter('require_secure_transport', 'ON')), PG)).toEqual(COMPLIANT);
    const upper = { azurerm_postgresql_flexible_server_configuration: { rst: { name: 'REQUIRE_SECURE_TRANSPORT', value: 'off', server_id: '${azurerm_postgresql_flexible_server.pg.id}' } } };
    expect(verdicts('AzurePostgresTls', server({}, upper), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePostgresTls', server({}, parameter('max_connections', '100')), PG)).toEqual(COMPLIANT);
  });
  test('the TLSv1.2 default, or an explicit TLSv1.2, falls short of a TLS 1.3 policy', () => {
    const tls13 = new DataProtectionPolicy({ minTlsVersion: '1.3' });
    expect(verdicts('AzurePostgresTls', server(), PG, tls13)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePostgresTls', server({}, parameter('ssl_min_protocol_version', 'TLSv1.2')), PG, tls13)).toEqual(NON_COMPLIANT);
  });
  test('require_secure_transport from a variable is unverifiable; off outweighs an unknown version', () => {
    expect(verdicts('AzurePostgresTls', server({}, parameter('require_secure_transport', '${var.secure}')), PG)).toEqual(UNVERIFIABLE);
    const both = { azurerm_postgresql_flexible_server_configuration: {
      ...parameter('require_secure_transport', 'OFF').azurerm_postgresql_flexible_server_configuration,
      ...parameter('ssl_min_protocol_version', '${var.tls}').azurerm_postgresql_flexible_server_configuration,
    } };
    expect(verdicts('AzurePostgresTls', server({}, both), PG)).toEqual(NON_COMPLIANT);
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
  test('a read replica cannot have HA and is not judged; a promoted replica or a Default server is', () => {
    expect(verdicts('AzurePostgresHighAvailability', server({ create_mode: 'Replica', high_availability: undefined }), PG)).toEqual([]);
    expect(verdicts('AzurePostgresHighAvailability', server({ create_mode: 'replica', high_availability: undefined }), PG)).toEqual([]);
    expect(said('AzurePostgresHighAvailability', server({ create_mode: 'Replica', replication_role: 'None', high_availability: undefined }), PG))
      .toEqual(['non-compliant: no high_availability block']);
    expect(said('AzurePostgresHighAvailability', server({ create_mode: 'Default', high_availability: undefined }), PG)).toEqual(['non-compliant: no high_availability block']);
  });
  test('the zones: compared as text, and without either zone the standby is taken to be elsewhere', () => {
    expect(said('AzurePostgresHighAvailability', server(), PG)).toEqual(['compliant: zone-redundant HA (primary zone 1, standby zone 2)']);
    expect(said('AzurePostgresHighAvailability', server({ zone: 1, high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '1' } }), PG))
      .toEqual(['non-compliant: the standby is in the primary\'s zone 1']);
    expect(said('AzurePostgresHighAvailability', server({ zone: undefined }), PG)).toEqual(['compliant: zone-redundant HA']);
    expect(said('AzurePostgresHighAvailability', server({ high_availability: { mode: 'ZoneRedundant' } }), PG)).toEqual(['compliant: zone-redundant HA']);
    expect(said('AzurePostgresHighAvailability', server({ high_availability: { mode: 'SameZone' } }), PG)).toEqual(['non-compliant: high_availability.mode = "SameZone"']);
  });
  test.each([
    ['create_mode', { create_mode: '${var.x}' }],
    ['high_availability', { high_availability: '${var.x}' }],
    ['zone', { zone: '${var.x}' }],
    ['high_availability.standby_availability_zone', { high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '${var.x}' } }],
  ])('%s from a variable without default is unverifiable', (name, o) => {
    expect(said('AzurePostgresHighAvailability', server(o), PG, undefined, declared('x')))
      .toEqual([`non-compliant[Unverifiable]: ${name} = \${var.x} (variable "x" has no default and no value was given)`]);
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
  test('a Key Vault beside a private endpoint: network_acls denying by default close it, allowing or absent ones do not', () => {
    const pe = { azurerm_private_endpoint: { pe: { private_service_connection: [{ private_connection_resource_id: '${azurerm_key_vault.kv.id}' }] } } };
    const keyVault = (o: object) => ({ ...pe, azurerm_key_vault: vault(o) });
    const DEFAULT_ON = 'public_network_access_enabled not set: default true on azurerm version not stated (3, 4 or 5 assumed)';
    expect(said('AzurePrivatePathPublicAccess', keyVault({}), KV)).toEqual(['compliant: network_acls.default_action = "Deny"']);
    expect(said('AzurePrivatePathPublicAccess', keyVault({ network_acls: { default_action: 'Allow', bypass: 'AzureServices' } }), KV))
      .toEqual([`non-compliant: ${DEFAULT_ON}; network_acls.default_action = "Allow"`]);
    expect(said('AzurePrivatePathPublicAccess', keyVault({ network_acls: undefined }), KV)).toEqual([`non-compliant: ${DEFAULT_ON}; no firewall denies by default`]);
    expect(said('AzurePrivatePathPublicAccess', keyVault({ network_acls: undefined, public_network_access_enabled: false }), KV))
      .toEqual(['compliant: public_network_access_enabled = false']);
    expect(said('AzurePrivatePathPublicAccess', keyVault({ network_acls: '${var.acls}' }), KV, undefined, declared('acls')))
      .toEqual(['non-compliant[Unverifiable]: network_acls = ${var.acls} (variable "acls" has no default and no value was given)']);
    expect(said('AzurePrivatePathPublicAccess', keyVault({ network_acls: { default_action: '${var.action}' } }), KV, undefined, declared('action')))
      .toEqual(['non-compliant[Unverifiable]: network_acls.default_action = ${var.action} (variable "action" has no default and no value was given)']);
  });
  test('a storage account\'s separate network rules resource decides over its inline network_rules', () => {
    const SA = 'azurerm_storage_account.sa';
    const pe = { azurerm_private_endpoint: { pe: { private_service_connection: [{ private_connection_resource_id: '${azurerm_storage_account.sa.id}' }] } } };
    const account = (o: object, action?: string) => ({
      ...pe, azurerm_storage_account: { sa: { account_replication_type: 'ZRS', ...o } },
      ...(action ? { azurerm_storage_account_network_rules: { r: { storage_account_id: '${azurerm_storage_account.sa.id}', default_action: action } } } : {}),
    });
    const DEFAULT_ON = 'public_network_access_enabled not set: default true on azurerm version not stated (3, 4 or 5 assumed)';
    expect(said('AzurePrivatePathPublicAccess', account({ network_rules: [{ default_action: 'Allow' }] }, 'Deny'), SA))
      .toEqual(['compliant: azurerm_storage_account_network_rules.r.default_action = "Deny"']);
    expect(said('AzurePrivatePathPublicAccess', account({}, 'Allow'), SA))
      .toEqual([`non-compliant: ${DEFAULT_ON}; azurerm_storage_account_network_rules.r.default_action = "Allow"`]);
    expect(said('AzurePrivatePathPublicAccess', account({}, '${var.action}'), SA, undefined, declared('action')))
      .toEqual(['non-compliant[Unverifiable]: default_action = ${var.action} (variable "action" has no default and no value was given)']);
    expect(said('AzurePrivatePathPublicAccess', account({}), SA)).toEqual([`non-compliant: ${DEFAULT_ON}; no firewall denies by default`]);
    expect(said('AzurePrivatePathPublicAccess', account({ network_rules: '${var.rules}' }), SA, undefined, declared('rules')))
      .toEqual(['non-compliant[Unverifiable]: network_rules = ${var.rules} (variable "rules" has no default and no value was given)']);
  });
  test('a storage public access flag from a variable is decided by a denying firewall, and unverifiable beside an allowing one', () => {
    const SA = 'azurerm_storage_account.sa';
    const pe = { azurerm_private_endpoint: { pe: { private_service_connection: [{ private_connection_resource_id: '${azurerm_storage_account.sa.id}' }] } } };
    const account = (action: string) => ({ ...pe, azurerm_storage_account: { sa: { public_network_access_enabled: '${var.open}', network_rules: [{ default_action: action }] } } });
    expect(said('AzurePrivatePathPublicAccess', account('Deny'), SA, undefined, declared('open'))).toEqual(['compliant: network_rules.default_action = "Deny"']);
    expect(said('AzurePrivatePathPublicAccess', account('Allow'), SA, undefined, declared('open')))
      .toEqual(['non-compliant[Unverifiable]: public_network_access_enabled = ${var.open} (variable "open" has no default and no value was given)']);
  });
  test('a PostgreSQL server with an empty delegated subnet is not injected; its public endpoint stays open', () => {
    expect(said('AzurePrivatePathPublicAccess', server({ public_network_access_enabled: true, delegated_subnet_id: '' }, endpoint), PG))
      .toEqual(['non-compliant: public_network_access_enabled = true']);
    expect(said('AzurePrivatePathPublicAccess', server({ public_network_access_enabled: true, delegated_subnet_id: null }, endpoint), PG))
      .toEqual(['non-compliant: public_network_access_enabled = true']);
  });
});
