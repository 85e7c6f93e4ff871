import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView, RuleContext } from '../../rule';
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
  level: NagMessageLevel.ERROR,
  info: 'The storage is not versioned, or keeps its data in one availability zone.',
  explanation: 'DP.AVL.6 promises redundant, versioned storage. Enable bucket versioning (SecureBucket does) and '
    + 'use regional (multi-AZ) EFS file systems rather than One Zone.',
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    if (resource.type === 'AWS::EFS::FileSystem') {
      return resource.properties.AvailabilityZoneName === undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    }
    if (isLogBucket(resource, context)) return NagRuleCompliance.NOT_APPLICABLE;
    return resource.properties.VersioningConfiguration?.Status === 'Enabled' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
