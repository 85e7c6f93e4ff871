import { TerraformResourceView } from './model';
import { AzurermVersion, describeAzurerm, KNOWN_AZURERM_MAJORS, UNKNOWN_AZURERM } from './provider';
import { Outcome, RuleResult, unverifiable, Verdict, verdictsOf, worstOf } from '../core/engine/verdict';

/**
 * One setting of an azurerm resource in one provider major: the argument names that set it (the
 * current name first), and what Azure does when none is set.
 */
export interface SettingInMajor {
  /** Argument names, current first (a deprecated name still accepted in that major after it). */
  readonly names: readonly string[];
  /** The provider's default (what an absent argument means); `undefined` when absent means "not set". */
  readonly default?: unknown;
}

/** A setting across provider majors (2 to 5); a major without an entry has no such argument. */
export interface SettingSpec {
  /** The resource type. */
  readonly resourceType: string;
  /** By major. */
  readonly majors: { readonly [major: number]: SettingInMajor };
}

const all = (names: string[], dflt?: unknown): { [major: number]: SettingInMajor } =>
  Object.fromEntries(KNOWN_AZURERM_MAJORS.map((m) => [m, { names, ...(dflt !== undefined ? { default: dflt } : {}) }]));

/**
 * The azurerm settings the rules read, with their names and defaults in provider 2.x to 5.x
 * (from the provider's documentation and upgrade guides at v3.117.1, v4.81.0 and v5.2.0).
 * Add a row here before a rule reads a new argument whose name or default changed.
 */
export const AZURERM_SETTINGS = {
  /** Refuses plain HTTP. Renamed in 3.114 (old name removed in 4.0). */
  storageHttpsOnly: {
    resourceType: 'azurerm_storage_account',
    majors: {
      2: { names: ['enable_https_traffic_only'], default: true },
      3: { names: ['https_traffic_only_enabled', 'enable_https_traffic_only'], default: true },
      4: { names: ['https_traffic_only_enabled'], default: true },
      5: { names: ['https_traffic_only_enabled'], default: true },
    },
  },
  /** Containers may be made anonymously readable: default false in 2.x (`allow_blob_public_access`), true in 3.x and 4.x, false again in 5.0. */
  storageNestedItemsPublic: {
    resourceType: 'azurerm_storage_account',
    majors: {
      2: { names: ['allow_blob_public_access'], default: false },
      3: { names: ['allow_nested_items_to_be_public'], default: true },
      4: { names: ['allow_nested_items_to_be_public'], default: true },
      5: { names: ['allow_nested_items_to_be_public'], default: false },
    },
  },
  /** Minimum TLS version: TLS1_0 by default in 2.x, TLS1_2 from 3.0 (5.0 accepts nothing older). */
  storageMinTls: {
    resourceType: 'azurerm_storage_account',
    majors: {
      2: { names: ['min_tls_version'], default: 'TLS1_0' },
      3: { names: ['min_tls_version'], default: 'TLS1_2' },
      4: { names: ['min_tls_version'], default: 'TLS1_2' },
      5: { names: ['min_tls_version'], default: 'TLS1_2' },
    },
  },
  storageInfrastructureEncryption: { resourceType: 'azurerm_storage_account', majors: all(['infrastructure_encryption_enabled'], false) },
  storagePublicNetworkAccess: {
    resourceType: 'azurerm_storage_account',
    majors: { ...all(['public_network_access_enabled'], true), 2: { names: [], default: true } },
  },
  storageAccountKind: { resourceType: 'azurerm_storage_account', majors: all(['account_kind'], 'StorageV2') },
  keyVaultPurgeProtection: { resourceType: 'azurerm_key_vault', majors: all(['purge_protection_enabled'], false) },
  keyVaultPublicNetworkAccess: {
    resourceType: 'azurerm_key_vault',
    majors: { ...all(['public_network_access_enabled'], true), 2: { names: [], default: true } },
  },
  postgresGeoBackup: { resourceType: 'azurerm_postgresql_flexible_server', majors: all(['geo_redundant_backup_enabled'], false) },
  postgresPublicNetworkAccess: { resourceType: 'azurerm_postgresql_flexible_server', majors: all(['public_network_access_enabled'], true) },
  /** Backup vault immutability: not in 3.x (so Disabled), default Disabled in 4.x and 5.x. */
  backupVaultImmutability: {
    resourceType: 'azurerm_data_protection_backup_vault',
    majors: { ...all(['immutability'], 'Disabled'), 2: { names: [], default: 'Disabled' }, 3: { names: [], default: 'Disabled' } },
  },
  backupVaultSoftDelete: {
    resourceType: 'azurerm_data_protection_backup_vault',
    majors: { ...all(['soft_delete'], 'On'), 2: { names: [], default: 'On' } },
  },
  /** Cross-region restore: not in 3.x (so off), default false from 4.x. */
  backupVaultCrossRegionRestore: {
    resourceType: 'azurerm_data_protection_backup_vault',
    majors: { ...all(['cross_region_restore_enabled'], false), 2: { names: [], default: false }, 3: { names: [], default: false } },
  },
  metricAlertEnabled: { resourceType: 'azurerm_monitor_metric_alert', majors: all(['enabled'], true) },
  /** Shared-key (account key and SAS) authorization: on unless switched off. */
  storageSharedKey: { resourceType: 'azurerm_storage_account', majors: all(['shared_access_key_enabled'], true) },
  /** Container Apps environment spread over the region's zones (3.x and later; needs an infrastructure subnet). */
  containerAppEnvironmentZoneRedundant: {
    resourceType: 'azurerm_container_app_environment',
    majors: { ...all(['zone_redundancy_enabled'], false), 2: { names: [], default: false } },
  },
  /** App Service plan workers balanced over zones: no provider default (off). */
  servicePlanZoneBalancing: {
    resourceType: 'azurerm_service_plan',
    majors: { ...all(['zone_balancing_enabled'], false), 2: { names: [], default: false } },
  },
  /** Workers of an App Service plan: 1 unless set (the service's default). */
  servicePlanWorkers: { resourceType: 'azurerm_service_plan', majors: all(['worker_count'], 1) },
  /** Public IP SKU: Basic by default up to 3.x, Standard from 4.0. */
  publicIpSku: {
    resourceType: 'azurerm_public_ip',
    majors: { 2: { names: ['sku'], default: 'Basic' }, 3: { names: ['sku'], default: 'Basic' }, 4: { names: ['sku'], default: 'Standard' }, 5: { names: ['sku'], default: 'Standard' } },
  },
  /** DDoS protection of a public IP: inherited from its virtual network unless set (3.x and later). */
  publicIpDdosMode: {
    resourceType: 'azurerm_public_ip',
    majors: { ...all(['ddos_protection_mode'], 'VirtualNetworkInherited'), 2: { names: [], default: 'VirtualNetworkInherited' } },
  },
  /** Web apps serve plain HTTP unless `https_only` is set: default false in every major. */
  linuxWebAppHttpsOnly: { resourceType: 'azurerm_linux_web_app', majors: all(['https_only'], false) },
  windowsWebAppHttpsOnly: { resourceType: 'azurerm_windows_web_app', majors: all(['https_only'], false) },
  /** Automation account keys (local authentication): on unless switched off. */
  automationLocalAuth: { resourceType: 'azurerm_automation_account', majors: all(['local_authentication_enabled'], true) },
  /** Service Bus SAS keys (local authentication): on unless switched off. */
  serviceBusLocalAuth: { resourceType: 'azurerm_servicebus_namespace', majors: all(['local_auth_enabled'], true) },
  serviceBusPublicNetworkAccess: { resourceType: 'azurerm_servicebus_namespace', majors: all(['public_network_access_enabled'], true) },
  serviceBusMinTls: { resourceType: 'azurerm_servicebus_namespace', majors: all(['minimum_tls_version'], '1.2') },
  /** Bastion shareable links: sign-in-free links to a VM; off unless switched on. */
  bastionShareableLinks: { resourceType: 'azurerm_bastion_host', majors: all(['shareable_link_enabled'], false) },
} satisfies { [key: string]: SettingSpec };

/** A setting's key in `AZURERM_SETTINGS`. */
export type AzurermSetting = keyof typeof AZURERM_SETTINGS;

/** What a configuration says about one setting. */
export interface SettingRead {
  /** The argument that sets it and its value, when one is set. */
  readonly configured?: { readonly name: string; readonly value: unknown };
  /** When none is set: the default in each major the configuration can run with. */
  readonly defaults: readonly { readonly major: number; readonly value: unknown; readonly name?: string }[];
  /** The provider version the read is based on. */
  readonly version: AzurermVersion;
  /** Majors in which the configured argument does not exist (the configuration would not validate there). */
  readonly invalidIn: readonly number[];
}

/** Read a setting from a resource, knowing the provider majors' names and defaults. */
export function readSetting(resource: TerraformResourceView, setting: AzurermSetting): SettingRead {
  const spec: SettingSpec = AZURERM_SETTINGS[setting];
  const version = resource.azurerm ?? UNKNOWN_AZURERM;
  const names = new Set<string>();
  for (const m of KNOWN_AZURERM_MAJORS) spec.majors[m]?.names.forEach((n) => names.add(n));
  // A configured argument wins; the current name first, then older ones (a v3 config may use either).
  const candidates = [...names].filter((n) => resource.config[n] !== undefined && resource.config[n] !== null);
  const majors = version.majors.filter((m) => spec.majors[m]);
  if (candidates.length > 0) {
    // Prefer a name valid in the configuration's majors, then a known value over an unknown one.
    const valid = candidates.filter((n) => majors.some((m) => spec.majors[m].names.includes(n)));
    const pool = valid.length > 0 ? valid : candidates;
    const known = pool.filter((n) => !isUnknownText(resource.config[n]));
    const name = (known.length > 0 ? known : pool)[0];
    const invalidIn = version.majors.filter((m) => !spec.majors[m]?.names.includes(name));
    return { configured: { name, value: resource.config[name] }, defaults: [], version, invalidIn };
  }
  const defaults = (majors.length > 0 ? majors : version.majors).map((m) => ({
    major: m, value: spec.majors[m]?.default, name: spec.majors[m]?.names[0],
  }));
  return { defaults, version, invalidIn: [] };
}

function isUnknownText(v: unknown): boolean {
  return typeof v === 'string' && v.includes('${');
}

/**
 * Judge a setting: its configured value, or (when absent) the default of every provider major the
 * configuration can run with, keeping the least favourable verdict. The finding's detail says which
 * value was judged and, for a default, which provider version it belongs to.
 *
 * @param judge the verdict on one value (`undefined` is "absent, no default")
 */
export function judgeSetting(resource: TerraformResourceView, setting: AzurermSetting, judge: (value: unknown) => RuleResult): RuleResult {
  const read = readSetting(resource, setting);
  if (read.configured) {
    const { name, value } = read.configured;
    if (isUnknownText(value)) return unverifiable(`${name} = ${value}${reasonOf(resource, value)}`);
    const invalid = read.invalidIn.length > 0 && read.invalidIn.length === read.version.majors.length
      ? `; ${name} is not an argument of ${describeAzurerm(read.version)}, so this configuration does not validate there` : '';
    return withDetail(judge(value), `${name} = ${JSON.stringify(value)}${sourceNote(resource, name)}${invalid}`);
  }
  const byValue = new Map<string, { value: unknown; majors: number[]; name?: string }>();
  for (const d of read.defaults) {
    const key = JSON.stringify(d.value ?? null);
    const entry = byValue.get(key) ?? { value: d.value, majors: [], name: d.name };
    entry.majors.push(d.major);
    byValue.set(key, entry);
  }
  const entries = [...byValue.values()];
  const name = entries.find((e) => e.name)?.name ?? setting;
  if (entries.length <= 1) {
    const value = entries[0]?.value;
    return withDetail(judge(value), `${name} not set: ${value === undefined ? 'no default' : `default ${JSON.stringify(value)}`} on ${describeAzurerm(read.version)}`);
  }
  const results = entries.map((e) => ({ e, result: judge(e.value) }));
  const outcomeOf = (r: RuleResult) => worstOutcome(verdictsOf(r));
  const distinct = new Set(results.map((r) => outcomeOf(r.result)));
  const perMajor = results.map(({ e }) => `${JSON.stringify(e.value ?? null)} on ${e.majors.map((m) => `v${m}`).join('/')}`).join(', ');
  const detail = `${name} not set: the default depends on the provider major (${perMajor}); ${describeAzurerm(read.version)}`;
  if (distinct.size === 1) return withDetail(results[0].result, detail);
  return withDetail(worstOf(results.map((r) => r.result)), `${detail}; judged by the least favourable default — set ${name} explicitly`);
}

const RANK: { [o: string]: number } = { [Outcome.NON_COMPLIANT]: 3, [Outcome.UNVERIFIABLE]: 2, [Outcome.COMPLIANT]: 1, [Outcome.NOT_APPLICABLE]: 0 };

function worstOutcome(verdicts: readonly Verdict[]): string {
  return verdicts.reduce<string>((w, v) => (RANK[v.outcome] > RANK[w] ? v.outcome : w), Outcome.NOT_APPLICABLE);
}

/** ` (from the default of var.x)` when an argument's value came from input variables; empty otherwise. */
export function sourceNote(resource: TerraformResourceView, argument: string): string {
  const sources = resource.valueSources?.get(argument);
  return sources && sources.length > 0 ? ` (from ${sources.join(' and ')})` : '';
}

/** Why an unknown value is unknown, as `: <why>` (empty when the reader did not record it). */
export function reasonOf(resource: TerraformResourceView, value: unknown): string {
  if (typeof value !== 'string') return '';
  const why = resource.unknownReasons?.get(value);
  return why ? ` (${why})` : '';
}

/** Give each verdict of a result that has no detail this one. */
export function withDetail(result: RuleResult, detail: string): RuleResult {
  const verdicts = verdictsOf(result);
  const out = verdicts.map((v) => (v.detail || v.outcome === Outcome.NOT_APPLICABLE ? v : { ...v, detail }));
  return Array.isArray(result) ? out : out[0];
}
