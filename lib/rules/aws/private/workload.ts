import { REGIONAL_SLAS } from './sla';
import { cdkCreatedFor } from '../../../cloudformation/cdk-managed';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';

/** Whether a resource is part of the workload (serves users or holds their data), not plumbing or logs. */
export function isWorkload(resource: ResourceView, context: RuleContext): boolean {
  if (!(resource.type in REGIONAL_SLAS)) return false;
  // The CDK's own handlers (custom-resource providers, BucketDeployment) serve deployments, not users.
  if (cdkCreatedFor(resource) !== undefined) return false;
  if (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined) return false;
  if (resource.type === 'AWS::S3::Bucket' && isLogBucket(resource, context)) return false;
  return true;
}

/** The workload's resources, by region where the stack has an explicit one, else by stack. */
export interface WorkloadPlacement {
  /** Region -> the workload's resources there. */
  readonly byRegion: Map<string, ResourceView[]>;
  /** Stack path -> the workload's resources in a stack without an explicit region (known only at deployment). */
  readonly byUnplacedStack: Map<string, ResourceView[]>;
}

/** Where the workload runs, among the evaluated stacks. */
export function workloadPlacement(context: RuleContext, stackPaths: ReadonlySet<string>): WorkloadPlacement {
  const byRegion = new Map<string, ResourceView[]>();
  const byUnplacedStack = new Map<string, ResourceView[]>();
  for (const type of Object.keys(REGIONAL_SLAS)) {
    for (const r of context.lookup.resourcesOfType(type)) {
      if (!stackPaths.has(r.stackPath) || !isWorkload(r, context)) continue;
      const [map, key] = r.region ? [byRegion, r.region] : [byUnplacedStack, r.stackPath];
      map.set(key, [...(map.get(key) ?? []), r]);
    }
  }
  return { byRegion, byUnplacedStack };
}

/** The stacks of a placement that have no explicit region, in words. */
export function unplacedStacks(placement: WorkloadPlacement): string {
  const paths = [...placement.byUnplacedStack.keys()];
  return `${paths.length} workload stack(s) without an explicit region (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', ...' : ''})`;
}
