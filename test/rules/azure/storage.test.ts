import { COMPLIANT, declared, NON_COMPLIANT, said, storage, UNVERIFIABLE, verdicts } from './helpers';
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
  test('TLS 1.1 is below, TLS 1.3 meets a 1.3 policy; a value that is no TLS version is unverifiable', () => {
    expect(verdicts('AzureStorageMinTls', storage({ min_tls_version: 'TLS1_1' }), SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureStorageMinTls', storage({ min_tls_version: 'TLS1_3' }), SA, new DataProtectionPolicy({ minTlsVersion: '1.3' }))).toEqual(COMPLIANT);
    expect(said('AzureStorageMinTls', storage({ min_tls_version: 'SSL3' }), SA)).toEqual(['non-compliant[Unverifiable]: min_tls_version = "SSL3"']);
    expect(said('AzureStorageMinTls', storage({ min_tls_version: 1.2 }), SA)).toEqual(['non-compliant[Unverifiable]: min_tls_version = 1.2']);
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
  test('a Managed HSM key is a customer-managed key; a block naming no key is none', () => {
    const hsm = { managed_hsm_key_id: '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}', user_assigned_identity_id: 'x' };
    expect(verdicts('AzureStorageCustomerManagedKey', storage({ customer_managed_key: hsm }), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageCustomerManagedKey', storage({ customer_managed_key: { user_assigned_identity_id: 'x' } }), SA)).toEqual(NON_COMPLIANT);
  });
  test('a separate customer-managed-key resource that may not exist is unverifiable', () => {
    const maybe = {
      ...storage({ customer_managed_key: undefined }),
      azurerm_storage_account_customer_managed_key: { k: [{ count: '${var.n}', storage_account_id: '${azurerm_storage_account.sa.id}', key_vault_key_id: 'k' }] },
    };
    expect(said('AzureStorageCustomerManagedKey', maybe, SA, undefined, { variable: { n: [{ type: '${number}' }] } })).toEqual([
      'non-compliant[Unverifiable]: azurerm_storage_account_customer_managed_key.k may not exist:'
      + ' count = ${var.n} cannot be evaluated (variable "n" has no default and no value was given)',
    ]);
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
  test('each missing protection is named: versioning off, no blob soft delete, no container soft delete', () => {
    const props = (p: object) => said('AzureStorageVersioning', storage({ blob_properties: p }), SA);
    expect(props({ versioning_enabled: false, delete_retention_policy: { days: 7 }, container_delete_retention_policy: { days: 7 } }))
      .toEqual(['non-compliant: versioning_enabled is false']);
    expect(props({ versioning_enabled: true, container_delete_retention_policy: { days: 7 } })).toEqual(['non-compliant: no delete_retention_policy']);
    expect(props({})).toEqual(['non-compliant: versioning_enabled is false, no delete_retention_policy, no container_delete_retention_policy']);
    expect(verdicts('AzureStorageVersioning', storage({ account_kind: 'BlockBlobStorage' }), SA)).toEqual(COMPLIANT);
  });
  test('the account kind, the blob properties or the blob retention policy from a variable without default is unverifiable', () => {
    expect(said('AzureStorageVersioning', storage({ account_kind: '${var.kind}' }), SA, undefined, declared('kind')))
      .toEqual(['non-compliant[Unverifiable]: account_kind = ${var.kind} (variable "kind" has no default and no value was given)']);
    expect(said('AzureStorageVersioning', storage({ blob_properties: '${var.blob}' }), SA, undefined, declared('blob')))
      .toEqual(['non-compliant[Unverifiable]: blob_properties = ${var.blob} (variable "blob" has no default and no value was given)']);
    const retention = { versioning_enabled: true, delete_retention_policy: '${var.days}', container_delete_retention_policy: { days: 7 } };
    expect(said('AzureStorageVersioning', storage({ blob_properties: retention }), SA, undefined, declared('days')))
      .toEqual(['non-compliant[Unverifiable]: blob_properties retention policies = ${var.days} (variable "days" has no default and no value was given)']);
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

  const management = (rules: unknown, extra: object = {}) => ({
    ...storage(), azurerm_storage_management_policy: { p: { storage_account_id: '${azurerm_storage_account.sa.id}', rule: rules, ...extra } },
  });
  const lifecycle = (o: object = {}, baseBlob: object = { delete_after_days_since_modification_greater_than: 730 }) =>
    ({ name: 'r', enabled: true, filters: { blob_types: ['blockBlob'] }, actions: { base_blob: baseBlob }, ...o });
  const expiry = (rules: unknown, config: object = {}, extra: object = {}, p?: DataProtectionPolicy) =>
    said('AzureStorageLifecycleExpiry', management(rules, extra), SA, p, config);
  const KEPT = ': the rest of the account is kept forever';
  const statusOf = (line: string) => line.slice(0, line.indexOf(': '));
  test('a rule narrowed to append blobs, a prefix or a blob index tag leaves the rest of the account without end of life', () => {
    expect(expiry([lifecycle({ filters: { blob_types: ['appendBlob'] } })])).toEqual([`non-compliant: rule "r" applies only to appendBlob${KEPT}`]);
    expect(expiry([lifecycle({ filters: { blob_types: ['blockBlob'], prefix_match: ['logs/', 'tmp/'] } })]))
      .toEqual([`non-compliant: rule "r" deletes only blobs under logs/, tmp/${KEPT}`]);
    const tags = [{ name: 'tier', value: 'temp' }, { name: 'age', operation: '==', value: 'old' }];
    expect(expiry([lifecycle({ filters: { blob_types: ['blockBlob'], match_blob_index_tag: tags } })]))
      .toEqual([`non-compliant: rule "r" deletes only blobs tagged tier==temp and age==old${KEPT}`]);
  });
  test('a rule for block and append blobs, without filters or with an empty prefix list covers the account', () => {
    expect(verdicts('AzureStorageLifecycleExpiry', management([lifecycle({ filters: { blob_types: ['blockBlob', 'appendBlob'] } })]), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageLifecycleExpiry', management([lifecycle({ filters: undefined })]), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageLifecycleExpiry', management([lifecycle({ filters: { blob_types: ['blockBlob'], prefix_match: [] } })]), SA)).toEqual(COMPLIANT);
  });
  test('a disabled rule deletes nothing; one narrowed rule beside a covering one is compliant', () => {
    expect(expiry([lifecycle({ enabled: false })]).map(statusOf)).toEqual(NON_COMPLIANT);
    expect(expiry([lifecycle({ enabled: 'false' })]).map(statusOf)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureStorageLifecycleExpiry', management([lifecycle({ name: 'logs', filters: { prefix_match: ['logs/'] } }), lifecycle({ name: 'all' })]), SA))
      .toEqual(COMPLIANT);
  });
  test('deleting only snapshots or versions, or only tiering current blobs, deletes no current blob', () => {
    const snapshots = {
      ...lifecycle(), actions: { snapshot: { delete_after_days_since_creation_greater_than: 30 }, version: { delete_after_days_since_creation: 30 } },
    };
    expect(expiry([snapshots])).toEqual([`non-compliant: rule "r" deletes no current blobs (only snapshots or versions)${KEPT}`]);
    expect(expiry([lifecycle({}, { tier_to_cool_after_days_since_modification_greater_than: 30 })])).toEqual([`non-compliant: rule "r" deletes no current blobs${KEPT}`]);
    expect(expiry([lifecycle({}, { delete_after_days_since_modification_greater_than: -1 })])).toEqual([`non-compliant: rule "r" deletes no current blobs${KEPT}`]);
  });
  test('any of the three base-blob delete ages within the end of life is compliant; the longest one is named', () => {
    const base = (b: object) => verdicts('AzureStorageLifecycleExpiry', management([lifecycle({}, b)]), SA);
    expect(base({ delete_after_days_since_creation_greater_than: 730 })).toEqual(COMPLIANT);
    expect(base({ delete_after_days_since_last_access_time_greater_than: 730 })).toEqual(COMPLIANT);
    expect(base({ delete_after_days_since_modification_greater_than: '730' })).toEqual(COMPLIANT);
    expect(base({ delete_after_days_since_modification_greater_than: -1, delete_after_days_since_creation_greater_than: 700 })).toEqual(COMPLIANT);
    expect(expiry([lifecycle({}, { delete_after_days_since_modification_greater_than: 731 })])).toEqual([`non-compliant: rule "r" deletes after 731 days${KEPT}`]);
    expect(expiry([lifecycle({}, { delete_after_days_since_modification_greater_than: 1000, delete_after_days_since_creation_greater_than: 800 })]))
      .toEqual([`non-compliant: rule "r" deletes after 1000 days${KEPT}`]);
  });
  test('the end of life comes from the policy: 30 days meets a 30-day policy, 31 does not', () => {
    const thirty = new DataProtectionPolicy({ dataEndOfLifeDays: 30 });
    expect(expiry([lifecycle({}, { delete_after_days_since_modification_greater_than: 30 })], {}, {}, thirty).map(statusOf)).toEqual(COMPLIANT);
    expect(expiry([lifecycle({}, { delete_after_days_since_modification_greater_than: 31 })], {}, {}, thirty))
      .toEqual([`non-compliant: rule "r" deletes after 31 days${KEPT}`]);
  });
  test('rules, their enabled flag, filters, actions, blob types, prefixes or tags from a variable are unverifiable', () => {
    const POLICY = 'azurerm_storage_management_policy.p';
    expect(expiry('${var.rules}', declared('rules'))).toEqual([`non-compliant[Unverifiable]: ${POLICY} has rules from an expression`]);
    expect(expiry([lifecycle({ name: undefined, enabled: '${var.on}' })], declared('on'))).toEqual([`non-compliant[Unverifiable]: ${POLICY}: a rule is enabled by \${var.on}`]);
    const FROM_EXPRESSION = [`non-compliant[Unverifiable]: ${POLICY}: rule "r" has filters or actions from an expression`];
    expect(expiry([lifecycle({ filters: '${var.f}' })], declared('f'))).toEqual(FROM_EXPRESSION);
    expect(expiry([lifecycle({ actions: '${var.f}' })], declared('f'))).toEqual(FROM_EXPRESSION);
    const TYPES = [`non-compliant[Unverifiable]: ${POLICY}: rule "r" has blob_types from an expression`];
    expect(expiry([lifecycle({ filters: { blob_types: '${var.t}' } })], declared('t'))).toEqual(TYPES);
    expect(expiry([lifecycle({ filters: { blob_types: ['${var.t}'] } })], declared('t'))).toEqual(TYPES);
    expect(expiry([lifecycle({ filters: { blob_types: ['blockBlob'], prefix_match: '${var.p}' } })], declared('p')))
      .toEqual([`non-compliant[Unverifiable]: ${POLICY}: rule "r" has prefix_match \${var.p}`]);
    expect(expiry([lifecycle({ filters: { blob_types: ['blockBlob'], match_blob_index_tag: '${var.tags}' } })], declared('tags')))
      .toEqual([`non-compliant[Unverifiable]: ${POLICY}: rule "r" has match_blob_index_tag \${var.tags}`]);
  });
  test('an unknown delete age is unverifiable unless another age, or another rule, already covers the account', () => {
    const POLICY = 'azurerm_storage_management_policy.p';
    const ages = (creation: number) => [lifecycle({}, { delete_after_days_since_modification_greater_than: '${var.d}', delete_after_days_since_creation_greater_than: creation })];
    expect(expiry(ages(700), declared('d')).map(statusOf)).toEqual(COMPLIANT);
    expect(expiry(ages(900), declared('d')))
      .toEqual([`non-compliant[Unverifiable]: ${POLICY}: rule "r" has delete_after_days_since_modification_greater_than = \${var.d}`]);
    expect(expiry([lifecycle({ name: 'x', filters: '${var.f}' }), lifecycle({ name: 'all' })], declared('f')).map(statusOf)).toEqual(COMPLIANT);
    expect(expiry([lifecycle({ name: 'logs', filters: { prefix_match: ['logs/'] } }), lifecycle({ name: 'x', filters: '${var.f}' })], declared('f')))
      .toEqual([`non-compliant[Unverifiable]: ${POLICY}: rule "x" has filters or actions from an expression`]);
  });
  test('a covering management policy that may not exist is unverifiable', () => {
    expect(expiry([lifecycle()], { variable: { n: [{ type: '${number}' }] } }, { count: '${var.n}' })).toEqual([
      'non-compliant[Unverifiable]: azurerm_storage_management_policy.p may not exist:'
      + ' count = ${var.n} cannot be evaluated (variable "n" has no default and no value was given)',
    ]);
  });
});
