import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';

/**
 * DP.AVL.6: object storage is redundant and versioned: every data bucket (not a log destination)
 * has versioning enabled, so an overwrite or delete can be undone. (S3 stores objects redundantly
 * across AZs by itself; EFS file systems are regional unless made One Zone, which this reports.)
 */
export const VersionedStorage: ResourceRule = {
  name: 'VersionedStorage',
  controlId: 'DP.AVL.6',
  resourceTypes: ['AWS::S3::Bucket', 'AWS::EFS::FileSystem'],
  covers: 'data buckets versioned, EFS not One Zone',
  level: Severity.ERROR,
  info: 'The storage is not versioned, or keeps its data in one availability zone.',
  explanation: 'DP.AVL.6 promises redundant, versioned storage. Enable bucket versioning (SecureBucket does) and '
    + 'use regional (multi-AZ) EFS file systems rather than One Zone.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (resource.type === 'AWS::EFS::FileSystem') {
      return resource.properties.AvailabilityZoneName === undefined ? COMPLIANT : NON_COMPLIANT;
    }
    if (isLogBucket(resource, context)) return NOT_APPLICABLE;
    return resource.properties.VersioningConfiguration?.Status === 'Enabled' ? COMPLIANT : NON_COMPLIANT;
  },
};
