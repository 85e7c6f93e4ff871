import { CfnElement, SecretValue, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AdminAccessVpn, AuditTrail, CentralLogArchive, CloudAmqpPeering, DataKey, DataProtectionPolicy, HttpsLoadBalancer, IncidentTopic,
  IRegionalWorkload, KpiAlarms, PolicyBackupPlan, RegionalNetwork, RegionalStack, ReplicatedDatabase, RequireMfaPolicy, ResilientService,
  SecureBucket, ThreatDetection, UserDirectory,
} from '../../lib';

/** What a reference architecture runs in each region. */
export interface RegionalWorkloadProps {
  /** The policy the architecture keeps. */
  readonly policy: DataProtectionPolicy;
  /** Every workload region, in order: the first holds the organization's audit trail; backups go to the next one. */
  readonly regions: string[];
  /** Who is paged. */
  readonly onCallEmails: string[];
  /** Peer with a CloudAMQP (RabbitMQ) VPC in each region (Sitasys). @default false */
  readonly cloudAmqp?: boolean;
}

const OIDC = {
  issuer: 'https://login.example.com/',
  authorizationEndpoint: 'https://login.example.com/authorize',
  tokenEndpoint: 'https://login.example.com/oauth/token',
  userInfoEndpoint: 'https://login.example.com/userinfo',
  clientId: 'web',
  clientSecret: SecretValue.secretsManager('web/oidc-client-secret'),
};

/**
 * One region of a reference architecture, built only from the library's constructs: log archive,
 * incident topic, GuardDuty, a three-AZ network, an authenticated HTTPS load balancer, an
 * autoscaled ECS service with rolling deploys, Aurora writer + reader, an encrypted upload bucket,
 * backups copied to the next region, admin VPN with MFA, a user directory and KPI anomaly alarms.
 */
export class RegionalWorkload implements IRegionalWorkload {
  constructor(private readonly props: RegionalWorkloadProps) {}

  public buildRegion(stack: RegionalStack): elbv2.IApplicationLoadBalancer {
    const { policy, regions } = this.props;
    const region = stack.region;
    const index = regions.indexOf(region);

    const archive = new CentralLogArchive(stack, 'LogArchive', { policy });
    const incidents = new IncidentTopic(stack, 'Incidents', { emails: this.props.onCallEmails });
    new ThreatDetection(stack, 'Threats', { alertTopic: incidents });
    // One multi-region trail for the organization, with every data event (DP.LOG.1, DP.LOG.2).
    if (index === 0) new AuditTrail(stack, 'Audit', { archive, policy, allDataEvents: true });

    const network = new RegionalNetwork(stack, 'Network', { policy, cidr: `10.${20 + index}.0.0/16`, flowLogBucket: archive.bucket });
    const vpc = network.vpc;
    const kpis = new KpiAlarms(stack, 'Kpis', { alertTopic: incidents });

    const web = new HttpsLoadBalancer(stack, 'Web', {
      vpc, policy, oidcAuthentication: OIDC,
      certificates: [acm.Certificate.fromCertificateArn(stack, 'Certificate', `arn:aws:acm:${region}:${stack.account}:certificate/00000000-0000-0000-0000-00000000000${index}`)],
    });
    kpis.watchLoadBalancer('Web', web.loadBalancer);

    const dataKey = new DataKey(stack, 'DataKey', { alias: 'alias/workload/data' });
    const api = new ResilientService(stack, 'Api', {
      vpc, loadBalancer: web, policy, kpiAlarms: kpis, containerPort: 8080,
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    });
    const uploads = new SecureBucket(stack, 'Uploads', { policy, encryptionKey: dataKey });
    const taskRole = api.service.taskDefinition.taskRole;
    uploads.bucket.grantReadWrite(taskRole);
    const bucketLogicalId = stack.getLogicalId(uploads.bucket.node.defaultChild as CfnElement);
    for (const id of ['Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*',
      'Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*', `Resource::<${bucketLogicalId}.Arn>/*`]) {
      Validations.of(taskRole).acknowledge({
        id: `AwsSolutions-IAM5[${id}]`,
        reason: 'bucket.grantReadWrite: the API reads and writes objects of its own upload bucket, under that bucket\'s key; '
          + 'the wildcards are action families and the object keys of that one bucket.',
      });
    }
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']) {
      Validations.of(taskRole).acknowledge({
        id: `${pack}-IAMNoInlinePolicy`,
        reason: 'The task role\'s one policy is the CDK grant on the upload bucket and its key; it serves this role only.',
      });
    }
    const db = new ReplicatedDatabase(stack, 'Db', { vpc, encryptionKey: dataKey });
    // A literal port: the cluster's default port is a token the checks cannot read.
    db.cluster.connections.allowFrom(api.service, ec2.Port.tcp(5432), 'the API reaches PostgreSQL');
    kpis.watchDatabase('Db', db.cluster);

    // Selects the bucket and the cluster by their dp:data-class tags; copies go to the next region.
    new PolicyBackupPlan(stack, 'Backup', { policy, copyRegion: regions[(index + 1) % regions.length], alertTopic: incidents });

    if (this.props.cloudAmqp) {
      // CloudAMQP's dedicated VPC for this region (values from the CloudAMQP console).
      const amqp = new CloudAmqpPeering(stack, 'RabbitMq', {
        vpc, policy, peerAccountId: '222222222222', peerVpcId: `vpc-0a1b2c3d4e5f6789${index}`, peerRegion: region, peerCidr: `10.${120 + index}.0.0/24`,
      });
      amqp.clientSecurityGroup.connections.allowFrom(api.service, ec2.Port.tcp(5671), 'tasks reach RabbitMQ over AMQPS only');
    }

    const admins = new iam.Group(stack, 'Admins');
    new RequireMfaPolicy(stack, 'AdminsNeedMfa', { groups: [admins] });
    Validations.of(admins).acknowledge({
      id: 'HIPAA.Security-IAMGroupHasUsers',
      reason: 'Administrators are federated through IAM Identity Center and added to this group outside infrastructure code; the MFA policy applies to them.',
    });
    Validations.of(admins).acknowledge({
      id: 'PCI.DSS.321-IAMGroupHasUsers',
      reason: 'Administrators are federated through IAM Identity Center and added to this group outside infrastructure code; the MFA policy applies to them.',
    });
    new AdminAccessVpn(stack, 'AdminVpn', {
      vpc, policy, clientCidr: `172.${16 + index}.0.0/22`,
      serverCertificateArn: `arn:aws:acm:${region}:${stack.account}:certificate/11111111-1111-1111-1111-11111111111${index}`,
      clientCertificateArn: `arn:aws:acm:${region}:${stack.account}:certificate/22222222-2222-2222-2222-22222222222${index}`,
    });
    new UserDirectory(stack, 'Users', { policy });
    return web.loadBalancer;
  }
}
