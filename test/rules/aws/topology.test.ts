import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, templateApp } from '../../helpers';

const ALB = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } };
const TABLE = { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' } };
const ACCEL = { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'a' } };
const LISTENER = { Type: 'AWS::GlobalAccelerator::Listener', Properties: { AcceleratorArn: { Ref: 'Accel' }, Protocol: 'TCP', PortRanges: [{ FromPort: 443, ToPort: 443 }] } };
const group = (region: string, endpoint: unknown) => ({
  Type: 'AWS::GlobalAccelerator::EndpointGroup',
  Properties: { ListenerArn: { Ref: 'Listener' }, EndpointGroupRegion: region, EndpointConfigurations: [{ EndpointId: endpoint, ClientIPPreservationEnabled: true }] },
});
const SHIELD = { Type: 'AWS::Shield::Protection', Properties: { Name: 'accel', ResourceArn: { Ref: 'Accel' } } };


describe('topology rules (DP.AVL.2, DP.AVL.7, DP.NET.2, DP.NET.3)', () => {
  test('one region is not two: MultiRegionWorkload reports the regions it found', () => {
    const app = templateApp();
    includeTemplate({ Web: ALB, Orders: TABLE }, { app, stackId: 'Only' });
    const f = findingsOf(evaluate(app), 'MultiRegionWorkload').find((x) => x.ruleId === 'DataProtection-MultiRegionWorkload')!;
    expect(f).toMatchObject({ status: 'non-compliant', stack: 'Only', detail: 'workload regions: eu-west-1 (promised: 2)' });
    const relaxed = findingsOf(evaluate(app, new DataProtectionPolicy({ regionCount: 1 })), 'MultiRegionWorkload').find((x) => x.ruleId === 'DataProtection-MultiRegionWorkload')!;
    expect(relaxed.status).toBe('compliant');
  });

  test('AcceleratorCoverage: none, or a region without an endpoint group, is a violation', () => {
    const none = templateApp();
    includeTemplate({ Web: ALB }, { app: none, stackId: 'Only' });
    expect(findingsOf(evaluate(none), 'AcceleratorCoverage').find((x) => x.ruleId === 'DataProtection-AcceleratorCoverage')).toMatchObject({ status: 'non-compliant', detail: 'no accelerator' });

    const app = templateApp();
    includeTemplate({ Web: ALB, Accel: ACCEL, Listener: LISTENER, Group: group('us-east-1', { 'Fn::GetAtt': ['Web', 'LoadBalancerArn'] }) }, { app, stackId: 'Only' });
    expect(statusesOf(evaluate(app), 'AcceleratorCoverage')).toEqual({ Accel: 'non-compliant' });
    const f = findingsOf(evaluate(app), 'AcceleratorCoverage').find((x) => x.ruleId === 'DataProtection-AcceleratorCoverage')!;
    expect(f.detail).toBe('no endpoint group in eu-west-1');

    const covered = templateApp();
    includeTemplate({ Web: ALB, Accel: ACCEL, Listener: LISTENER, Group: group('eu-west-1', { 'Fn::GetAtt': ['Web', 'LoadBalancerArn'] }) }, { app: covered, stackId: 'Only' });
    expect(statusesOf(evaluate(covered), 'AcceleratorCoverage')).toEqual({ Accel: 'compliant' });
  });

  test('ShieldProtection: accelerators need Shield; load balancers only when no accelerator fronts them', () => {
    const report = evaluate(includeTemplate({
      Fronted: ALB, Alone: ALB, Internal: { ...ALB, Properties: { ...ALB.Properties, Scheme: 'internal' } },
      Shielded: ALB, ShieldLb: { Type: 'AWS::Shield::Protection', Properties: { Name: 'lb', ResourceArn: { Ref: 'Shielded' } } },
      Accel: ACCEL, Listener: LISTENER, Group: group('eu-west-1', { Ref: 'Fronted' }),
      Bare: { ...ACCEL, Properties: { Name: 'b' } },
      Shield: SHIELD,
    }).app);
    expect(statusesOf(report, 'ShieldProtection')).toEqual({
      Fronted: 'not-applicable', Alone: 'non-compliant', Internal: 'not-applicable', Shielded: 'compliant', Accel: 'compliant', Bare: 'non-compliant',
    });
  });

  test('AvailabilityBudget: series within a region, shows the computation, compares with the promise', () => {
    const app = templateApp();
    includeTemplate({ Web: ALB, Orders: TABLE, Files: { Type: 'AWS::S3::Bucket' } }, { app, stackId: 'Only' });
    const f = findingsOf(evaluate(app), 'AvailabilityBudget').find((x) => x.ruleId === 'DataProtection-AvailabilityBudget')!;
    // 99.99% x 99.99% x 99.9% = 99.88% < 99.95%
    expect(f).toMatchObject({
      status: 'non-compliant',
      detail: 'region(eu-west-1: Elastic Load Balancing 99.99% x Amazon DynamoDB 99.99% x Amazon S3 Standard 99.9% = 99.88%) = 99.88% (promised 99.95%)',
    });
    const lower = findingsOf(evaluate(app, new DataProtectionPolicy({ uptimePercent: 99.8 })), 'AvailabilityBudget').find((x) => x.ruleId === 'DataProtection-AvailabilityBudget')!;
    expect(lower.status).toBe('compliant');
  });

  test('AvailabilityBudget: regions in parallel behind an accelerator', () => {
    const app = templateApp();
    includeTemplate({ Web: ALB, Files: { Type: 'AWS::S3::Bucket' } }, { app, stackId: 'West' });
    includeTemplate({ Web: ALB, Files: { Type: 'AWS::S3::Bucket' }, Accel: ACCEL }, { app, stackId: 'Central', region: 'eu-central-1' });
    const f = findingsOf(evaluate(app), 'AvailabilityBudget').find((x) => x.ruleId === 'DataProtection-AvailabilityBudget')!;
    expect(f.detail).toMatch(/^AWS Global Accelerator 99\.99% x parallel\(eu-central-1: .* = 99\.89%; eu-west-1: .* = 99\.89%\) = 99\.9899% \(promised 99\.95%\)$/);
    expect(f.status).toBe('compliant');
  });
});

describe('ShieldProtection follows every way the CDK references a load balancer in another stack (issue 16, item 6)', () => {
  const EXPORT = '/cdk/exports/Edge/WebRefLb';
  const shielded = (endpoint: unknown, edgeExtra: Record<string, unknown> = {}, opts: { parameterDefaults?: Record<string, unknown> } = {}) => {
    const app = templateApp();
    includeTemplate({
      Lb: ALB,
      // What `crossRegionReferences: true` writes with strong references (the default without the feature flag).
      ExportsWriter: { Type: 'Custom::CrossRegionExportWriter', Properties: { ServiceToken: 'arn:aws:lambda:eu-central-1:111111111111:function:w',
        WriterProps: { region: 'eu-west-1', exports: { [EXPORT]: { Ref: 'Lb' } } } } },
      Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/web/lb-arn', Type: 'String', Value: { Ref: 'Lb' } } },
    }, { app, stackId: 'Web', region: 'eu-central-1' });
    includeTemplate({
      ExportsReader: { Type: 'Custom::CrossRegionExportReader', Properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:r',
        ReaderProps: { region: 'eu-west-1', prefix: 'Edge', imports: { [EXPORT]: `{{resolve:ssm:${EXPORT}}}` } } } },
      Accel: ACCEL, Listener: LISTENER, Shield: SHIELD, Group: group('eu-central-1', endpoint), ...edgeExtra,
    }, { app, stackId: 'Edge', parameterDefaults: opts.parameterDefaults });
    return statusesOf(evaluate(app), 'ShieldProtection');
  };
  test('a strong cross-region reference (Fn::GetAtt of the CDK\'s export reader)', () => {
    expect(shielded({ 'Fn::GetAtt': ['ExportsReader', EXPORT] })).toEqual({ Lb: 'not-applicable', Accel: 'compliant' });
  });
  test('an SSM dynamic reference and an SSM-typed parameter to a parameter the app writes', () => {
    expect(shielded('{{resolve:ssm:/web/lb-arn}}')).toEqual({ Lb: 'not-applicable', Accel: 'compliant' });
    expect(shielded({ Ref: 'LbArn' }, {}, { parameterDefaults: { LbArn: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/web/lb-arn' } } }))
      .toEqual({ Lb: 'not-applicable', Accel: 'compliant' });
  });
  test('an endpoint the app does not define leaves the load balancer unfronted', () => {
    expect(shielded('arn:aws:elasticloadbalancing:eu-central-1:111111111111:loadbalancer/app/other/1')).toEqual({ Lb: 'non-compliant', Accel: 'compliant' });
  });
});

describe('AvailabilityBudget prices each resource at the tier it earns (issue 16, item 3: no unearned met)', () => {
  const db = (multiAz: boolean) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'postgres', MultiAZ: multiAz } });
  const budget = (resources: Record<string, unknown>) => findingsOf(evaluate(includeTemplate(resources).app), 'AvailabilityBudget')[0];
  test('a Single-AZ RDS instance is not priced at the Multi-AZ figure', () => {
    expect(budget({ Db: db(false) })).toMatchObject({ status: 'non-compliant', detail: expect.stringContaining('Amazon RDS (Single-AZ) 99.5%') });
    expect(budget({ Db: db(true) })).toMatchObject({ status: 'compliant', detail: expect.stringContaining('Amazon RDS (Multi-AZ) 99.95%') });
  });
  test('an Aurora cluster with one instance, and a service with one task, earn the single-AZ tiers', () => {
    const f = budget({
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-mysql' } },
      Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'aurora-mysql', DBClusterIdentifier: { Ref: 'Cluster' } } },
      Svc: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', TaskDefinition: 'arn:td' } },
    });
    expect(f.detail).toContain('Amazon Aurora (Single-AZ) 99.9%');
    expect(f.detail).toContain('Amazon ECS on AWS Fargate (one task) 99.5%');
  });
});

describe('serverless workloads count (issue 16, item 3: no unearned met)', () => {
  test('API Gateway and Lambda are in series with the table; the CDK\'s own handlers are not workload', () => {
    const report = evaluate(includeTemplate({
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } },
      Handler: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:r', Code: { ZipFile: 'x' }, Runtime: 'nodejs20.x', Handler: 'index.h' } },
      AWS679f53fac002430cb0da5b7982bd22872D164C4C: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:r', Code: { ZipFile: 'x' }, Runtime: 'nodejs20.x', Handler: 'index.h' } },
      Orders: TABLE,
    }).app);
    const [f] = findingsOf(report, 'AvailabilityBudget');
    expect(f).toMatchObject({ status: 'non-compliant' });
    expect(f.detail).toBe('region(eu-west-1: Amazon DynamoDB 99.99% x AWS Lambda 99.95% x Amazon API Gateway 99.95% = 99.89%) = 99.89% (promised 99.95%)');
  });
});
