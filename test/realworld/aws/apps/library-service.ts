// Shape: the same web service as ecs-fargate-alb and alb-asg, built from this library's constructs:
// a three-AZ RegionalNetwork, an authenticated HttpsLoadBalancer (port 80 only redirects), a
// ResilientService, a ReplicatedDatabase, an AdminAccessVpn that is the only way to the bastion's SSH,
// GuardDuty through ThreatDetection, and PolicyLogGroups for the log groups the CDK creates.
import { Aspects, App, SecretValue } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EnvStack, RealWorldApp } from './common';
import {
  AdminAccessVpn, DataKey, HttpsLoadBalancer, IncidentTopic, KpiAlarms, PolicyLogGroups, RegionalNetwork, ReplicatedDatabase, ResilientService,
  ThreatDetection,
} from '../../../../lib';

function build(app: App): void {
  const stack = new EnvStack(app, 'LibraryStack');
  const network = new RegionalNetwork(stack, 'Network', { cidr: '10.40.0.0/16' });
  const incidents = new IncidentTopic(stack, 'Incidents', { emails: ['oncall@example.com'] });
  new ThreatDetection(stack, 'Threats', { alertTopic: incidents });
  const web = new HttpsLoadBalancer(stack, 'Web', {
    vpc: network.vpc,
    certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/33333333-3333-3333-3333-333333333333')],
    oidcAuthentication: {
      issuer: 'https://login.example.com/', authorizationEndpoint: 'https://login.example.com/authorize', tokenEndpoint: 'https://login.example.com/token',
      userInfoEndpoint: 'https://login.example.com/userinfo', clientId: 'web', clientSecret: SecretValue.secretsManager('web/oidc'),
    },
  });
  const kpis = new KpiAlarms(stack, 'Kpis', { alertTopic: incidents });
  new ResilientService(stack, 'Api', {
    vpc: network.vpc, loadBalancer: web, image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 8080, kpiAlarms: kpis,
  });
  const db = new ReplicatedDatabase(stack, 'Db', { vpc: network.vpc });
  kpis.watchDatabase('Db', db.cluster);

  const vpn = new AdminAccessVpn(stack, 'AdminVpn', {
    vpc: network.vpc, clientCidr: '172.16.0.0/22',
    serverCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/server',
    clientCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/client-ca',
  });
  const bastion = new ec2.SecurityGroup(stack, 'BastionSg', { vpc: network.vpc, description: 'bastion reachable from the VPN only' });
  bastion.addIngressRule(ec2.Peer.securityGroupId(vpn.endpoint.connections.securityGroups[0].securityGroupId), ec2.Port.tcp(22), 'SSH from the admin VPN');

  Aspects.of(app).add(new PolicyLogGroups({ encryptionKey: new DataKey(stack, 'CdkLogKey', { services: ['logs'] }) }));
}

export const LIBRARY_SERVICE: RealWorldApp = {
  name: 'library-service',
  shape: 'the web service of ecs-fargate-alb built from the library constructs, with an admin VPN and GuardDuty',
  build,
  findings: [
    { rule: 'AdminVpnPresent', path: 'LibraryStack/Network/Vpc/Endpoint/Resource', verdict: 'compliant', why: 'the Client VPN endpoint is the way in: DP.NET.5 has its positive half (item 3)' },
    { rule: 'SecurityGroupAdminPorts', path: 'LibraryStack/BastionSg/Resource', verdict: 'compliant', why: 'SSH only from the VPN endpoint\'s security group' },
    { rule: 'ClientVpnEndpointAuth', path: 'LibraryStack/Network/Vpc/Endpoint/Resource', verdict: 'compliant', why: 'mutual TLS and connection logs' },
    { rule: 'SecurityGroupPublicIngress', path: 'LibraryStack/Web/SecurityGroup/Resource', verdict: 'compliant', detail: /./, why: 'HttpsLoadBalancer opens 443, and 80 only for its redirect (item 6)' },
    { rule: 'ELBListenerAuthentication', path: 'Web/LoadBalancer/Https/Resource', verdict: 'compliant', why: 'OIDC authentication before forwarding' },
    { rule: 'ZeroDowntimeDeploys', path: 'LibraryStack/Api/Service/Service', verdict: 'compliant', why: 'circuit breaker with rollback, 100% healthy, CPU scaling' },
    { rule: 'AvailabilityBudget', path: 'LibraryStack', verdict: 'compliant', detail: /Amazon Aurora \(Multi-AZ\) 99\.99%/, why: 'three tasks and a writer with a reader earn the multi-AZ figures' },
    { rule: 'ThreatDetectionEnabled', path: 'LibraryStack', verdict: 'compliant', why: 'GuardDuty with a findings rule to the incident topic' },
    { rule: 'LogRetention', path: 'LibraryStack/Api/Logs/Resource', verdict: 'compliant', why: 'the service\'s encrypted log group kept 365 days' },
    { rule: 'ResourceAlarms', path: 'LibraryStack/Db/Cluster/Resource', verdict: 'compliant', why: 'KpiAlarms watches the cluster' },
    { rule: 'ResourceAlarms', path: 'Web/LoadBalancer/Resource', verdict: 'non-compliant', why: 'nothing watches the load balancer here' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'acknowledged', 'DP.ENC.3': 'met', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'met', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'met', 'DP.AVL.4': 'met', 'DP.AVL.5': 'met',
    'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'met', 'DP.NET.1': 'met', 'DP.NET.2': 'violated', 'DP.NET.3': 'violated',
    'DP.NET.4': 'not-applicable', 'DP.NET.5': 'met', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'met', 'DP.LOG.3': 'met',
    'DP.LOG.4': 'met', 'DP.MON.1': 'violated', 'DP.MON.2': 'met', 'DP.IAM.1': 'met', 'DP.IAM.2': 'met',
    'DP.DAT.1': 'not-applicable',
  },
};
