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

describe('S3BucketLifecycleExpiry: log destinations, whole-bucket filters and the end-of-life boundary (mutation run sample C)', () => {
  test('a bucket a trail, flow log, load balancer or distribution writes its logs to is not data; other referrers do not count', () => {
    const report = evaluate(includeTemplate({
      TrailLogs: bucket(),
      Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: { Ref: 'TrailLogs' } } },
      FlowLogs: bucket(),
      FlowLog: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: 'vpc-1', ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: { 'Fn::GetAtt': ['FlowLogs', 'Arn'] } } },
      LbLogs: bucket(),
      Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1', 'subnet-2'], LoadBalancerAttributes: [
        { Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: { Ref: 'LbLogs' } },
      ] } },
      // Named by a load balancer attribute that is not its log destination: still data.
      LbOther: bucket(),
      LbNotLogs: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1', 'subnet-2'], LoadBalancerAttributes: [
        { Key: 'access_logs.s3.prefix', Value: { Ref: 'LbOther' } },
      ] } },
      CdnLogs: bucket(),
      Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: {
        Enabled: true, Origins: [{ Id: 'o1', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
        DefaultCacheBehavior: { TargetOriginId: 'o1', ViewerProtocolPolicy: 'https-only' },
        Logging: { Bucket: { 'Fn::GetAtt': ['CdnLogs', 'RegionalDomainName'] } },
      } } },
      WithPolicy: bucket(),
      WithPolicyPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'WithPolicy' }, PolicyDocument: { Version: '2012-10-17', Statement: [
        { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ] } } },
      OtherTag: bucket({ Tags: [{ Key: 'dp:data-class', Value: 'restricted' }] }),
    }).app, EOL);
    expect(statusesOf(report, 'S3BucketLifecycleExpiry')).toEqual({
      TrailLogs: 'not-applicable',
      FlowLogs: 'not-applicable',
      LbLogs: 'not-applicable',
      LbOther: 'non-compliant [Expiration]',
      CdnLogs: 'not-applicable',
      WithPolicy: 'non-compliant [Expiration]',
      OtherTag: 'non-compliant [Expiration]',
    });
  });

  test('only enabled rules for the whole bucket count, at most the end of life, noncurrent versions by either property', () => {
    const rule = (extra: object) => ({ Status: 'Enabled', ExpirationInDays: 30, ...extra });
    const rules = (...r: object[]) => ({ LifecycleConfiguration: { Rules: r } });
    const versioned = { VersioningConfiguration: { Status: 'Enabled' } };
    const report = evaluate(includeTemplate({
      EmptyPrefix: bucket(rules(rule({ Prefix: '' }))),
      EmptyFilterPrefix: bucket(rules(rule({ Filter: { Prefix: '' } }))),
      FilterPrefix: bucket(rules(rule({ Filter: { Prefix: 'tmp/' } }))),
      FilterTag: bucket(rules(rule({ Filter: { Tag: { Key: 'k', Value: 'v' } } }))),
      FilterAnd: bucket(rules(rule({ Filter: { And: { Prefix: 'a/', Tags: [{ Key: 'k', Value: 'v' }] } } }))),
      FilterLarger: bucket(rules(rule({ Filter: { ObjectSizeGreaterThan: 1024 } }))),
      FilterSmaller: bucket(rules(rule({ Filter: { ObjectSizeLessThan: 1024 } }))),
      RuleTags: bucket(rules(rule({ TagFilters: [{ Key: 'k', Value: 'v' }] }))),
      RuleLarger: bucket(rules(rule({ ObjectSizeGreaterThan: 1024 }))),
      RuleSmaller: bucket(rules(rule({ ObjectSizeLessThan: 1024 }))),
      OneDayLate: bucket(expire(366)),
      DisabledThenEnabled: bucket(rules({ Status: 'Disabled', ExpirationInDays: 30 }, rule({}))),
      PrefixThenLate: bucket(rules(rule({ Prefix: 'tmp/' }), rule({ ExpirationInDays: 400 }))),
      LegacyNoncurrent: bucket({ ...rules(rule({ NoncurrentVersionExpirationInDays: 365 })), ...versioned }),
      NoncurrentLate: bucket({ ...rules(rule({ NoncurrentVersionExpiration: { NoncurrentDays: 366 } })), ...versioned }),
      NoncurrentOnOtherRule: bucket({ ...rules(rule({}), { Status: 'Enabled', NoncurrentVersionExpirationInDays: 7 }), ...versioned }),
      NoncurrentOnPrefixRule: bucket({ ...rules(rule({}), rule({ Prefix: 'a/', NoncurrentVersionExpirationInDays: 7 })), ...versioned }),
      Suspended: bucket({ ...expire(30), VersioningConfiguration: { Status: 'Suspended' } }),
      NeitherVersionsNorExpiry: bucket({ ...rules({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }), ...versioned }),
    }).app, EOL);
    expect(statusesOf(report, 'S3BucketLifecycleExpiry')).toEqual({
      EmptyPrefix: 'compliant',
      EmptyFilterPrefix: 'compliant',
      FilterPrefix: 'non-compliant [Expiration]',
      FilterTag: 'non-compliant [Expiration]',
      FilterAnd: 'non-compliant [Expiration]',
      FilterLarger: 'non-compliant [Expiration]',
      FilterSmaller: 'non-compliant [Expiration]',
      RuleTags: 'non-compliant [Expiration]',
      RuleLarger: 'non-compliant [Expiration]',
      RuleSmaller: 'non-compliant [Expiration]',
      OneDayLate: 'non-compliant [Expiration]',
      DisabledThenEnabled: 'compliant',
      PrefixThenLate: 'non-compliant [Expiration]',
      LegacyNoncurrent: 'compliant',
      NoncurrentLate: 'non-compliant [NoncurrentVersions]',
      NoncurrentOnOtherRule: 'compliant',
      NoncurrentOnPrefixRule: 'non-compliant [NoncurrentVersions]',
      Suspended: 'compliant',
      NeitherVersionsNorExpiry: 'non-compliant [Expiration] [NoncurrentVersions]',
    });
  });
});
