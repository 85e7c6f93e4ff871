// Shape: ElastiCache for Redis replication group (1 shard, 1 replica, Multi-AZ, TLS, at-rest
// encryption with the default key, RBAC user group) in isolated subnets, used by a VPC Lambda.
import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'RedisStack');
  const vpc = new ec2.Vpc(stack, 'Net', {
    maxAzs: 3,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  const clientSg = new ec2.SecurityGroup(stack, 'ClientSg', { vpc });
  const cacheSg = new ec2.SecurityGroup(stack, 'CacheSg', { vpc, description: 'redis' });
  cacheSg.addIngressRule(clientSg, ec2.Port.tcp(6379), 'redis from clients');
  const subnets = new elasticache.CfnSubnetGroup(stack, 'CacheSubnets', {
    description: 'isolated', subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
  });
  const user = new elasticache.CfnUser(stack, 'AppUser', {
    engine: 'redis', userId: 'app', userName: 'app', accessString: 'on ~* +@all', noPasswordRequired: false, passwords: ['change-me-0123456789'],
  });
  const group = new elasticache.CfnUserGroup(stack, 'Users', { engine: 'redis', userGroupId: 'app-users', userIds: ['default', user.userId] });
  const redis = new elasticache.CfnReplicationGroup(stack, 'Redis', {
    replicationGroupDescription: 'session cache',
    engine: 'redis',
    engineVersion: '7.1',
    cacheNodeType: 'cache.t4g.small',
    numNodeGroups: 1,
    replicasPerNodeGroup: 1,
    multiAzEnabled: true,
    automaticFailoverEnabled: true,
    atRestEncryptionEnabled: true,
    transitEncryptionEnabled: true,
    cacheSubnetGroupName: subnets.ref,
    securityGroupIds: [cacheSg.securityGroupId],
    userGroupIds: [group.userGroupId],
  });
  new lambda.Function(stack, 'Reader', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    securityGroups: [clientSg],
    environment: { REDIS_HOST: redis.attrPrimaryEndPointAddress, REDIS_PORT: redis.attrPrimaryEndPointPort },
  });
}

export const ELASTICACHE: RealWorldApp = {
  name: 'elasticache',
  shape: 'ElastiCache for Redis replication group (1 shard, 1 replica, Multi-AZ, TLS, at-rest',
  build,
  findings: [
    { rule: 'ElastiCacheTLS', path: 'RedisStack/Redis', verdict: 'compliant', why: 'transit encryption on' },
    { rule: 'ElastiCacheCMK', path: 'RedisStack/Redis', verdict: 'non-compliant', why: 'at-rest encryption without a key' },
    { rule: 'SecurityGroupPublicIngress', path: 'CacheSg/from RedisStackClientSg', verdict: 'compliant', why: '6379 from the client group' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'met', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'not-applicable', 'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'met',
    'DP.NET.1': 'met', 'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met',
    'DP.IAM.2': 'not-applicable', 'DP.DAT.1': 'not-applicable',
  },
};
