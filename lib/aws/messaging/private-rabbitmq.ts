import { Fn, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as amazonmq from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AMQPS_PORT } from './cloudamqp-peering';
import { PropErrors } from '../../core/props/prop-errors';
import { DataKey } from '../encryption/data-key';

/** Cluster deployments of RabbitMQ need at least this instance size. */
const CLUSTER_INSTANCE_TYPES = /^mq\.m\d+[a-z]*\.(large|xlarge|\d+xlarge)$/;
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/**
 * Props for PrivateRabbitMq.
 */
export interface PrivateRabbitMqProps {
  /** The VPC to run the broker in. */
  readonly vpc: ec2.IVpc;
  /**
   * Where the broker's nodes run: one subnet per AZ, private.
   *
   * @default - the VPC's private subnets, one per AZ
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Who may connect (AMQPS, 5671, only). More can be allowed with `connections.allowFrom`.
   *
   * @default - nobody until allowed
   */
  readonly allowedPeers?: ec2.IPeer[];
  /** Broker instance type (cluster deployments need `mq.m5.large` or larger). @default 'mq.m5.large' */
  readonly instanceType?: string;
  /** RabbitMQ engine version. @default '3.13' */
  readonly engineVersion?: string;
  /** Administrator user name; the password is generated into Secrets Manager. @default 'admin' */
  readonly username?: string;
  /** Day of the weekly maintenance window (UTC 03:00). @default 'SUNDAY' */
  readonly maintenanceDay?: string;
}

/**
 * An Amazon MQ for RabbitMQ broker that keeps messaging private (DP.NET.4): a three-node cluster
 * across AZs, never publicly accessible, in private subnets, reachable on AMQPS (5671) only from the
 * peers it is given, administrator credentials generated into Secrets Manager under a DataKey,
 * general logs on, a weekly maintenance window with automatic minor upgrades.
 *
 * Encryption at rest: Amazon MQ for RabbitMQ encrypts broker storage with an AWS-owned KMS key only;
 * it does not accept customer-managed keys (ActiveMQ brokers do). The report therefore has no
 * DP.ENC.2 evidence for RabbitMQ brokers; record that in your own risk register.
 */
export class PrivateRabbitMq extends Construct implements ec2.IConnectable {
  /** The broker. */
  public readonly broker: amazonmq.CfnBroker;
  /** The administrator's credentials. */
  public readonly secret: secretsmanager.Secret;
  /** Allow clients with `connections.allowFrom(peer, Port.tcp(5671))`. */
  public readonly connections: ec2.Connections;
  /** The AMQPS endpoints, comma-separated. */
  public readonly amqpsEndpoints: string;

  constructor(scope: Construct, id: string, props: PrivateRabbitMqProps) {
    super(scope, id);
    const instanceType = props.instanceType ?? 'mq.m5.large';
    const username = props.username ?? 'admin';
    const day = props.maintenanceDay ?? 'SUNDAY';
    const errors = PropErrors.of('PrivateRabbitMq', this);
    errors.check(CLUSTER_INSTANCE_TYPES.test(instanceType), 'instanceType', instanceType, 'mq.m5.large or larger (cluster deployments)');
    errors.check(/^[a-zA-Z0-9_.~-]{2,100}$/.test(username) && username !== 'guest', 'username', username, '2 to 100 letters, digits, _ . ~ -, not "guest"');
    errors.check(DAYS.includes(day), 'maintenanceDay', day, DAYS.join(', '));
    const subnets = props.vpc.selectSubnets(props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: true });
    const publicIds = new Set(props.vpc.publicSubnets.map((s) => s.subnetId));
    errors.check(subnets.subnets.every((s) => !publicIds.has(s.subnetId)), 'vpcSubnets', 'public subnets', 'private subnets only');
    errors.throwIfAny();

    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc, description: `${this.node.path}: AMQPS (${AMQPS_PORT}) only`, allowAllOutbound: false,
    });
    this.connections = new ec2.Connections({ securityGroups: [securityGroup], defaultPort: ec2.Port.tcp(AMQPS_PORT) });
    for (const peer of props.allowedPeers ?? []) securityGroup.addIngressRule(peer, ec2.Port.tcp(AMQPS_PORT), 'AMQP over TLS');

    this.secret = new secretsmanager.Secret(this, 'Credentials', {
      description: `Administrator of ${this.node.path}`,
      encryptionKey: new DataKey(this, 'SecretKey', { description: `Broker credentials of ${this.node.path}` }),
      // Amazon MQ refuses , : = in passwords.
      generateSecretString: { secretStringTemplate: JSON.stringify({ username }), generateStringKey: 'password', excludeCharacters: ',:=\'"\\/@ ', passwordLength: 32 },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.broker = new amazonmq.CfnBroker(this, 'Broker', {
      brokerName: Names.uniqueResourceName(this, { maxLength: 50, separator: '-' }),
      engineType: 'RABBITMQ',
      engineVersion: props.engineVersion ?? '3.13',
      deploymentMode: 'CLUSTER_MULTI_AZ',
      hostInstanceType: instanceType,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      subnetIds: subnets.subnetIds.slice(0, 3),
      securityGroups: [securityGroup.securityGroupId],
      users: [{ username, password: this.secret.secretValueFromJson('password').unsafeUnwrap() }],
      logs: { general: true },
      maintenanceWindowStartTime: { dayOfWeek: day, timeOfDay: '03:00', timeZone: 'UTC' },
      encryptionOptions: { useAwsOwnedKey: true },
    });
    this.amqpsEndpoints = Fn.join(',', this.broker.attrAmqpEndpoints);
  }
}
