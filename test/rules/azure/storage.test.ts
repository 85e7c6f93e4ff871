import { COMPLIANT, NON_COMPLIANT, storage, UNVERIFIABLE, verdicts } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const SA = 'azurerm_storage_account.sa';

describe('AzureStorageMinTls', () => {
  test('TLS 1.0 is non-compliant', () => {
    expect(verdicts('AzureStorageMinTls', storage({ min_tls_version: 'TLS1_0' }), SA)).toEqual(NON_COMPLIANT);
  });
  test('TLS 1.2, and the provider default, are compliant', () => {
    expect(verdicts('AzureStorageMinTls', storage(), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageMinTls', storage({ min_tls_version: undefined }), SA)).toEqual(COMPLIANT);
  });
  test('the threshold comes from the policy: 1.2 is below a 1.3 policy', () => {
    expect(verdicts('AzureStorageMinTls', storage(), SA, new DataProtectionPolicy({ minTlsVersion: '1.3' }))).toEqual(NON_COMPLIANT);
  });
  test('a variable is unverifiable', () => {
    expect(verdicts('AzureStorageMinTls', storage({ min_tls_version: '${var.tls}' }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStorageHttpsOnly', () => {
  test('http allowed is non-compliant', () => {
    expect(verdicts('AzureStorageHttpsOnly', storage({ https_traffic_only_enabled: false }), SA)).toEqual(NON_COMPLIANT);
  });
  test('default (true) is compliant', () => {
    expect(verdicts('AzureStorageHttpsOnly', storage(), SA)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzureStorageHttpsOnly', storage({ https_traffic_only_enabled: '${var.https}' }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStorageCustomerManagedKey', () => {
  test('no key is non-compliant', () => {
    expect(verdicts('AzureStorageCustomerManagedKey', storage({ customer_managed_key: undefined }), SA)).toEqual(NON_COMPLIANT);
  });
  test('an inline key, or a separate customer-managed-key resource, is compliant', () => {
    expect(verdicts('AzureStorageCustomerManagedKey', storage(), SA)).toEqual(COMPLIANT);
    const separate = {
      ...storage({ customer_managed_key: undefined }),
      azurerm_storage_account_customer_managed_key: { k: { storage_account_id: '${azurerm_storage_account.sa.id}', key_vault_key_id: 'x' } },
    };
    expect(verdicts('AzureStorageCustomerManagedKey', separate, SA)).toEqual(COMPLIANT);
  });
  test('a block given as an expression is unverifiable', () => {
    expect(verdicts('AzureStorageCustomerManagedKey', storage({ customer_managed_key: '${var.cmk}' }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStorageInfrastructureEncryption', () => {
  test('absent (default false) is non-compliant', () => {
    expect(verdicts('AzureStorageInfrastructureEncryption', storage({ infrastructure_encryption_enabled: undefined }), SA)).toEqual(NON_COMPLIANT);
  });
  test('true is compliant', () => {
    expect(verdicts('AzureStorageInfrastructureEncryption', storage(), SA)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzureStorageInfrastructureEncryption', storage({ infrastructure_encryption_enabled: '${var.x}' }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStorageGeoRedundant and AzureStorageZoneRedundant', () => {
  test.each([
    ['LRS', NON_COMPLIANT, NON_COMPLIANT],
    ['ZRS', NON_COMPLIANT, COMPLIANT],
    ['GRS', COMPLIANT, NON_COMPLIANT],
    ['RAGZRS', COMPLIANT, COMPLIANT],
  ])('%s', (type, geo, zone) => {
    expect(verdicts('AzureStorageGeoRedundant', storage({ account_replication_type: type }), SA)).toEqual(geo);
    expect(verdicts('AzureStorageZoneRedundant', storage({ account_replication_type: type }), SA)).toEqual(zone);
  });
  test('a variable is unverifiable', () => {
    expect(verdicts('AzureStorageGeoRedundant', storage({ account_replication_type: '${var.r}' }), SA)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureStorageZoneRedundant', storage({ account_replication_type: '${var.r}' }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStorageVersioning', () => {
  test('no versioning, or no container soft delete, is non-compliant', () => {
    expect(verdicts('AzureStorageVersioning', storage({ blob_properties: undefined }), SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureStorageVersioning', storage({ blob_properties: [{ versioning_enabled: true, delete_retention_policy: [{ days: 7 }] }] }), SA))
      .toEqual(NON_COMPLIANT);
  });
  test('versioning with both soft deletes is compliant; file shares are not judged', () => {
    expect(verdicts('AzureStorageVersioning', storage(), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageVersioning', storage({ account_kind: 'FileStorage' }), SA)).toEqual([]);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzureStorageVersioning', storage({ blob_properties: { versioning_enabled: '${var.v}' } }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStoragePublicBlobAccess', () => {
  test('absent (default true) is non-compliant', () => {
    expect(verdicts('AzureStoragePublicBlobAccess', storage({ allow_nested_items_to_be_public: undefined }), SA)).toEqual(NON_COMPLIANT);
  });
  test('false is compliant', () => {
    expect(verdicts('AzureStoragePublicBlobAccess', storage(), SA)).toEqual(COMPLIANT);
  });
  test('an expression is unverifiable', () => {
    expect(verdicts('AzureStoragePublicBlobAccess', storage({ allow_nested_items_to_be_public: '${var.p}' }), SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureStorageLifecycleExpiry', () => {
  const policy = (days: unknown) => ({
    azurerm_storage_management_policy: {
      p: { storage_account_id: '${azurerm_storage_account.sa.id}', rule: [{ name: 'r', enabled: true, filters: {}, actions: { base_blob: { delete_after_days_since_modification_greater_than: days } } }] },
    },
  });
  test('no lifecycle policy, or one deleting later than the end of life, is non-compliant', () => {
    expect(verdicts('AzureStorageLifecycleExpiry', storage(), SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureStorageLifecycleExpiry', { ...storage(), ...policy(1000) }, SA)).toEqual(NON_COMPLIANT);
  });
  test('deleting within the end of life is compliant; without an end of life the rule does not apply', () => {
    expect(verdicts('AzureStorageLifecycleExpiry', { ...storage(), ...policy(730) }, SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageLifecycleExpiry', storage(), SA, new DataProtectionPolicy())).toEqual([]);
  });
  test('days from a variable are unverifiable', () => {
    expect(verdicts('AzureStorageLifecycleExpiry', { ...storage(), ...policy('${var.days}') }, SA)).toEqual(UNVERIFIABLE);
  });
});
