import { TerraformLookup, TerraformResourceView } from './model';
import { Topology, TopologyEdge, TopologyKind, TopologyNode } from '../core/report/model';
import { AZURE_REGION_PAIRS, normaliseAzureRegion } from '../facts/azure-regions';

const REFERENCE = /^\$\{([a-zA-Z0-9_]+\.[a-zA-Z0-9_-]+)\.([a-zA-Z0-9_]+)\}$/;

/** An argument's literal value, following one `${type.name.attr}` reference into the configuration. */
function literal(value: unknown, lookup: TerraformLookup): unknown {
  if (typeof value !== 'string') return value;
  const m = REFERENCE.exec(value);
  if (!m) return value.includes('${') ? undefined : value;
  const target = lookup.byAddress(m[1])?.config[m[2]];
  return typeof target === 'string' && target.includes('${') ? undefined : target;
}

/** The resource a `${type.name...}` reference (anywhere in the text) points at, if declared. */
function referenced(value: unknown, lookup: TerraformLookup): TerraformResourceView | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /\$\{([a-zA-Z0-9_]+\.[a-zA-Z0-9_-]+)(?:\[[^\]]*\])?\./.exec(value);
  return m ? lookup.byAddress(m[1]) : undefined;
}

/**
 * The workload's shape as Terraform JSON tells it, for the report's picture: regions with the zones
 * their services use, entry points, gateways, apps, databases with their replicas and HA zones,
 * storage, and backup vaults with the geo-redundant copies in the paired region.
 */
export function terraformTopology(resources: readonly TerraformResourceView[], lookup: TerraformLookup): Topology {
  const nodes = new Map<string, TopologyNode>();
  const edges: TopologyEdge[] = [];
  const zones = new Map<string, Set<string>>();
  const regionOf = (r: TerraformResourceView) => {
    const loc = literal(r.config.location, lookup);
    return typeof loc === 'string' ? normaliseAzureRegion(loc) : undefined;
  };
  const add = (r: TerraformResourceView, kind: TopologyKind, label: string, global = false) => {
    const region = global ? undefined : regionOf(r);
    // Addresses repeat across configurations judged together: the configuration's name makes them unique.
    nodes.set(r.address, { id: `${r.stackName}:${r.address}`, kind, label, ...(region ? { region } : {}) });
    return region;
  };
  const zone = (region: string | undefined, ...values: unknown[]) => {
    if (!region) return;
    let set = zones.get(region);
    if (!set) zones.set(region, set = new Set());
    for (const v of values.flat()) if (typeof v === 'string' || typeof v === 'number') set.add(`zone ${v}`);
  };
  const paired = (r: TerraformResourceView, region: string | undefined, label: string) => {
    const pair = region ? AZURE_REGION_PAIRS[region] : undefined;
    const from = nodes.get(r.address);
    if (!pair || !from) return;
    const id = `${from.id}:paired`;
    nodes.set(id, { id, kind: TopologyKind.BACKUP_VAULT, label: `geo-redundant copy of ${r.name}`, region: pair });
    edges.push({ from: from.id, to: id, label });
  };

  for (const r of resources) {
    const c = r.config;
    switch (r.type) {
      case 'azurerm_cdn_frontdoor_profile':
        add(r, TopologyKind.ENTRY, `Front Door ${r.name} (${c.sku_name ?? 'sku?'})`, true);
        break;
      case 'azurerm_application_gateway':
        zone(add(r, TopologyKind.LOAD_BALANCER, `Application Gateway ${r.name}`), c.zones ?? []);
        break;
      case 'azurerm_lb':
        add(r, TopologyKind.LOAD_BALANCER, `Load balancer ${r.name}`);
        break;
      case 'azurerm_container_app': {
        // A container app runs in its environment's region, over its zones when the environment is zone-redundant.
        const env = referenced(c.container_app_environment_id, lookup);
        const region = env ? regionOf(env) : undefined;
        const template = Array.isArray(c.template) ? c.template[0] : c.template;
        const redundant = env && (env.config.zone_redundancy_enabled === true || env.config.zone_redundancy_enabled === 'true');
        nodes.set(r.address, {
          id: `${r.stackName}:${r.address}`,
          kind: TopologyKind.SERVICE,
          label: `Container app ${c.name ?? r.name}${typeof template?.min_replicas === 'number' ? `, ${template.min_replicas}+ replicas` : ''}${redundant ? ', zone-redundant' : ''}`,
          ...(region ? { region } : {}),
        });
        if (redundant) zone(region, '1', '2', '3');
        break;
      }
      case 'azurerm_linux_web_app':
      case 'azurerm_windows_web_app':
      case 'azurerm_kubernetes_cluster':
        add(r, TopologyKind.SERVICE, `${r.type.replace('azurerm_', '').replace(/_/g, ' ')} ${r.name}`);
        break;
      case 'azurerm_postgresql_flexible_server': {
        const replica = c.create_mode === 'Replica';
        const ha = Array.isArray(c.high_availability) ? c.high_availability[0] : c.high_availability;
        const region = add(r, replica ? TopologyKind.REPLICA : TopologyKind.DATABASE,
          `PostgreSQL ${r.name}${replica ? ' (read replica)' : ha?.mode ? `, HA ${ha.mode}` : ', no HA'}`);
        zone(region, c.zone, ha?.standby_availability_zone);
        if (c.geo_redundant_backup_enabled === true || c.geo_redundant_backup_enabled === 'true') paired(r, region, 'geo-redundant backups');
        break;
      }
      case 'azurerm_storage_account':
        add(r, TopologyKind.STORAGE, `Storage ${r.name} (${c.account_replication_type ?? 'replication?'})`);
        break;
      case 'azurerm_data_protection_backup_vault': {
        const region = add(r, TopologyKind.BACKUP_VAULT, `Backup vault ${r.name} (${c.redundancy ?? 'redundancy?'})`);
        if (c.redundancy === 'GeoRedundant') paired(r, region, 'copies backups');
        break;
      }
      default:
    }
  }
  // Front Door routes to the apps its origins name (host name or the Private Link target environment).
  for (const origin of resources.filter((r) => r.type === 'azurerm_cdn_frontdoor_origin')) {
    const group = referenced(origin.config.cdn_frontdoor_origin_group_id, lookup);
    const profile = group ? referenced(group.config.cdn_frontdoor_profile_id, lookup) : undefined;
    const from = profile ? nodes.get(profile.address) : undefined;
    if (!from) continue;
    const link = Array.isArray(origin.config.private_link) ? origin.config.private_link[0] : origin.config.private_link;
    const target = referenced(origin.config.host_name, lookup) ?? referenced(link?.private_link_target_id, lookup);
    const apps = target?.type === 'azurerm_container_app_environment'
      ? resources.filter((a) => a.type === 'azurerm_container_app' && referenced(a.config.container_app_environment_id, lookup) === target)
      : target ? [target] : [];
    for (const app of apps) {
      const to = nodes.get(app.address);
      if (to) edges.push({ from: from.id, to: to.id, label: link ? 'routes over Private Link' : 'routes' });
    }
  }
  for (const r of resources) {
    if (r.type !== 'azurerm_postgresql_flexible_server' || r.config.create_mode !== 'Replica') continue;
    const m = typeof r.config.source_server_id === 'string' ? /^\$\{([a-zA-Z0-9_]+\.[a-zA-Z0-9_-]+)\.id\}$/.exec(r.config.source_server_id) : null;
    const source = m ? nodes.get(m[1]) : undefined;
    const replica = nodes.get(r.address);
    if (source && replica) edges.push({ from: source.id, to: replica.id, label: 'replicates' });
  }
  const list = [...nodes.values()];
  const regionNames = [...new Set(list.map((n) => n.region).filter((x): x is string => !!x))].sort();
  return { regions: regionNames.map((name) => ({ name, zones: [...(zones.get(name) ?? [])].sort() })), nodes: list, edges };
}
