import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import {
  AuditTrail, CentralLogArchive, DataKey, DataProtectionPolicy, HttpsLoadBalancer, IncidentTopic, KpiAlarms, SecureBucket, ThreatDetection,
  VaultLockMode,
} from '../../lib';
import { evaluate } from '../helpers';
import { offlineStack, violations, vpcOf } from './fixtures';

const LOG_CONTROLS = new DataProtectionPolicy({ controls: ['DP.LOG.1', 'DP.LOG.2', 'DP.LOG.3', 'DP.LOG.4', 'DP.MON.1', 'DP.MON.2', 'DP.ENC.2', 'DP.ENC.3'] });

describe('CentralLogArchive', () => {
  test('Object Lock (governance) at logRetentionDays, KMS, versioning, colder storage, retained; CloudTrail and log delivery may write', () => {
    const { stack } = offlineStack();
    new CentralLogArchive(stack, 'Archive', { policy: new DataProtectionPolicy({ logRetentionDays: 400 }) });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::S3::Bucket', {
      Properties: {
        ObjectLockEnabled: true,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } } },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
        LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 400, Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }] })] },
        Tags: [{ Key: 'dp:data-class', Value: 'logs' }],
      },
      DeletionPolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', { PolicyDocument: { Statement: Match.arrayWith([
      Match.objectLike({ Sid: 'cloudtrailWrite', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject' }),
      Match.objectLike({ Sid: 'deliveryWrite', Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: 's3:PutObject' }),
    ]) } });
  });

  test('compliance mode on request', () => {
    const { stack } = offlineStack();
    new CentralLogArchive(stack, 'Archive', { lockMode: VaultLockMode.COMPLIANCE });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', { ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } } });
  });

  test('rejects a retention below the policy; accepts a longer one', () => {
    const { stack } = offlineStack();
    expect(() => new CentralLogArchive(stack, 'Short', { retention: Duration.days(90) })).toThrow(
      /CentralLogArchive Stack\/Short: invalid props:\n {2}- retention: "90 days" \(allowed: at least the policy's logRetentionDays \(365\)\)/);
    new CentralLogArchive(stack, 'Long', { retention: Duration.days(730) });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', { ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 730 } } } });
  });

  test('rejects an unknown lock mode', () => {
    const { stack } = offlineStack();
    expect(() => new CentralLogArchive(stack, 'Archive', { lockMode: 'forever' as VaultLockMode })).toThrow(/CentralLogArchive Stack\/Archive: invalid props:\n {2}- lockMode: "forever" \(allowed: governance, compliance\)/);
  });
});

describe('AuditTrail', () => {
  test('multi-region, validated, encrypted, to the archive and to an encrypted log group, with scoped data events', () => {
    const { stack } = offlineStack();
    const archive = new CentralLogArchive(stack, 'Archive');
    const docs = new SecureBucket(stack, 'Docs');
    const table = new dynamodb.TableV2(stack, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, encryption: dynamodb.TableEncryptionV2.customerManagedKey(new DataKey(stack, 'K')), removalPolicy: RemovalPolicy.RETAIN });
    new AuditTrail(stack, 'Audit', { archive, dataBuckets: [docs.bucket], dataTables: [table], insights: true });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true, EnableLogFileValidation: true, IncludeGlobalServiceEvents: true,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ArchiveKey'), 'Arn'] },
      S3BucketName: { Ref: Match.stringLikeRegexp('^ArchiveBucket') },
      CloudWatchLogsLogGroupArn: Match.anyValue(),
      InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
      AdvancedEventSelectors: [
        { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        { Name: 'Data buckets', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', StartsWith: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^DocsBucket'), 'Arn'] }, '/']] }] }] },
        { Name: 'Data tables', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] },
          { Field: 'resources.ARN', StartsWith: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Orders'), 'Arn'] }] }] },
      ],
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
  });
});

describe('IncidentTopic, KpiAlarms and ThreatDetection', () => {
  test('a stack with every observability construct meets DP.LOG.1-4 and DP.MON.1-2', () => {
    const { app, stack } = offlineStack();
    const archive = new CentralLogArchive(stack, 'Archive');
    const incidents = new IncidentTopic(stack, 'Incidents', { emails: ['oncall@example.com'], httpsEndpoints: ['https://events.pagerduty.com/integration/abc/enqueue'] });
    const docs = new SecureBucket(stack, 'Docs');
    new AuditTrail(stack, 'Audit', { archive, dataBuckets: [docs.bucket] });
    new ThreatDetection(stack, 'Threats', { alertTopic: incidents });
    const vpc = vpcOf(stack);
    vpc.addFlowLog('Flow', { destination: ec2.FlowLogDestination.toS3(archive.bucket) });
    const web = new HttpsLoadBalancer(stack, 'Web', { vpc, certificates: [acm.Certificate.fromCertificateArn(stack, 'C', 'arn:aws:acm:eu-west-1:111111111111:certificate/x')] });
    const kpis = new KpiAlarms(stack, 'Kpis', { alertTopic: incidents });
    kpis.watchLoadBalancer('Web', web.loadBalancer);
    expect(violations(evaluate(app, LOG_CONTROLS))).toEqual([]);

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue(), DisplayName: 'Incidents' });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'https' });
    expect(kpis.alarms).toHaveLength(2);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'GreaterThanUpperThreshold', EvaluationPeriods: 3, TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Incidents') }],
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'ANOMALY_DETECTION_BAND(m0, 2)' }),
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'HTTPCode_ELB_5XX_Count', Namespace: 'AWS/ApplicationELB' }), Stat: 'Sum' }) }),
      ]),
    });
    t.hasResourceProperties('AWS::GuardDuty::Detector', {
      Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES',
      // S3 data-event and RDS login protection make anomaly detection cover data access (issue 16, item 8).
      Features: Match.arrayWith([{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
        { Name: 'RUNTIME_MONITORING', Status: 'ENABLED', AdditionalConfiguration: [{ Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' }] }]),
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], 'detail': { severity: [{ numeric: ['>=', 4] }] } },
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^Incidents') } })],
    });
  });

  test.each([
    [() => new IncidentTopic(offlineStack().stack, 'T', { httpsEndpoints: ['http://pager.example.com'] }), /IncidentTopic Stack\/T: invalid props:\n {2}- httpsEndpoints: "http:\/\/pager.example.com" \(allowed: https:\/\/ URLs \(no plaintext\)\)/],
    [() => new IncidentTopic(offlineStack().stack, 'T', { emails: ['oncall'] }), /emails: "oncall"/],
    [() => { const s = offlineStack().stack; new ThreatDetection(s, 'G', { alertTopic: new IncidentTopic(s, 'T'), minSeverity: 9.5 }); }, /minSeverity: 9.5 \(allowed: a number from 1 to 8.9\)/],
    [() => { const s = offlineStack().stack; new KpiAlarms(s, 'K', { alertTopic: new IncidentTopic(s, 'T'), evaluationPeriods: 0 }); }, /evaluationPeriods: 0 \(allowed: a whole number of at least 1\)/],
  ])('rejects bad props %#', (build, message) => {
    expect(build).toThrow(message);
  });

  test('KpiAlarms can watch any metric', () => {
    const { stack } = offlineStack();
    const kpis = new KpiAlarms(stack, 'Kpis', { alertTopic: new IncidentTopic(stack, 'T'), bandWidth: 3 });
    kpis.watchMetric('Orders', new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Orders', period: Duration.minutes(5) }));
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: 'ANOMALY_DETECTION_BAND(m0, 3)' })]) });
  });
});
