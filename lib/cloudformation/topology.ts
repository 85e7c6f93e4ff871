import { ResourceLookup, ResourceView } from './model';
import { mentionedResources, referencedResource } from './references';
import { Topology, TopologyEdge, TopologyKind, TopologyNode } from '../core/report/model';

/** Who reads a node: `<stack path>/<logical ID>` is unique in an app. */
const idOf = (r: ResourceView) => `${r.stackPath}/${r.logicalId}`;
/** Construct ids that say what a resource is, not which one: the construct above them names it. */
const GENERIC = new Set(['Resource', 'Default', 'LoadBalancer', 'Service', 'Cluster', 'Vault', 'Accelerator', 'Table', 'Distribution',
  'Database', 'Instance', 'FileSystem', 'Group', 'ASG']);
/** A short name for a resource: its construct, or the one above a generic id (`Web/LoadBalancer` -> `Web`). */
function nameOf(r: ResourceView): string {
  const parts = r.constructPath.split('/').filter((x) => x !== 'Resource');
  while (parts.length > 1 && GENERIC.has(parts[parts.length - 1])) parts.pop();
  return parts.pop() ?? r.logicalId;
}

/**
 * The workload's shape as CloudFormation templates tell it, for the report's picture: regions with
 * the zones their subnets use, accelerators and distributions in front, load balancers, services,
 * databases with their replicas, and backup vaults with the copies between them.
 *
 * @param resources the judged resources
 */
export function cloudFormationTopology(resources: readonly ResourceView[], lookup: ResourceLookup): Topology {
  const nodes = new Map<ResourceView, TopologyNode>();
  /** Nodes that are no resource of the app (a backup vault named only by its ARN). */
  const outside: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const zones = new Map<string, Set<string>>();
  const add = (r: ResourceView, kind: TopologyKind, label: string, global = false) => {
    nodes.set(r, { id: idOf(r), kind, label, ...(!global && r.region ? { region: r.region } : {}) });
  };
  const p = (r: ResourceView) => r.properties;

  for (const r of resources) {
    switch (r.type) {
      case 'AWS::EC2::Subnet': {
        const az = p(r).AvailabilityZone;
        if (typeof az === 'string' && r.region) {
          let set = zones.get(r.region);
          if (!set) zones.set(r.region, set = new Set());
          set.add(az);
        }
        break;
      }
      case 'AWS::GlobalAccelerator::Accelerator':
        add(r, TopologyKind.ENTRY, `Global Accelerator ${nameOf(r)}`, true);
        break;
      case 'AWS::CloudFront::Distribution':
        add(r, TopologyKind.ENTRY, `CloudFront ${nameOf(r)}`, true);
        break;
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        add(r, TopologyKind.LOAD_BALANCER, `${p(r).Type === 'network' ? 'NLB' : 'ALB'} ${nameOf(r)}${p(r).Scheme === 'internal' ? ' (internal)' : ''}`);
        break;
      case 'AWS::ECS::Service':
        add(r, TopologyKind.SERVICE, `ECS service ${nameOf(r)}${typeof p(r).DesiredCount === 'number' ? `, ${p(r).DesiredCount} tasks` : ''}`);
        break;
      case 'AWS::AutoScaling::AutoScalingGroup':
        add(r, TopologyKind.SERVICE, `Auto Scaling group ${nameOf(r)}${p(r).MinSize !== undefined ? `, ${p(r).MinSize}-${p(r).MaxSize} instances` : ''}`);
        break;
      case 'AWS::RDS::DBCluster': {
        const instances = lookup.referrers(r).filter((x) => x.type === 'AWS::RDS::DBInstance').length;
        add(r, TopologyKind.DATABASE, `${engineName(p(r).Engine)} ${nameOf(r)}${instances ? `, writer${instances > 1 ? ` + ${instances - 1} reader${instances > 2 ? 's' : ''}` : ' only'}` : ''}`);
        break;
      }
      case 'AWS::RDS::DBInstance':
        if (p(r).DBClusterIdentifier !== undefined) break;
        if (p(r).SourceDBInstanceIdentifier !== undefined) add(r, TopologyKind.REPLICA, `${engineName(p(r).Engine)} read replica ${nameOf(r)}`);
        else add(r, TopologyKind.DATABASE, `${engineName(p(r).Engine)} ${nameOf(r)}${p(r).MultiAZ === true || p(r).MultiAZ === 'true' ? ', Multi-AZ' : ', single AZ'}`);
        break;
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        add(r, TopologyKind.DATABASE, `DynamoDB ${nameOf(r)}${Array.isArray(p(r).Replicas) ? `, ${p(r).Replicas.length} replicas` : ''}`);
        break;
      case 'AWS::EFS::FileSystem':
        add(r, TopologyKind.STORAGE, `EFS ${nameOf(r)}${p(r).AvailabilityZoneName ? ' (one zone)' : ''}`);
        break;
      case 'AWS::Backup::BackupVault':
        add(r, TopologyKind.BACKUP_VAULT, `Backup vault ${typeof p(r).BackupVaultName === 'string' ? p(r).BackupVaultName : nameOf(r)}`);
        break;
      default:
    }
  }

  const edge = (from: ResourceView | undefined, to: ResourceView | undefined, label: string) => {
    const a = from && nodes.get(from);
    const b = to && nodes.get(to);
    if (a && b && !edges.some((e) => e.from === a.id && e.to === b.id)) edges.push({ from: a.id, to: b.id, label });
  };
  for (const r of resources) {
    switch (r.type) {
      case 'AWS::GlobalAccelerator::EndpointGroup': {
        const listener = referencedResource(p(r).ListenerArn, r.stackPath, lookup);
        const accelerator = listener && referencedResource(listener.properties.AcceleratorArn, listener.stackPath, lookup);
        for (const lb of mentionedResources(p(r).EndpointConfigurations, r.stackPath, lookup)) edge(accelerator, lb, 'routes');
        break;
      }
      case 'AWS::ECS::Service':
        for (const binding of Array.isArray(p(r).LoadBalancers) ? p(r).LoadBalancers : []) {
          const group = referencedResource(binding?.TargetGroupArn, r.stackPath, lookup);
          if (!group) continue;
          for (const listener of lookup.referrers(group).filter((x) => x.type === 'AWS::ElasticLoadBalancingV2::Listener')) {
            edge(referencedResource(listener.properties.LoadBalancerArn, listener.stackPath, lookup), r, 'routes');
          }
        }
        break;
      case 'AWS::RDS::DBInstance':
        if (p(r).SourceDBInstanceIdentifier !== undefined) edge(referencedResource(p(r).SourceDBInstanceIdentifier, r.stackPath, lookup), r, 'replicates');
        break;
      case 'AWS::Backup::BackupPlan':
        for (const rule of Array.isArray(p(r).BackupPlan?.BackupPlanRule) ? p(r).BackupPlan.BackupPlanRule : []) {
          const source = referencedResource(rule?.TargetBackupVault, r.stackPath, lookup);
          for (const copy of Array.isArray(rule?.CopyActions) ? rule.CopyActions : []) {
            const arn = copy?.DestinationBackupVaultArn;
            const from = source && nodes.get(source);
            if (from && typeof arn === 'string') {
              // A copy to a vault named by its ARN (another account, or outside the app): drawn too.
              const region = /^arn:[^:]+:backup:([^:]+):/.exec(arn)?.[1];
              const id = `arn:${arn}`;
              if (!outside.some((n) => n.id === id)) {
                outside.push({ id, kind: TopologyKind.BACKUP_VAULT, label: `Backup vault ${arn.split(':').pop()}`, ...(region ? { region } : {}) });
              }
              if (!edges.some((e) => e.from === from.id && e.to === id)) edges.push({ from: from.id, to: id, label: 'copies backups' });
            } else {
              edge(source, referencedResource(arn, r.stackPath, lookup), 'copies backups');
            }
          }
        }
        break;
      default:
    }
  }

  const list = [...nodes.values(), ...outside];
  const regionNames = [...new Set(list.map((n) => n.region).filter((x): x is string => !!x))].sort();
  return {
    regions: regionNames.map((name) => ({ name, zones: [...(zones.get(name) ?? [])].sort() })),
    nodes: list,
    edges,
  };
}

function engineName(engine: unknown): string {
  const e = typeof engine === 'string' ? engine : '';
  if (e === 'aurora-postgresql') return 'Aurora PostgreSQL';
  if (e === 'aurora-mysql' || e === 'aurora') return 'Aurora MySQL';
  if (e.startsWith('postgres')) return 'RDS PostgreSQL';
  if (e.startsWith('mysql')) return 'RDS MySQL';
  if (e.startsWith('mariadb')) return 'RDS MariaDB';
  if (e === 'neptune') return 'Neptune';
  if (e === 'docdb') return 'DocumentDB';
  return e ? `RDS ${e}` : 'RDS';
}
