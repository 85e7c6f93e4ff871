import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, includeTemplate, statusesOf } from '../../helpers';

const EOL = new DataProtectionPolicy({ dataEndOfLifeDays: 365 });
const bucket = (props: object = {}) => ({ Type: 'AWS::S3::Bucket', Properties: props });
const expire = (days: number, extra: object = {}) => ({ LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: days, ...extra }] } });

describe('S3BucketLifecycleExpiry (DP.DAT.1)', () => {
  const resources = {
    NoLifecycle: bucket(),
    Expires: bucket(expire(365)),
    TooLate: bucket(expire(400)),
    PrefixOnly: bucket(expire(30, { Prefix: 'tmp/' })),
    Disabled: bucket({ LifecycleConfiguration: { Rules: [{ Status: 'Disabled', ExpirationInDays: 30 }] } }),
    VersionedNoNoncurrent: bucket({ ...expire(90), VersioningConfiguration: { Status: 'Enabled' } }),
    VersionedBoth: bucket({ ...expire(90, { NoncurrentVersionExpiration: { NoncurrentDays: 30 } }), VersioningConfiguration: { Status: 'Enabled' } }),
    TaggedLogs: bucket({ Tags: [{ Key: 'dp:data-class', Value: 'logs' }] }),
    AccessLogs: bucket(),
    Logged: bucket({ ...expire(30), LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } } }),
    ConditionalLifecycle: bucket({ LifecycleConfiguration: { 'Fn::ImportValue': 'lifecycle' } }),
  };
  test('data buckets expire everything within the end of life; log buckets are not data', () => {
    expect(statusesOf(evaluate(includeTemplate(resources).app, EOL), 'S3BucketLifecycleExpiry')).toEqual({
      NoLifecycle: 'non-compliant [Expiration]',
      Expires: 'compliant',
      TooLate: 'non-compliant [Expiration]',
      PrefixOnly: 'non-compliant [Expiration]',
      Disabled: 'non-compliant [Expiration]',
      VersionedNoNoncurrent: 'non-compliant [NoncurrentVersions]',
      VersionedBoth: 'compliant',
      TaggedLogs: 'not-applicable',
      AccessLogs: 'not-applicable',
      Logged: 'compliant',
      ConditionalLifecycle: 'non-compliant [Unverifiable]',
    });
  });
  test('without an end of life in the policy the rule does not apply', () => {
    const statuses = Object.values(statusesOf(evaluate(includeTemplate(resources).app), 'S3BucketLifecycleExpiry'));
    expect(new Set(statuses)).toEqual(new Set(['not-applicable']));
  });
});
