// Shape: Neptune cluster with one instance in isolated subnets of a 2-AZ VPC without NAT,
// audit log enabled in its cluster parameter group, reachable on 8182 from the VPC CIDR.
import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as neptune from 'aws-cdk-lib/aws-neptune';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'NeptuneStack');
  const vpc = new ec2.Vpc(stack, 'GraphNet', {
    ipAddresses: ec2.IpAddresses.cidr('10.192.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      { name: 'dmz', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    ],
  });
  const sg = new ec2.SecurityGroup(stack, 'GraphSg', { vpc, description: 'neptune' });
  sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(8182), 'gremlin from the VPC');
  const subnets = new neptune.CfnDBSubnetGroup(stack, 'GraphSubnets', {
    dbSubnetGroupDescription: 'isolated',
    subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
  });
  const params = new neptune.CfnDBClusterParameterGroup(stack, 'GraphClusterParams', {
    family: 'neptune1.3', description: 'audit on', parameters: { neptune_enable_audit_log: 1 },
  });
  const cluster = new neptune.CfnDBCluster(stack, 'Graph', {
    dbSubnetGroupName: subnets.ref,
    vpcSecurityGroupIds: [sg.securityGroupId],
    dbClusterParameterGroupName: params.ref,
    storageEncrypted: true,
    iamAuthEnabled: true,
    backupRetentionPeriod: 7,
  });
  new neptune.CfnDBInstance(stack, 'GraphWriter', {
    dbClusterIdentifier: cluster.ref,
    dbInstanceClass: 'db.r6g.large',
  });
}

export const NEPTUNE: RealWorldApp = {
  name: 'neptune',
  shape: 'Neptune cluster with one instance in isolated subnets of a 2-AZ VPC without NAT,',
  build,
  findings: [
    { rule: 'SecurityGroupPublicIngress', path: 'NeptuneStack/GraphSg/Resource', verdict: 'compliant', why: '8182 from Fn::GetAtt GraphNet.CidrBlock, the VPC\'s own block (item 1)' },
    { rule: 'NeptuneClusterCMK', path: 'NeptuneStack/Graph', verdict: 'non-compliant', detail: /KmsKeyId/, why: 'StorageEncrypted without a key: the AWS-managed key' },
    { rule: 'DatabaseReplication', path: 'NeptuneStack/Graph', verdict: 'non-compliant', detail: /1 instance/, why: 'one Neptune instance' },
  ],
  controls: {
    'DP.ENC.1': 'not-applicable', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'violated', 'DP.AVL.2': 'not-applicable', 'DP.AVL.3': 'violated', 'DP.AVL.4': 'not-applicable',
    'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'not-applicable', 'DP.NET.1': 'met',
    'DP.NET.2': 'not-applicable', 'DP.NET.3': 'not-applicable', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'not-applicable',
    'DP.IAM.2': 'not-applicable', 'DP.DAT.1': 'not-applicable',
  },
};
