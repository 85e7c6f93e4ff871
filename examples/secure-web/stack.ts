import { SecretValue } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import {
  AdminAccessVpn, CentralLogArchive, DataKey, DataProtectionPolicy, HttpsLoadBalancer, KpiAlarms, PolicyBackupPlan, RegionalStack, RegionalStackProps, RequireMfaPolicy, SecureBucket, UserDirectory,
} from '../../lib';

/**
 * Props for SecureWebStack.
 */
export interface SecureWebStackProps extends RegionalStackProps {
  /** The policy the stack keeps. */
  readonly policy: DataProtectionPolicy;

  /** The region backups are copied to. */
  readonly backupCopyRegion: string;

  /** The region's log archive: VPC flow logs go there. */
  readonly logArchive: CentralLogArchive;

  /** The region's incident topic: KPI alarms page it. */
  readonly incidentTopic: sns.ITopic;
}

/**
 * A web tier built from the library's constructs: encryption everywhere, a closed perimeter and
 * controlled access (DP.ENC.1-3, DP.NET.1, DP.NET.5, DP.IAM.1-2, DP.DAT.1) with nothing to
 * acknowledge but the load balancer's SSE-S3 log bucket, which the construct acknowledges itself.
 */
export class SecureWebStack extends RegionalStack {
  /** The public entry point of the region. */
  public readonly web: HttpsLoadBalancer;

  constructor(scope: Construct, id: string, props: SecureWebStackProps) {
    super(scope, id, props);
    const { policy } = props;

    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
      maxAzs: policy.availabilityZonesPerRegion,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      ],
    });
    // DP.LOG.3: every flow of the VPC lands in the locked archive.
    vpc.addFlowLog('FlowLogs', { destination: ec2.FlowLogDestination.toS3(props.logArchive.bucket, 'vpc-flow-logs/') });

    const appRole = new iam.Role(this, 'AppRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const key = new DataKey(this, 'DataKey', { alias: 'alias/secure-web/data', users: [appRole] });
    const uploads = new SecureBucket(this, 'Uploads', { policy, encryptionKey: key });
    uploads.bucket.grantReadWrite(appRole);
    // Selects the uploads bucket by its dp:data-class tag.
    new PolicyBackupPlan(this, 'Backup', { policy, copyRegion: props.backupCopyRegion });

    const web = this.web = new HttpsLoadBalancer(this, 'Web', {
      vpc,
      policy,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate',
        `arn:aws:acm:${this.region}:${this.account}:certificate/00000000-0000-0000-0000-000000000000`)],
      oidcAuthentication: {
        issuer: 'https://example.eu.auth0.com/',
        authorizationEndpoint: 'https://example.eu.auth0.com/authorize',
        tokenEndpoint: 'https://example.eu.auth0.com/oauth/token',
        userInfoEndpoint: 'https://example.eu.auth0.com/userinfo',
        clientId: 'secure-web',
        clientSecret: SecretValue.secretsManager('secure-web/auth0-client-secret'),
      },
    });
    web.forward([new elbv2.ApplicationTargetGroup(this, 'App', {
      vpc, port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP,
    })]);

    // DP.MON.1: anomaly alarms on the load balancer's KPIs page the on-call team.
    new KpiAlarms(this, 'Kpis', { alertTopic: props.incidentTopic }).watchLoadBalancer('Web', web.loadBalancer);

    new AdminAccessVpn(this, 'AdminVpn', {
      vpc,
      policy,
      clientCidr: '172.16.0.0/22',
      serverCertificateArn: `arn:aws:acm:${this.region}:${this.account}:certificate/11111111-1111-1111-1111-111111111111`,
      clientCertificateArn: `arn:aws:acm:${this.region}:${this.account}:certificate/22222222-2222-2222-2222-222222222222`,
    });
    new RequireMfaPolicy(this, 'AdminsNeedMfa', { groups: [new iam.Group(this, 'Admins')] });

    new UserDirectory(this, 'Users', { policy });
  }
}
