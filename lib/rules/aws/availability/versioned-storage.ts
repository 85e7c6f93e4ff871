import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { backupModel } from '../private/backup-model';

/** DP.AVL.6 on an EFS file system: regional (not One Zone), and its earlier versions kept as backups. */
function fileSystemVerdict(resource: ResourceView, context: RuleContext): RuleResult {
  const p = resource.properties;
  if (p.AvailabilityZoneName !== undefined) return nonCompliant('a One Zone file system keeps its data in one availability zone');
  const status = resolveValue(p.BackupPolicy?.Status, resource.stackPath, context.lookup);
  if (!status.known) return unverifiable(`BackupPolicy.Status is ${status.why}`);
  if (status.value === 'ENABLED') return compliant('regional, with EFS automatic backups keeping earlier versions');
  if (backupModel(context).coverage(resource).plans.length > 0) return compliant('regional, with a backup plan keeping earlier versions');
  return nonCompliant('EFS keeps no versions of its files, and no backup (BackupPolicy ENABLED or a backup plan) keeps earlier ones');
}

/**
 * DP.AVL.6: object and file storage is redundant and versioned: every data bucket (not a log
 * destination) has versioning enabled, so an overwrite or delete can be undone (S3 stores objects
 * redundantly across AZs by itself); an EFS file system is regional (not One Zone) and, since EFS
 * has no versioning, keeps earlier versions as backups (automatic backups or a backup plan).
 */
export const VersionedStorage: ResourceRule = {
  name: 'VersionedStorage',
  controlId: 'DP.AVL.6',
  resourceTypes: ['AWS::S3::Bucket', 'AWS::EFS::FileSystem'],
  covers: 'data buckets versioned; EFS regional, with backups keeping earlier versions',
  level: Severity.ERROR,
  info: 'The storage is not versioned, or keeps its data in one availability zone.',
  explanation: 'DP.AVL.6 promises redundant, versioned storage. Enable bucket versioning (SecureBucket does); '
    + 'use regional (multi-AZ) EFS file systems rather than One Zone, with automatic backups or a backup plan.',
  fix: 'Enable bucket versioning; for EFS use a regional file system with BackupPolicy ENABLED or a backup plan.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (resource.type === 'AWS::EFS::FileSystem') return fileSystemVerdict(resource, context);
    if (isLogBucket(resource, context)) return NOT_APPLICABLE;
    const status = resolveValue(resource.properties.VersioningConfiguration?.Status, resource.stackPath, context.lookup);
    if (!status.known) return unverifiable(`VersioningConfiguration.Status is ${status.why}`);
    return status.value === 'Enabled' ? compliant('versioning enabled') : nonCompliant(`versioning ${status.value === undefined ? 'never enabled' : String(status.value)}`);
  },
};
