// Every AWS construct keeps the policy with no props beyond what it cannot guess (issue 19): built
// alone in a stack under the default policy (every control), none of its own resources has a
// violation, except those only a companion construct can settle, each named here with the
// companion. What a construct cannot guess (a VPC, a certificate, a peer) is a clear error instead.
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { certificate, OfflineStack, offlineStack } from './fixtures';
import {
  AdminAccessVpn, AuditTrail, CentralLogArchive, CloudAmqpPeering, DataKey, DataProtectionPolicy, GlobalEndpoint, HttpsLoadBalancer, IncidentTopic,
  KpiAlarms, PolicyBackupPlan, PrivateRabbitMq, RegionalNetwork, ReplicatedDatabase, RequireMfaPolicy, ResilientService, SecureBucket,
  ThreatDetection, UserDirectory,
} from '../../lib';
import { allFindings, evaluate } from '../helpers';

/** Rules a construct alone cannot satisfy, and the companion that does. */
const COMPANIONS: { [ruleId: string]: string } = {
  'DataProtection-BackupCoverage': 'PolicyBackupPlan selects the store',
  'DataProtection-DataAccessLogging[DataEvents]': 'AuditTrail records its data events',
  'DataProtection-ResourceAlarms': 'KpiAlarms watches it',
  'DataProtection-ShieldProtection': 'GlobalEndpoint / MultiRegionDeployment fronts it with an accelerator under Shield',
};

const VPN_CERT = 'arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-0000-4000-8000-000000000000';
const VPC_PEER = 'vpc-0a1b2c3d4e5f67890';

/** Each construct with only the props it cannot guess. */
const BUILDERS: { [name: string]: (scope: Construct, net: RegionalNetwork) => Construct } = {
  DataKey: (s) => new DataKey(s, 'C'),
  SecureBucket: (s) => new SecureBucket(s, 'C'),
  UserDirectory: (s) => new UserDirectory(s, 'C'),
  RequireMfaPolicy: (s) => new RequireMfaPolicy(s, 'C'),
  AdminAccessVpn: (s, n) => new AdminAccessVpn(s, 'C', { vpc: n.vpc, clientCidr: '10.100.0.0/22', serverCertificateArn: VPN_CERT, clientCertificateArn: VPN_CERT }),
  PolicyBackupPlan: (s) => new PolicyBackupPlan(s, 'C', { copyRegion: 'eu-central-1' }),
  ReplicatedDatabase: (s, n) => new ReplicatedDatabase(s, 'C', { vpc: n.vpc }),
  HttpsLoadBalancer: (s, n) => new HttpsLoadBalancer(s, 'C', { vpc: n.vpc, certificates: [certificate(s as any)] }),
  ResilientService: (s, n) => new ResilientService(s, 'C', {
    vpc: n.vpc, image: ecs.ContainerImage.fromRegistry('nginx'), containerPort: 8080,
    loadBalancer: new HttpsLoadBalancer(s, 'Lb', { vpc: n.vpc, certificates: [certificate(s as any)] }),
  }),
  CentralLogArchive: (s) => new CentralLogArchive(s, 'C'),
  AuditTrail: (s) => new AuditTrail(s, 'C', { archive: new CentralLogArchive(s, 'Archive') }),
  IncidentTopic: (s) => new IncidentTopic(s, 'C'),
  KpiAlarms: (s) => new KpiAlarms(s, 'C', { alertTopic: new IncidentTopic(s, 'Topic') }),
  ThreatDetection: (s) => new ThreatDetection(s, 'C', { alertTopic: new IncidentTopic(s, 'Topic') }),
  CloudAmqpPeering: (s, n) => new CloudAmqpPeering(s, 'C', {
    vpc: n.vpc, peerAccountId: '222222222222', peerVpcId: VPC_PEER, peerRegion: 'eu-west-1', peerCidr: '10.200.0.0/16',
  }),
  PrivateRabbitMq: (s, n) => new PrivateRabbitMq(s, 'C', { vpc: n.vpc }),
  RegionalNetwork: (_s, n) => n,
};

describe('every AWS construct keeps the policy with only the props it cannot guess', () => {
  test.each(Object.keys(BUILDERS))('%s', (name) => {
    const { app, stack } = offlineStack();
    const net = new RegionalNetwork(stack, 'Net');
    const construct = BUILDERS[name](stack, net);
    const own = (path: string) => `${path}/`.startsWith(`${construct.node.path}/`);
    const all = allFindings(evaluate(app, new DataProtectionPolicy()));
    const mine = all.filter((f) => own(f.constructPath));
    const violations = mine.filter((f) => f.status === 'non-compliant' && !COMPANIONS[f.ruleId]).map((f) => `${f.ruleId} @ ${f.constructPath}: ${f.detail ?? ''}`);
    expect(violations).toEqual([]);
    // Judged, not skipped: the rules saw its resources and found them compliant (KpiAlarms creates
    // alarms only for what it is asked to watch; GuardDuty is judged app-wide, on the stack).
    const judged = name === 'ThreatDetection'
      ? all.filter((f) => f.ruleId === 'DataProtection-ThreatDetectionEnabled')
      : mine;
    if (name !== 'KpiAlarms') expect(judged.filter((f) => f.status === 'compliant').length).toBeGreaterThan(0);
  });

  test('GlobalEndpoint, in the region Global Accelerator requires, with the bucket its flow logs go to', () => {
    const { app, stack } = offlineStack();
    const west = new OfflineStack(app, 'Global', { env: { account: stack.account, region: 'us-west-2' } });
    const endpoint = new GlobalEndpoint(west, 'C', { flowLogsBucket: s3.Bucket.fromBucketName(west, 'Logs', 'flow-logs-bucket') });
    const mine = allFindings(evaluate(app, new DataProtectionPolicy())).filter((f) => f.constructPath.startsWith(`${endpoint.node.path}/`));
    expect(mine.filter((f) => f.status === 'non-compliant').map((f) => `${f.ruleId}: ${f.detail}`)).toEqual([]);
    expect(mine.filter((f) => f.status === 'compliant').length).toBeGreaterThan(0);
  });

  test('what a construct cannot guess is an error naming the path, the prop, the value and what is allowed', () => {
    const { stack } = offlineStack();
    const net = new RegionalNetwork(stack, 'Net');
    expect(() => new PolicyBackupPlan(stack, 'Plan')).toThrow(/Stack\/Plan: invalid props:\n {2}- copyRegion: undefined \(allowed: a second region/);
    expect(() => new AdminAccessVpn(stack, 'Vpn', { vpc: net.vpc, clientCidr: '10.100.0.0/22', serverCertificateArn: VPN_CERT }))
      .toThrow(/Stack\/Vpn: invalid props:\n {2}- clientCertificateArn \/ samlProvider: "neither set" \(allowed: mutual TLS/);
    expect(() => new GlobalEndpoint(stack, 'Edge', { flowLogsBucket: s3.Bucket.fromBucketName(stack, 'B', 'flow-logs-bucket') }))
      .toThrow(/Stack\/Edge: invalid props:\n {2}- stack region: "eu-west-1" \(allowed: us-west-2/);
  });
});
