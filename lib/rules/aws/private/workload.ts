import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { REGIONAL_SLAS } from './sla';

/** Whether a resource is part of the workload (serves users or holds their data), not plumbing or logs. */
export function isWorkload(resource: ResourceView, context: RuleContext): boolean {
  if (!(resource.type in REGIONAL_SLAS)) return false;
  if (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined) return false;
  if (resource.type === 'AWS::S3::Bucket' && isLogBucket(resource, context)) return false;
  return true;
}

/** The workload's resources by region, among the evaluated stacks; built once per evaluation. */
export function workloadByRegion(context: RuleContext, stackPaths: ReadonlySet<string>): Map<string, ResourceView[]> {
  const out = new Map<string, ResourceView[]>();
  for (const type of Object.keys(REGIONAL_SLAS)) {
    for (const r of context.lookup.resourcesOfType(type)) {
      if (!stackPaths.has(r.stackPath) || !isWorkload(r, context)) continue;
      const list = out.get(r.region ?? '') ?? [];
      list.push(r);
      out.set(r.region ?? '', list);
    }
  }
  return out;
}
