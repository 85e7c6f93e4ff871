import { Match, Template } from 'aws-cdk-lib/assertions';
import { CentralLogArchive, DataProtectionPolicy, GlobalEndpoint, HttpsLoadBalancer, RegionalNetwork } from '../../lib';
import { ENV, newApp } from '../helpers';
import { certificate, OfflineStack } from './fixtures';

function world(props: { shieldAdvanced?: boolean; policy?: DataProtectionPolicy; route53HealthCheck?: boolean } = {}) {
  const app = newApp();
  const regional = new OfflineStack(app, 'Regional', { env: ENV });
  const net = new RegionalNetwork(regional, 'Net');
  const web = new HttpsLoadBalancer(regional, 'Web', { vpc: net.vpc, certificates: [certificate(regional)] });
  const global = new OfflineStack(app, 'Global', { env: { ...ENV, region: 'us-west-2' } });
  const endpoint = new GlobalEndpoint(global, 'Endpoint', { flowLogsBucket: new CentralLogArchive(global, 'Logs').bucket, ...props });
  endpoint.addRegion(ENV.region, web.loadBalancer);
  return { app, global, endpoint };
}

describe('GlobalEndpoint', () => {
  test('a TCP listener on the public ports only, endpoint groups with client IP preservation and HTTPS checks, Shield, flow logs', () => {
    const { global } = world();
    const t = Template.fromStack(global);
    t.hasResourceProperties('AWS::GlobalAccelerator::Listener', { Protocol: 'TCP', PortRanges: [{ FromPort: 443, ToPort: 443 }], ClientAffinity: 'SOURCE_IP' });
    t.hasResourceProperties('AWS::GlobalAccelerator::EndpointGroup', {
      EndpointGroupRegion: 'eu-west-1', HealthCheckProtocol: 'HTTPS', HealthCheckPort: 443, HealthCheckPath: '/health',
      EndpointConfigurations: [Match.objectLike({ ClientIPPreservationEnabled: true, EndpointId: Match.objectLike({ 'Fn::GetStackOutput': Match.objectLike({ Region: 'eu-west-1' }) }) })],
    });
    t.hasResourceProperties('AWS::Shield::Protection', { ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EndpointAccelerator'), 'AcceleratorArn'] } });
    t.hasResourceProperties('Custom::AWS', { Create: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('"FlowLogsEnabled":true')])] }) });
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
  });

  test('Shield Advanced can be turned off explicitly; the listener follows the policy\'s ports', () => {
    const { global } = world({ shieldAdvanced: false, policy: new DataProtectionPolicy({ allowedPublicPorts: [443, 8443] }) });
    const t = Template.fromStack(global);
    t.resourceCountIs('AWS::Shield::Protection', 0);
    t.hasResourceProperties('AWS::GlobalAccelerator::Listener', { PortRanges: [{ FromPort: 443, ToPort: 443 }, { FromPort: 8443, ToPort: 8443 }] });
  });

  test('an optional Route 53 health check on the accelerator\'s DNS name', () => {
    expect(Template.fromStack(world().global).findResources('AWS::Route53::HealthCheck')).toEqual({});
    const { global, endpoint } = world({ route53HealthCheck: true });
    Template.fromStack(global).hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: { Type: 'HTTPS', Port: 443, ResourcePath: '/health', FullyQualifiedDomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EndpointAccelerator'), 'DnsName'] }, RequestInterval: 30, FailureThreshold: 3 },
    });
    expect(endpoint.healthCheck).toBeDefined();
  });

  test('rejects a stack outside us-west-2', () => {
    const app = newApp();
    const stack = new OfflineStack(app, 'Wrong', { env: ENV });
    expect(() => new GlobalEndpoint(stack, 'Endpoint', { flowLogsBucket: new CentralLogArchive(stack, 'Logs').bucket }))
      .toThrow(/GlobalEndpoint Wrong\/Endpoint: invalid props:\n {2}- stack region: "eu-west-1" \(allowed: us-west-2 \(Global Accelerator's API lives there\)\)/);
  });
});
