import { App, SecretValue } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import {
  AuditTrail, CentralLogArchive, DataProtectionPolicy, HttpsLoadBalancer, IncidentTopic, IRegionalWorkload, KpiAlarms, MultiRegionDeployment,
  PolicyBackupPlan, RegionalNetwork, RegionalStack, ReplicatedDatabase, ResilientService, SecureBucket, ThreatDetection,
} from '../../lib';
import { evaluate } from '../../lib/testing';
import { CDK_CONTEXT } from '../helpers';

const REGIONS = ['eu-central-1', 'eu-west-1'];
const OIDC = {
  issuer: 'https://example.eu.auth0.com/', authorizationEndpoint: 'https://example.eu.auth0.com/authorize',
  tokenEndpoint: 'https://example.eu.auth0.com/oauth/token', userInfoEndpoint: 'https://example.eu.auth0.com/userinfo',
  clientId: 'web', clientSecret: SecretValue.secretsManager('web/oidc'),
};

/** One region of the workload, built only from the library's constructs. */
class Workload implements IRegionalWorkload {
  constructor(private readonly policy: DataProtectionPolicy) {}

  public buildRegion(stack: RegionalStack): elbv2.IApplicationLoadBalancer {
    const policy = this.policy;
    const archive = new CentralLogArchive(stack, 'Logs', { policy });
    const incidents = new IncidentTopic(stack, 'Incidents', { emails: ['oncall@example.com'] });
    new ThreatDetection(stack, 'Threats', { alertTopic: incidents });
    if (stack.region === REGIONS[0]) new AuditTrail(stack, 'Audit', { archive, policy, allDataEvents: true });
    const network = new RegionalNetwork(stack, 'Network', { policy, flowLogBucket: archive.bucket });
    const web = new HttpsLoadBalancer(stack, 'Web', {
      vpc: network.vpc, policy, oidcAuthentication: OIDC,
      certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', `arn:aws:acm:${stack.region}:111111111111:certificate/x`)],
    });
    const kpis = new KpiAlarms(stack, 'Kpis', { alertTopic: incidents });
    kpis.watchLoadBalancer('Web', web.loadBalancer);
    new ResilientService(stack, 'Api', {
      vpc: network.vpc, loadBalancer: web, policy, kpiAlarms: kpis,
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 8080,
    });
    const db = new ReplicatedDatabase(stack, 'Db', { vpc: network.vpc });
    kpis.watchDatabase('Db', db.cluster);
    new SecureBucket(stack, 'Uploads', { policy });
    new PolicyBackupPlan(stack, 'Backup', { policy, copyRegion: REGIONS.find((r) => r !== stack.region) });
    return web.loadBalancer;
  }
}

describe('MultiRegionDeployment', () => {
  test('a two-region app built from the constructs keeps every automated control, offline', () => {
    const app = new App({ context: CDK_CONTEXT, builtinCloudFormationValidation: false });
    const policy = new DataProtectionPolicy();
    // The accelerator's stack brings its own threat detection and incident topic (DP.MON.2).
    const deployment = new MultiRegionDeployment(app, 'Shop', { account: '111111111111', regions: REGIONS, policy });
    deployment.addWorkload(new Workload(policy));

    expect(app).toPassDataProtectionChecks({ policy });
    const report = evaluate(app, { policy });
    const status = Object.fromEntries(report.controls.map((c) => [c.id, c.status]));
    for (const id of ['DP.AVL.1', 'DP.AVL.2', 'DP.AVL.3', 'DP.AVL.4', 'DP.AVL.5', 'DP.AVL.6', 'DP.AVL.7', 'DP.NET.2', 'DP.NET.3', 'DP.BAK.3', 'DP.MON.1']) {
      expect([id, status[id]]).toEqual([id, 'met']);
    }
    expect(deployment.regionalStacks.map((s) => s.region)).toEqual(REGIONS);
    expect(deployment.globalStack.region).toBe('us-west-2');
    Template.fromStack(deployment.globalStack).resourceCountIs('AWS::GlobalAccelerator::EndpointGroup', 2);
    expect(deployment.regionalStacks[0].availabilityZones).toEqual(['eu-central-1a', 'eu-central-1b', 'eu-central-1c']);
  });

  test.each([
    [{ regions: ['eu-central-1'] }, /MultiRegionDeployment Shop: invalid props:\n {2}- regions: \["eu-central-1"\] \(allowed: at least the policy's regionCount \(2\) regions\)/],
    [{ regions: ['eu-west-1', 'eu-west-1'] }, /regions: \["eu-west-1","eu-west-1"\] \(allowed: distinct regions\)/],
    [{ account: '42' }, /account: "42" \(allowed: a 12-digit AWS account ID\)/],
    [{ availabilityZones: { 'eu-west-1': ['eu-west-1a', 'eu-west-1b'] } }, /availabilityZones.eu-west-1: \["eu-west-1a","eu-west-1b"\] \(allowed: at least the policy's availabilityZonesPerRegion \(3\)\)/],
    [{ policy: new DataProtectionPolicy({ allowedRegions: ['eu-central-1', 'eu-north-1'] }) }, /regions: "eu-west-1" \(allowed: one of the policy's allowedRegions/],
  ])('rejects %j', (props, message) => {
    const app = new App({ context: CDK_CONTEXT });
    expect(() => new MultiRegionDeployment(app, 'Shop', { account: '111111111111', regions: REGIONS, ...props })).toThrow(message);
  });

  test('out of the box, its accelerator stack keeps DP.MON.2: GuardDuty there pages an encrypted incident topic', () => {
    const app = new App({ context: CDK_CONTEXT, builtinCloudFormationValidation: false });
    const deployment = new MultiRegionDeployment(app, 'Shop', { account: '111111111111', regions: REGIONS, incidentEmails: ['ops@example.com'] });
    const monitoring = new DataProtectionPolicy({ controls: ['DP.MON.2'] });
    expect(deployment.globalStack).toPassDataProtectionChecks({ policy: monitoring });
    expect(deployment.globalStack).toMeetControl('DP.MON.2', { policy: monitoring });
    Template.fromStack(deployment.globalStack).hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    // An account that already runs GuardDuty in us-west-2 opts out (one detector per account and region).
    const own = new MultiRegionDeployment(new App({ context: CDK_CONTEXT, builtinCloudFormationValidation: false }), 'Shop', {
      account: '111111111111', regions: REGIONS, threatDetection: false,
    });
    Template.fromStack(own.globalStack).resourceCountIs('AWS::GuardDuty::Detector', 0);
  });

  test('RegionalStack knows its AZs without a lookup', () => {
    const app = new App({ context: CDK_CONTEXT });
    const stack = new RegionalStack(app, 'S', { env: { account: '111111111111', region: 'eu-north-1' }, availabilityZones: ['eu-north-1a', 'eu-north-1b'] });
    expect(stack.availabilityZones).toEqual(['eu-north-1a', 'eu-north-1b']);
  });
});
