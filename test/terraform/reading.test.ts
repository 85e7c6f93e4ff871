import { readTerraform } from '../../lib/terraform/configuration-index';
import { TerraformResourceView } from '../../lib/terraform/model';
import { azurermOfConfiguration, majorsAllowedBy } from '../../lib/terraform/provider';
import { prepareConfigurations, TerraformConfiguration } from '../../lib/terraform/read-configuration';
import { TerraformInputError } from '../../lib/terraform/read-plan';

/** Read a configuration and give its instances by address. */
function read(config: { [key: string]: any }, extra: Partial<TerraformConfiguration> = {}): Map<string, TerraformResourceView> {
  return new Map(readTerraform({ name: 'T', config, ...extra }).resources.map((r) => [r.address, r]));
}

async function readPrepared(config: { [key: string]: any }): Promise<Map<string, TerraformResourceView>> {
  await prepareConfigurations([{ name: 'T', config }]);
  return read(config);
}

describe('Terraform JSON as written', () => {
  test('resource bodies written as one-element arrays (HCL converters) read like objects', () => {
    const views = read({
      resource: { azurerm_storage_account: { logs: [{ min_tls_version: 'TLS1_0', blob_properties: [{ versioning_enabled: true }] }] } },
    });
    const sa = views.get('azurerm_storage_account.logs')!;
    expect(sa.config.min_tls_version).toBe('TLS1_0');
    expect(sa.config.blob_properties).toEqual([{ versioning_enabled: true }]);
  });

  test('the resource block itself may be a list of objects (HCL JSON syntax)', () => {
    const views = read({ resource: [{ azurerm_key_vault: { a: { sku_name: 'premium' } } }, { azurerm_key_vault: { b: [{ sku_name: 'standard' }] } }] });
    expect([...views.keys()]).toEqual(['azurerm_key_vault.a', 'azurerm_key_vault.b']);
  });

  test('variables resolve to their defaults (array-shaped variable blocks too), and given values win', () => {
    const config = {
      variable: { tls: [{ type: '${string}', default: 'TLS1_0' }], kind: { default: 'StorageV2' }, secret: [{ type: '${string}' }] },
      resource: { azurerm_storage_account: { a: [{ min_tls_version: '${var.tls}', account_kind: '${var.kind}', name: '${var.secret}' }] } },
    };
    const a = read(config).get('azurerm_storage_account.a')!;
    expect(a.config.min_tls_version).toBe('TLS1_0');
    expect(a.config.account_kind).toBe('StorageV2');
    expect(a.config.name).toBe('${var.secret}');
    expect(a.unknownReasons?.get('${var.secret}')).toMatch(/no default/);
    expect(read(config, { variables: { tls: 'TLS1_2' } }).get('azurerm_storage_account.a')!.config.min_tls_version).toBe('TLS1_2');
  });

  test('a location taken from a resource group of the same configuration is that group\'s location', () => {
    const views = read({
      resource: {
        azurerm_resource_group: { rg: [{ name: 'rg-app', location: 'northeurope' }] },
        azurerm_storage_account: { a: [{ location: '${azurerm_resource_group.rg.location}', resource_group_name: '${azurerm_resource_group.rg.name}' }] },
      },
    });
    const a = views.get('azurerm_storage_account.a')!;
    expect(a.config.location).toBe('northeurope');
    expect(a.config.resource_group_name).toBe('rg-app');
    expect([...a.references!]).toEqual(['azurerm_resource_group.rg']);
  });

  test('a data source stays unknown', () => {
    const a = read({ resource: { azurerm_storage_account: { a: { location: '${data.azurerm_resource_group.rg.location}' } } } }).get('azurerm_storage_account.a')!;
    expect(a.config.location).toBe('${data.azurerm_resource_group.rg.location}');
  });

  test('count: literal 0 means absent, a literal n gives n instances with count.index', () => {
    const views = read({
      resource: {
        azurerm_storage_account: {
          none: [{ count: 0, name: 'x' }],
          two: [{ count: 2, name: 'st${count.index}' }],
        },
      },
    });
    expect([...views.keys()]).toEqual(['azurerm_storage_account.two[0]', 'azurerm_storage_account.two[1]']);
    expect(views.get('azurerm_storage_account.two[1]')!.config.name).toBe('st1');
    expect(views.get('azurerm_storage_account.two[1]')!.index).toBe(1);
  });

  test('for_each over a variable default: one instance per key, each.value available', () => {
    const views = read({
      variable: { regions: [{ default: ['westeurope', 'northeurope'] }] },
      resource: { azurerm_storage_account: { r: [{ for_each: '${var.regions}', location: '${each.value}' }] } },
    });
    expect([...views.keys()]).toEqual(['azurerm_storage_account.r["westeurope"]', 'azurerm_storage_account.r["northeurope"]']);
    expect(views.get('azurerm_storage_account.r["northeurope"]')!.config.location).toBe('northeurope');
  });

  test('count from a variable without a default: existence uncertain, one view with the reason', () => {
    const views = read({
      variable: { n: [{ type: '${number}' }] },
      resource: { azurerm_storage_account: { a: [{ count: '${var.n}', name: 'x' }] } },
    });
    const a = views.get('azurerm_storage_account.a')!;
    expect(a.uncertainExistence).toMatch(/count = \$\{var.n\} cannot be evaluated \(variable "n" has no default/);
  });

  test('conditional count, for_each and dynamic blocks need the expression parser: evaluated once prepared', async () => {
    const config = {
      variable: {
        enable_cmk: [{ default: false }],
        instance_count: [{ default: null }],
        blob: [{ default: { versioning: true, days: 14 } }],
        groups: [{ default: ['audit', 'allLogs'] }],
      },
      resource: {
        azurerm_storage_account_customer_managed_key: { k: [{ count: '${var.enable_cmk ? 1 : 0}', storage_account_id: 'x' }] },
        azurerm_storage_account: {
          blobs: [{ count: '${var.instance_count == null ? 0 : var.instance_count}' }],
          docs: [{
            dynamic: {
              blob_properties: [{
                for_each: '${var.blob == null ? [] : [var.blob]}',
                content: [{
                  versioning_enabled: '${blob_properties.value.versioning}',
                  delete_retention_policy: [{ days: '${blob_properties.value.days}' }],
                }],
              }],
            },
          }],
        },
        azurerm_monitor_diagnostic_setting: {
          d: [{ dynamic: { enabled_log: [{ for_each: '${toset(var.groups)}', content: [{ category_group: '${enabled_log.value}' }] }] } }],
        },
      },
    };
    const views = await readPrepared(config);
    expect([...views.keys()]).toEqual(['azurerm_storage_account.docs', 'azurerm_monitor_diagnostic_setting.d']);
    expect(views.get('azurerm_storage_account.docs')!.config.blob_properties).toEqual([{ versioning_enabled: true, delete_retention_policy: [{ days: 14 }] }]);
    expect(views.get('azurerm_monitor_diagnostic_setting.d')!.config.enabled_log).toEqual([{ category_group: 'allLogs' }, { category_group: 'audit' }]);
  });

  test('a dynamic block whose for_each is unknown is an expression, not an absent block', async () => {
    const views = await readPrepared({
      variable: { ha: [{ type: '${object({ mode = string })}' }] },
      resource: {
        azurerm_postgresql_flexible_server: {
          db: [{ dynamic: { high_availability: [{ for_each: '${var.ha == null ? [] : [var.ha]}', content: [{ mode: '${high_availability.value.mode}' }] }] } }],
        },
      },
    });
    const ha = views.get('azurerm_postgresql_flexible_server.db')!.config.high_availability;
    expect(ha).toBe('${azurerm_postgresql_flexible_server.db.high_availability}');
  });

  test('locals, map lookups and indexed references', async () => {
    const views = await readPrepared({
      locals: [{ env_acl: { prod: 'Deny', dev: 'Allow' } }],
      variable: { env: [{ default: 'dev' }] },
      resource: {
        azurerm_key_vault: { kv: [{ network_acls: [{ default_action: '${local.env_acl[var.env]}' }] }] },
        azurerm_postgresql_flexible_server: { db: [{ count: 1 }] },
        azurerm_data_protection_backup_instance_postgresql_flexible_server: { b: [{ server_id: '${azurerm_postgresql_flexible_server.db[0].id}' }] },
      },
    });
    expect(views.get('azurerm_key_vault.kv')!.config.network_acls).toEqual([{ default_action: 'Allow' }]);
    const b = views.get('azurerm_data_protection_backup_instance_postgresql_flexible_server.b')!;
    expect(b.config.server_id).toBe('${azurerm_postgresql_flexible_server.db[0].id}');
    expect([...b.references!]).toEqual(['azurerm_postgresql_flexible_server.db[0]']);
  });

  test('module calls are reported as not judged', () => {
    const read1 = readTerraform({ name: 'T', config: { module: { storage: [{ source: 'Azure/avm-res-storage-storageaccount/azurerm', version: '0.6.9' }] } } });
    expect(read1.unjudged.map((u) => u.address)).toEqual(['module.storage']);
    expect(read1.unjudged[0].detail).toMatch(/not expanded/);
  });
});

describe('azurerm provider version', () => {
  test.each([
    ['~> 3.90', [3]],
    ['~> 3', [3]],
    ['>= 3.36.0', [3, 4, 5]],
    ['= 2.99.0', [2]],
    ['4.55.0', [4]],
    ['>= 4.12.0, < 5.0.0', [4]],
    ['~> 4.20.1', [4]],
  ])('%s allows majors %j', (constraint, majors) => {
    expect(majorsAllowedBy(constraint)).toEqual(majors);
  });

  test('required_providers (object, legacy string and array-shaped forms), else the legacy provider version, else unknown', () => {
    expect(azurermOfConfiguration({ terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm', version: '~> 4.0' } } } }).majors).toEqual([4]);
    expect(azurermOfConfiguration({ terraform: [{ required_providers: [{ azurerm: { version: '~> 3.90' } }] }] }).majors).toEqual([3]);
    expect(azurermOfConfiguration({ terraform: { required_providers: { azurerm: '= 2.99.0' } } }).majors).toEqual([2]);
    expect(azurermOfConfiguration({ provider: { azurerm: [{ version: '~> 3.0' }] } }).majors).toEqual([3]);
    expect(azurermOfConfiguration({}).source).toBeUndefined();
    expect(azurermOfConfiguration({}, '3.117.1')).toEqual({ majors: [3], exact: '3.117.1', source: 'lock file' });
  });
});

describe('terraform show -json', () => {
  const plan = (extra: { [key: string]: any } = {}) => ({
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'azurerm_storage_account.data', mode: 'managed', type: 'azurerm_storage_account', name: 'data',
            values: { min_tls_version: 'TLS1_0', https_traffic_only_enabled: true, allow_nested_items_to_be_public: true, customer_managed_key: [], tags: null },
          },
          {
            address: 'azurerm_monitor_diagnostic_setting.blob', mode: 'managed', type: 'azurerm_monitor_diagnostic_setting', name: 'blob',
            values: { name: 'blob', enabled_log: [{ category: '', category_group: 'audit' }] },
          },
          { address: 'data.azurerm_client_config.c', mode: 'data', type: 'azurerm_client_config', name: 'c', values: {} },
        ],
        child_modules: [{
          address: 'module.db',
          resources: [{
            address: 'module.db.azurerm_postgresql_flexible_server.this', mode: 'managed', type: 'azurerm_postgresql_flexible_server', name: 'this',
            values: { zone: '1', high_availability: [{ mode: 'ZoneRedundant' }] },
          }],
        }],
      },
    },
    resource_changes: [
      {
        address: 'azurerm_monitor_diagnostic_setting.blob', type: 'azurerm_monitor_diagnostic_setting', name: 'blob',
        change: { actions: ['create'], before: null, after: {}, after_unknown: { id: true, target_resource_id: true, log_analytics_workspace_id: true } },
      },
      {
        address: 'module.db.azurerm_postgresql_flexible_server.this', module_address: 'module.db', type: 'azurerm_postgresql_flexible_server', name: 'this',
        change: { actions: ['create'], after: {}, after_unknown: { high_availability: [{ standby_availability_zone: true }], id: true } },
      },
    ],
    configuration: {
      provider_config: { azurerm: { name: 'azurerm', version_constraint: '~> 4.20' } },
      root_module: {
        resources: [{
          address: 'azurerm_monitor_diagnostic_setting.blob', mode: 'managed', type: 'azurerm_monitor_diagnostic_setting', name: 'blob',
          expressions: {
            target_resource_id: { references: ['azurerm_storage_account.data.id', 'azurerm_storage_account.data'] },
            log_analytics_workspace_id: { references: ['var.workspace_id'] },
          },
        }],
      },
    },
    ...extra,
  });

  test('planned values are judged; unknown values become expressions; references come from configuration', () => {
    const r = readTerraform({ name: 'plan.json', config: plan() });
    expect(r.origin).toBe('plan');
    expect(r.azurerm.majors).toEqual([4]);
    const views = new Map(r.resources.map((v) => [v.address, v]));
    expect([...views.keys()]).toEqual([
      'azurerm_storage_account.data', 'azurerm_monitor_diagnostic_setting.blob', 'module.db.azurerm_postgresql_flexible_server.this',
    ]);
    expect(views.get('azurerm_storage_account.data')!.config).toEqual({
      min_tls_version: 'TLS1_0', https_traffic_only_enabled: true, allow_nested_items_to_be_public: true, customer_managed_key: [],
    });
    const diag = views.get('azurerm_monitor_diagnostic_setting.blob')!;
    expect(diag.config.target_resource_id).toBe('${azurerm_storage_account.data.id}');
    expect(diag.config.log_analytics_workspace_id).toBe('${azurerm_monitor_diagnostic_setting.blob.log_analytics_workspace_id}');
    expect(diag.config.enabled_log).toEqual([{ category_group: 'audit' }]);
    expect([...diag.references!]).toEqual(['azurerm_storage_account.data']);
    const db = views.get('module.db.azurerm_postgresql_flexible_server.this')!;
    expect(db.moduleAddress).toBe('module.db');
    expect(db.config.high_availability[0].standby_availability_zone).toMatch(/^\$\{/);
    expect(db.unknownReasons?.get(db.config.high_availability[0].standby_availability_zone)).toMatch(/known only after apply/);
  });

  test('an unknown format_version major is refused with what was expected', () => {
    expect(() => readTerraform({ name: 'plan.json', config: plan({ format_version: '2.0' }) }))
      .toThrow(TerraformInputError);
    expect(() => readTerraform({ name: 'plan.json', config: plan({ format_version: '2.0' }) }))
      .toThrow(/format_version "2.0" is not supported: expected .* major version of 0 or 1/);
  });

  test('without a constraint, the storage account\'s attribute names tell the major', () => {
    const v3: any = plan({ configuration: undefined });
    v3.planned_values.root_module.resources[0].values = { enable_https_traffic_only: false, https_traffic_only_enabled: null };
    expect(readTerraform({ name: 'p', config: v3 }).azurerm).toEqual({ majors: [3], source: 'plan attributes' });
  });
});
