import { App, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  DataClass, DATA_CLASS_TAG, DataKey, DataProtectionPolicy, HttpsLoadBalancer, PolicyBackupPlan, RegionalNetwork, RegionalStack,
  ReplicatedDatabase, ResilientService, SecureBucket,
} from '../lib';

/** Stacks stay well under CloudFormation's 500-resource limit. */
const UNITS_PER_STACK = 20;

/** The network is created when a stack first needs one (small apps have none). */
function network(stack: Stack, policy: DataProtectionPolicy, n: number): ec2.IVpc {
  return new RegionalNetwork(stack, 'Network', { policy, cidr: `10.${n % 250}.0.0/16` }).vpc;
}

/** Units for a target size, from the measured cost: about 19 resources per unit with its share of network and backup plan. */
export function unitsFor(targetResources: number): number {
  return Math.max(1, Math.round(targetResources / RESOURCES_PER_UNIT));
}

/** Resources per unit including each stack's share of network and backup plan (measured). */
const RESOURCES_PER_UNIT = 19;

/**
 * A generated app of about `targetResources` CloudFormation resources with a realistic mix: per
 * stack a three-AZ network with flow logs and a backup plan; per unit a key, an encrypted bucket,
 * a table selected for backup by tag, a queue and a log group; every fifth unit an Aurora cluster
 * (backed up by reference) and every tenth a load-balanced ECS service. Findings are expected
 * (the mix is not all compliant); the benchmark measures cost, not results.
 */
export function buildBenchApp(app: App, targetResources: number): Stack[] {
  const policy = new DataProtectionPolicy();
  const units = unitsFor(targetResources);
  const stacks: Stack[] = [];
  let stack!: RegionalStack;
  let vpc: ec2.IVpc | undefined;
  let plan!: PolicyBackupPlan;
  let cluster: ecs.Cluster | undefined;
  for (let u = 0; u < units; u++) {
    if (u % UNITS_PER_STACK === 0) {
      const region = stacks.length % 2 === 0 ? 'eu-central-1' : 'eu-west-1';
      stack = new RegionalStack(app, `Bench${stacks.length}`, {
        env: { account: '111111111111', region },
        availabilityZones: ['a', 'b', 'c'].map((z) => `${region}${z}`),
      });
      stacks.push(stack);
      vpc = undefined;
      plan = new PolicyBackupPlan(stack, 'Backup', { policy, copyRegion: region === 'eu-central-1' ? 'eu-west-1' : 'eu-central-1' });
      cluster = undefined;
    }
    const key = new DataKey(stack, `Key${u}`, { removalPolicy: RemovalPolicy.RETAIN });
    new SecureBucket(stack, `Bucket${u}`, { policy, encryptionKey: key });
    const table = new dynamodb.TableV2(stack, `Table${u}`, {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    Tags.of(table).add(DATA_CLASS_TAG, DataClass.DATABASE);
    new sqs.Queue(stack, `Queue${u}`, { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true });
    new logs.LogGroup(stack, `Logs${u}`, { encryptionKey: key, retention: logs.RetentionDays.ONE_YEAR });
    if (u % 5 === 4) {
      vpc ??= network(stack, policy, stacks.length);
      const db = new ReplicatedDatabase(stack, `Db${u}`, { vpc, encryptionKey: key });
      plan.addDatabase(backup.BackupResource.fromRdsDatabaseCluster(db.cluster));
    }
    if (u % 10 === 9) {
      vpc ??= network(stack, policy, stacks.length);
      const web = new HttpsLoadBalancer(stack, `Web${u}`, {
        vpc, policy,
        certificates: [acm.Certificate.fromCertificateArn(stack, `Cert${u}`, `arn:aws:acm:${stack.region}:111111111111:certificate/${u}`)],
      });
      cluster ??= new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
      new ResilientService(stack, `Service${u}`, {
        vpc, loadBalancer: web, cluster, policy, containerPort: 8080,
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
      });
    }
  }
  return stacks;
}
