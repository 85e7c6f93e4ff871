import { isLogStore } from './monitoring';
import { isReplica } from './postgres';
import { zonesOf } from './scaling';
import { block, isExpression, referencedResource } from './values';
import { AZURE_REGION_PAIRS, normaliseAzureRegion } from '../../../facts/azure-regions';
import { AZURE_ENTRY_SLAS, AZURE_REGIONAL_SLAS, AzureServiceSla } from '../../../facts/azure-slas';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** Global entry points: in series with the regions behind them. */
export const ENTRY_TYPES = ['azurerm_cdn_frontdoor_profile', 'azurerm_frontdoor', 'azurerm_traffic_manager_profile'];
/** Compute that serves the workload: a region with one of these runs the workload. */
export const APP_TYPES = [
  'azurerm_container_app_environment', 'azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_kubernetes_cluster',
  'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set',
];
/** Regional gateways in front of the compute. */
export const GATEWAY_TYPES = ['azurerm_application_gateway'];
/** Data services the compute depends on. */
export const DATA_TYPES = ['azurerm_postgresql_flexible_server', 'azurerm_storage_account'];

/** One service as the budget counts it. */
interface Counted {
  readonly kind: string;
  readonly sla: AzureServiceSla;
  readonly note?: string;
  /** A read replica or read-access copy: it serves a region only where compute runs. */
  readonly secondary?: boolean;
}

/** The budget's result: a formula and the computed availability, or why it cannot be computed. */
export type Budget = { availability: number; formula: string } | { unknown: string } | undefined;

/** `99.99%`, `99.8501%`. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}%`;
}

/** The SLA of a compute service, or what is unknown about it (zones from an expression decide the tier). */
function appSla(r: TerraformResourceView): AzureServiceSla | string {
  switch (r.type) {
    case 'azurerm_container_app_environment': return AZURE_REGIONAL_SLAS.containerApps;
    case 'azurerm_kubernetes_cluster': {
      const raw = block(r.config.default_node_pool)?.zones;
      const zones = zonesOf(raw);
      if (!zones) return `${r.address}: default_node_pool.zones = ${JSON.stringify(raw)}`;
      return zones.length >= 2 ? AZURE_REGIONAL_SLAS.aksZones : AZURE_REGIONAL_SLAS.aks;
    }
    case 'azurerm_linux_virtual_machine_scale_set':
    case 'azurerm_windows_virtual_machine_scale_set': {
      const zones = zonesOf(r.config.zones);
      if (!zones) return `${r.address}: zones = ${JSON.stringify(r.config.zones)}`;
      return zones.length >= 2 ? AZURE_REGIONAL_SLAS.vmScaleSetZones : AZURE_REGIONAL_SLAS.vmScaleSet;
    }
    default: return AZURE_REGIONAL_SLAS.appService;
  }
}

function postgresSla(r: TerraformResourceView): AzureServiceSla {
  if (isReplica(r)) return AZURE_REGIONAL_SLAS.postgresReplica;
  const mode = block(r.config.high_availability)?.mode;
  return mode === 'ZoneRedundant' ? AZURE_REGIONAL_SLAS.postgresZoneRedundant : mode === 'SameZone' ? AZURE_REGIONAL_SLAS.postgresSameZone : AZURE_REGIONAL_SLAS.postgres;
}

/** The region a resource runs in (a Container Apps environment's for its apps); `undefined` when unknown. */
function regionOf(r: TerraformResourceView): string | undefined {
  const loc = r.config.location;
  return typeof loc === 'string' && !isExpression(loc) ? normaliseAzureRegion(loc) : undefined;
}

/**
 * The availability the topology's published SLAs allow: global entry points in series; in each
 * region that runs the workload, its gateways, compute and the data services located there in
 * series; those regions in parallel (any one of them serves); a data service the compute of some
 * region can only reach in another region (a single PostgreSQL primary, say) in series with the
 * parallel block. A read-access geo-redundant storage account (RA-GRS, RA-GZRS) is counted in its
 * paired region too; a read replica counts in its own region. Regions without compute hold only
 * backup copies and count for nothing. Computed once per evaluation.
 */
export function availabilityBudget(lookup: TerraformLookup): Budget {
  const cached = cache.get(lookup.stacks);
  if (cached !== undefined || cache.has(lookup.stacks)) return cached;
  const budget = compute(lookup);
  cache.set(lookup.stacks, budget);
  return budget;
}

const cache = new WeakMap<object, Budget>();

function compute(lookup: TerraformLookup): Budget {
  const all = lookup.stacks.flatMap((s) => s.resources);
  const entries = new Map<string, AzureServiceSla>();
  const regional = new Map<string, Counted[]>();
  const dataRegions = new Map<string, Counted[]>();
  const unknown: string[] = [];
  const uncertain: string[] = [];
  const unknownZones: string[] = [];
  const add = (into: Map<string, Counted[]>, region: string, c: Counted) => {
    const list = into.get(region) ?? [];
    list.push(c);
    into.set(region, list);
  };
  const usedEnvironments = new Set(all.filter((r) => r.type === 'azurerm_container_app' && r.uncertainExistence === undefined)
    .map((a) => referencedResource(a.config.container_app_environment_id, lookup)?.address).filter((a) => a));
  for (const r of all) {
    // A counted service that may or may not exist (count or for_each from an expression) changes the figure either way.
    const counted = ENTRY_TYPES.includes(r.type) || APP_TYPES.includes(r.type) || GATEWAY_TYPES.includes(r.type) || DATA_TYPES.includes(r.type);
    if (counted && r.uncertainExistence !== undefined) { uncertain.push(`${r.address} may not exist (${r.uncertainExistence})`); continue; }
    if (ENTRY_TYPES.includes(r.type)) {
      const sla = r.type === 'azurerm_traffic_manager_profile' ? AZURE_ENTRY_SLAS.trafficManager : AZURE_ENTRY_SLAS.frontDoor;
      entries.set(sla.service, sla);
      continue;
    }
    const isApp = APP_TYPES.includes(r.type) && (r.type !== 'azurerm_container_app_environment' || usedEnvironments.has(r.address));
    const isGateway = GATEWAY_TYPES.includes(r.type);
    const isData = DATA_TYPES.includes(r.type) && !(r.type === 'azurerm_storage_account' && isLogStore(r, lookup));
    if (!isApp && !isGateway && !isData) continue;
    const region = regionOf(r);
    if (!region) { unknown.push(`${r.address}: location = ${JSON.stringify(r.config.location)}`); continue; }
    if (isApp) {
      const sla = appSla(r);
      if (typeof sla === 'string') unknownZones.push(sla);
      else add(regional, region, { kind: sla.service, sla });
    } else if (isGateway) {
      add(regional, region, { kind: 'gateway', sla: AZURE_REGIONAL_SLAS.applicationGatewayV2 });
    } else if (r.type === 'azurerm_postgresql_flexible_server') {
      add(dataRegions, region, { kind: 'PostgreSQL', sla: postgresSla(r), secondary: isReplica(r) === true });
    } else {
      const name = typeof r.config.name === 'string' && !isExpression(r.config.name) ? r.config.name : r.name;
      add(dataRegions, region, { kind: 'Storage', sla: AZURE_REGIONAL_SLAS.storage, note: name });
      const replication = String(r.config.account_replication_type ?? '');
      const pair = AZURE_REGION_PAIRS[region];
      if (/^RAG/.test(replication) && pair) add(dataRegions, pair, { kind: 'Storage', sla: AZURE_REGIONAL_SLAS.storage, note: `read-access copy of ${name}`, secondary: true });
    }
  }
  if (uncertain.length > 0) return { unknown: `a service the budget counts may or may not be deployed: ${uncertain.join('; ')}` };
  if (unknown.length > 0) return { unknown: `the region of a workload resource is not known: ${unknown.join('; ')}` };
  if (unknownZones.length > 0) return { unknown: `the zones of a workload resource, which decide its SLA, are not known: ${unknownZones.join('; ')}` };
  // Regions whose compute serves the workload; a configuration of data services alone is judged region by region.
  const computeRegions = [...regional.entries()].filter(([, list]) => list.some((c) => c.kind !== 'gateway')).map(([region]) => region);
  if (computeRegions.length === 0) {
    // No compute: only primary copies count; a replica or read-access copy serves nobody by itself.
    for (const [region, list] of dataRegions) {
      const primary = list.filter((c) => !c.secondary);
      if (primary.length > 0) dataRegions.set(region, primary);
      else dataRegions.delete(region);
    }
  }
  const serving = computeRegions.length > 0 ? computeRegions : regional.size > 0 ? [] : [...dataRegions.keys()];
  if (serving.length === 0) return undefined;
  // Data kinds some serving region lacks: that region reaches them elsewhere, so they are in series.
  const kinds = new Set([...dataRegions.values()].flat().map((c) => c.kind));
  const shared: Counted[] = [];
  for (const kind of kinds) {
    const missing = serving.filter((region) => !(dataRegions.get(region) ?? []).some((c) => c.kind === kind));
    if (missing.length === 0) continue;
    const instances = [...dataRegions.entries()].flatMap(([region, list]) => list.filter((c) => c.kind === kind).map((c) => ({ region, c })));
    const lowest = instances.reduce((a, b) => (b.c.sla.percent < a.c.sla.percent ? b : a));
    shared.push({ kind, sla: lowest.c.sla, note: `shared: only in ${[...new Set(instances.map((i) => i.region))].sort().join(', ')}` });
  }
  const sharedKinds = new Set(shared.map((s) => s.kind));
  const parts: string[] = [];
  let allDown = 1;
  for (const region of [...serving].sort()) {
    const chain = [...(regional.get(region) ?? []), ...(dataRegions.get(region) ?? []).filter((c) => !sharedKinds.has(c.kind))];
    // Each kind once per region, at its lowest figure.
    const byKind = new Map<string, Counted>();
    for (const c of chain) {
      const before = byKind.get(c.kind);
      if (!before || c.sla.percent < before.sla.percent) byKind.set(c.kind, c);
    }
    const counted = [...byKind.values()];
    const availability = counted.reduce((a, c) => a * (c.sla.percent / 100), 1);
    allDown *= 1 - availability;
    parts.push(`${region}: ${counted.map(describe).join(' x ')} = ${pct(availability)}`);
  }
  const series = [...entries.values()].map((e) => ({ kind: e.service, sla: e }) as Counted).concat(shared);
  const total = series.reduce((a, c) => a * (c.sla.percent / 100), 1) * (1 - allDown);
  const head = series.map(describe).join(' x ');
  const regions = `${serving.length > 1 ? 'parallel' : 'region'}(${parts.join('; ')})`;
  return { availability: total, formula: `${head ? `${head} x ` : ''}${regions} = ${pct(total)}` };
}

function describe(c: Counted): string {
  return `${c.sla.service}${c.note ? ` (${c.note})` : ''} ${c.sla.percent}%`;
}
