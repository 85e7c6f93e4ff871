// Shape: OpenSearch domain in a VPC (2 AZs, TLS 1.2, node-to-node, at-rest with the default key,
// Cognito dashboards auth) plus an nginx proxy instance in a public subnet sharing its security group.
import { App, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as os from 'aws-cdk-lib/aws-opensearchservice';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'SearchStack');
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 2 });
  const pool = new cognito.UserPool(stack, 'Users', { passwordPolicy: { minLength: 12 }, removalPolicy: RemovalPolicy.DESTROY });
  const identity = new cognito.CfnIdentityPool(stack, 'Identities', { allowUnauthenticatedIdentities: false });
  const dashboardsRole = new iam.Role(stack, 'DashboardsRole', { assumedBy: new iam.ServicePrincipal('es.amazonaws.com') });
  dashboardsRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonOpenSearchServiceCognitoAccess'));
  const sg = new ec2.SecurityGroup(stack, 'ProxySg', { vpc });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https from anywhere');
  new os.Domain(stack, 'Search', {
    version: os.EngineVersion.OPENSEARCH_2_11,
    vpc,
    securityGroups: [sg],
    capacity: { dataNodes: 2, dataNodeInstanceType: 't3.medium.search', multiAzWithStandbyEnabled: false },
    zoneAwareness: { enabled: true, availabilityZoneCount: 2 },
    nodeToNodeEncryption: true,
    enforceHttps: true,
    tlsSecurityPolicy: os.TLSSecurityPolicy.TLS_1_2,
    encryptionAtRest: { enabled: true },
    cognitoDashboardsAuth: { userPoolId: pool.userPoolId, identityPoolId: identity.ref, role: dashboardsRole },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  new ec2.Instance(stack, 'Proxy', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    securityGroup: sg,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
  });
}

export const OPENSEARCH: RealWorldApp = {
  name: 'opensearch',
  shape: 'OpenSearch domain in a VPC (2 AZs, TLS 1.2, node-to-node, at-rest with the default key,',
  build,
  findings: [
    { rule: 'SecurityGroupPublicIngress', path: 'SearchStack/ProxySg/Resource', verdict: 'non-compliant [NotLoadBalancer]', why: '443 open to the internet on the proxy and domain group' },
    { rule: 'InstancePublicIp', path: 'SearchStack/Proxy/Resource', verdict: 'non-compliant', why: 'the proxy runs in a public subnet' },
    { rule: 'EBSVolumeCMK', path: 'SearchStack/Proxy/Resource', verdict: 'non-compliant', detail: /no block device mappings/, why: 'the proxy\'s root volume from the AMI is not under a customer key (item 5)' },
    { rule: 'OpenSearchTLS', path: 'SearchStack/Search/Resource', verdict: 'compliant', why: 'HTTPS enforced at TLS 1.2, node-to-node' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'violated', 'DP.AVL.2': 'not-applicable', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'met', 'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'not-applicable',
    'DP.NET.1': 'violated', 'DP.NET.2': 'not-applicable', 'DP.NET.3': 'not-applicable', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met',
    'DP.IAM.2': 'met', 'DP.DAT.1': 'not-applicable',
  },
};
