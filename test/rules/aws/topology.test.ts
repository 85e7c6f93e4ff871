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

/** logicalId -> each finding of the rule on it, as `status[Finding]: detail`. */
function verdictsOf(report: ReturnType<typeof evaluate>, rule: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findingsOf(report, rule)) {
    const line = `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}${f.detail === undefined ? '' : `: ${f.detail}`}`;
    out[`${f.stack}/${f.logicalId}`] = [...(out[`${f.stack}/${f.logicalId}`] ?? []), line];
  }
  return out;
}

describe('AvailabilityBudget with stacks without an explicit region (DP.AVL.7)', () => {
  const BUCKET = { Type: 'AWS::S3::Bucket' };
  const SINGLE_AZ_DB = { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'postgres', MultiAZ: false } };
  const placedAndFloating = (resources: Record<string, unknown>, policy?: DataProtectionPolicy) => {
    const app = templateApp();
    includeTemplate(resources, { app, stackId: 'West' });
    includeTemplate(resources, { app, stackId: 'Floating', region: null });
    return verdictsOf(evaluate(app, policy), 'AvailabilityBudget');
  };
  test('met with everything in one region: met wherever the floating stack runs', () => {
    expect(placedAndFloating({ Web: ALB })).toEqual({
      'West/': ['compliant: region(one region: Elastic Load Balancing 99.99% = 99.99%) = 99.99% (promised 99.95%)'],
    });
  });
  test('missed even with each stack in a region of its own: missed wherever it runs', () => {
    expect(placedAndFloating({ Db: SINGLE_AZ_DB }, new DataProtectionPolicy({ uptimePercent: 99.999 }))).toEqual({
      'West/': ['non-compliant: parallel(eu-west-1: Amazon RDS (Single-AZ) 99.5% = 99.5%; region of Floating: Amazon RDS (Single-AZ) 99.5% = 99.5%) '
        + '= 99.9975% (promised 99.999%)'],
    });
  });
  test('met in separate regions only: unverifiable, with both computations', () => {
    expect(placedAndFloating({ Files: BUCKET })).toEqual({
      'West/': ['non-compliant[Unverifiable]: 1 workload stack(s) without an explicit region (Floating): in separate regions parallel(eu-west-1: Amazon S3 Standard '
        + '99.9% = 99.9%; region of Floating: Amazon S3 Standard 99.9% = 99.9%) = 99.9999% (promised 99.95%); all in one region region(one region: '
        + 'Amazon S3 Standard 99.9% = 99.9%) = 99.9% (promised 99.95%)'],
    });
  });
  test('a single floating stack is one region, judged as it is', () => {
    const app = templateApp();
    includeTemplate({ Web: ALB }, { app, stackId: 'Floating', region: null });
    expect(verdictsOf(evaluate(app), 'AvailabilityBudget')).toEqual({
      'Floating/': ['compliant: region(region of Floating: Elastic Load Balancing 99.99% = 99.99%) = 99.99% (promised 99.95%)'],
    });
  });
});

describe('AvailabilityBudget: each service once, at its lowest tier; exactly the promise is met (DP.AVL.7)', () => {
  const db = (multiAz: unknown) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'postgres', MultiAZ: multiAz } });
  const detail = (resources: Record<string, unknown>, opts: { parameters?: string[]; policy?: DataProtectionPolicy } = {}) =>
    verdictsOf(evaluate(includeTemplate(resources, { parameters: opts.parameters }).app, opts.policy), 'AvailabilityBudget')['Included/'];
  test('availability exactly at uptimePercent meets it', () => {
    expect(detail({ Web: ALB }, { policy: new DataProtectionPolicy({ uptimePercent: 99.99 }) }))
      .toEqual(['compliant: region(eu-west-1: Elastic Load Balancing 99.99% = 99.99%) = 99.99% (promised 99.99%)']);
  });
  test('one Single-AZ database lowers the service, whichever comes first; tables and global tables are one service', () => {
    const SINGLE = ['non-compliant: region(eu-west-1: Amazon RDS (Single-AZ) 99.5% = 99.5%) = 99.5% (promised 99.95%)'];
    expect(detail({ Multi: db(true), Single: db(false) })).toEqual(SINGLE);
    expect(detail({ Single: db(false), Multi: db(true) })).toEqual(SINGLE);
    expect(detail({ T: TABLE, G: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { ...TABLE.Properties, StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Replicas: [{ Region: 'eu-west-1' }] } } })).toEqual(['compliant: region(eu-west-1: Amazon DynamoDB 99.99% = 99.99%) = 99.99% (promised 99.95%)']);
  });
  test('two tasks, two instances and Multi-AZ DB clusters earn the multi-AZ tiers; unset, parameters and "true" as the template says', () => {
    expect(detail({
      Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '2', MaxSize: '4' } },
      Svc: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: 2 } },
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'postgres', DBClusterInstanceClass: 'db.m6gd.large', AllocatedStorage: 100 } },
    })).toEqual(['compliant: region(eu-west-1: Amazon ECS on AWS Fargate (multi-AZ) 99.99% x Amazon EC2 (multi-AZ) 99.99% x Amazon Aurora (Multi-AZ) 99.99% = 99.97%) '
      + '= 99.97% (promised 99.95%)']);
    expect(detail({
      Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '0', MaxSize: '4' } },
      Svc: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: { Ref: 'Count' } } },
      ParamDb: db({ Ref: 'Multi' }),
    }, { parameters: ['Count', 'Multi'] })).toEqual(['non-compliant: region(eu-west-1: Amazon ECS on AWS Fargate (one task) 99.5% x Amazon EC2 (one instance) 99.5% '
      + 'x Amazon RDS (Single-AZ) 99.5% = 98.5075%) = 98.5075% (promised 99.95%)']);
    expect(detail({ StringDb: db('true') })).toEqual(['compliant: region(eu-west-1: Amazon RDS (Multi-AZ) 99.95% = 99.95%) = 99.95% (promised 99.95%)']);
  });
  test('log buckets and Aurora members are not workload; a cluster with two members is multi-AZ', () => {
    expect(detail({
      Logs: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }] } },
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
      M1: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: 'Cluster' } } },
      M2: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: 'Cluster' } } },
      Files: { Type: 'AWS::EFS::FileSystem', Properties: {} },
    })).toEqual(['non-compliant: region(eu-west-1: Amazon Aurora (Multi-AZ) 99.99% x Amazon EFS 99.9% = 99.89%) = 99.89% (promised 99.95%)']);
  });
});

describe('MultiRegionWorkload with stacks without an explicit region (DP.AVL.2)', () => {
  const workload = (floating: string[], policy: DataProtectionPolicy, more: Record<string, string> = {}) => {
    const app = templateApp();
    includeTemplate({ Web: ALB }, { app, stackId: 'West' });
    for (const [stackId, region] of Object.entries(more)) includeTemplate({ Web: ALB }, { app, stackId, region });
    for (const stackId of floating) includeTemplate({ Web: ALB }, { app, stackId, region: null });
    return verdictsOf(evaluate(app, policy), 'MultiRegionWorkload');
  };
  test('floating stacks that could make up the promise make it unverifiable; too few to make it up fail it', () => {
    expect(workload(['Floating'], new DataProtectionPolicy({ regionCount: 2 }))).toEqual({
      'West/': ['non-compliant[Unverifiable]: 1 workload stack(s) without an explicit region (Floating) may run in 1 more region(s) or not; '
        + 'workload regions: eu-west-1, 1 stack(s) without an explicit region (promised: 2)'],
    });
    expect(workload(['Floating'], new DataProtectionPolicy({ regionCount: 3 }))).toEqual({
      'West/': ['non-compliant: workload regions: eu-west-1, 1 stack(s) without an explicit region (promised: 3)'],
    });
  });
  test('three floating stacks are named; a fourth is left out', () => {
    expect(workload(['F1', 'F2', 'F3'], new DataProtectionPolicy({ regionCount: 4 }))['West/'][0])
      .toMatch(/^non-compliant\[Unverifiable\]: 3 workload stack\(s\) without an explicit region \(F1, F2, F3\) may run in 3 more region\(s\) or not; /);
    expect(workload(['F1', 'F2', 'F3', 'F4'], new DataProtectionPolicy({ regionCount: 5 }))['West/'][0])
      .toMatch(/^non-compliant\[Unverifiable\]: 4 workload stack\(s\) without an explicit region \(F1, F2, F3, \.\.\.\) may run in 4 more region\(s\) or not; /);
  });
  test('known regions that keep the promise keep it whatever the floating stacks do; no workload, no finding (nor a budget)', () => {
    expect(workload(['Floating'], new DataProtectionPolicy({ regionCount: 2 }), { Central: 'eu-central-1' })).toEqual({
      'West/': ['compliant: workload regions: eu-central-1, eu-west-1, 1 stack(s) without an explicit region (promised: 2)'],
    });
    const plumbing = evaluate(includeTemplate({ Net: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Logs: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }] } } }).app);
    expect(findingsOf(plumbing, 'MultiRegionWorkload')).toEqual([]);
    expect(findingsOf(plumbing, 'AvailabilityBudget')).toEqual([]);
  });
});

describe('ShieldProtection: protections and endpoints known only at deployment (DP.NET.2)', () => {
  const shieldOf = (arn: unknown) => ({ Type: 'AWS::Shield::Protection', Properties: { Name: 'p', ResourceArn: arn } });
  const groupWith = (configurations: unknown) => ({
    Type: 'AWS::GlobalAccelerator::EndpointGroup', Properties: { ListenerArn: { Ref: 'Listener' }, EndpointGroupRegion: 'eu-west-1', ...(configurations ? { EndpointConfigurations: configurations } : {}) },
  });
  const judged = (resources: Record<string, unknown>, parameters: string[] = []) => verdictsOf(evaluate(includeTemplate(resources, { parameters }).app), 'ShieldProtection');
  test('a protection whose resource is a parameter may protect anything; a literal ARN protects nothing of the app', () => {
    expect(judged({ Alone: ALB, Accel: ACCEL, P: shieldOf({ Ref: 'Arn' }) }, ['Arn'])).toEqual({
      'Included/Alone': ['non-compliant[Unverifiable]: ResourceArn of P is parameter Arn, which has no default: it may protect this resource'],
      'Included/Accel': ['non-compliant[Unverifiable]: ResourceArn of P is parameter Arn, which has no default: it may protect this resource'],
    });
    expect(judged({ Alone: ALB, Accel: ACCEL, P: shieldOf('arn:aws:globalaccelerator::111111111111:accelerator/x') })).toEqual({
      'Included/Alone': ['non-compliant: an internet-facing load balancer that no accelerator fronts and no Shield Advanced protection covers'],
      'Included/Accel': ['non-compliant: no Shield Advanced protection covers the accelerator'],
    });
  });
  test('an endpoint that is a parameter may be any load balancer; a group without endpoints fronts none', () => {
    const edge = { Accel: ACCEL, Listener: LISTENER, Shield: SHIELD };
    expect(judged({ Alone: ALB, ...edge, Group: groupWith([{ EndpointId: { Ref: 'Endpoint' } }]) }, ['Endpoint'])).toEqual({
      'Included/Alone': ['non-compliant[Unverifiable]: EndpointId of Group is parameter Endpoint, which has no default: it may be this load balancer'],
      'Included/Accel': ['compliant: an AWS Shield Advanced protection covers it'],
    });
    expect(judged({ Alone: ALB, ...edge, Group: groupWith(undefined) })).toEqual({
      'Included/Alone': ['non-compliant: an internet-facing load balancer that no accelerator fronts and no Shield Advanced protection covers'],
      'Included/Accel': ['compliant: an AWS Shield Advanced protection covers it'],
    });
  });
});
