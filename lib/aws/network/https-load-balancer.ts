import { ArnFormat, Aspects, IAspect, Names, SecretValue, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2Actions from 'aws-cdk-lib/aws-elasticloadbalancingv2-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct, IConstruct } from 'constructs';
import { DATA_CLASS_TAG, DataClass } from '../../core/policy/data-class';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { ELB_SSL_POLICIES, meetsMinimumTls } from '../../facts/tls-policies';
import { logBucketProps } from '../defaults/bucket';
import { encryptedLogGroup } from '../defaults/log-group';
import { acknowledgeRules, inCompliancePacks, REASONS } from '../private/third-party';

const HTTP_PORT = 80;
const HTTPS_PORT = 443;

/**
 * An OpenID Connect identity provider that authenticates every request (e.g. Auth0).
 */
export interface OidcAuthentication {
  /** The provider's issuer URL. */
  readonly issuer: string;
  /** The authorization endpoint. */
  readonly authorizationEndpoint: string;
  /** The token endpoint. */
  readonly tokenEndpoint: string;
  /** The user info endpoint. */
  readonly userInfoEndpoint: string;
  /** The OAuth client ID. */
  readonly clientId: string;
  /** The OAuth client secret (from Secrets Manager, never a literal). */
  readonly clientSecret: SecretValue;
  /**
   * The scopes to request.
   *
   * @default 'openid'
   */
  readonly scope?: string;
}

/**
 * A Cognito user pool that authenticates every request.
 */
export interface CognitoAuthentication {
  /** The user pool (e.g. a UserDirectory). */
  readonly userPool: cognito.IUserPool;
  /** An app client of the pool with a secret. */
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The pool's hosted UI domain. */
  readonly userPoolDomain: cognito.IUserPoolDomain;
}

/**
 * Props for HttpsLoadBalancer.
 */
export interface HttpsLoadBalancerProps {
  /** The VPC to place the load balancer in. */
  readonly vpc: ec2.IVpc;

  /** Certificates for the HTTPS listener (at least one). */
  readonly certificates: acm.ICertificate[];

  /**
   * The policy whose TLS minimum, public ports and log retention apply.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * The TLS security policy of the HTTPS listener; it must meet the policy's `minTlsVersion`.
   *
   * @default - ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.3 and 1.2) for a TLS 1.2 policy,
   * ELBSecurityPolicy-TLS13-1-3-2021-06 for a TLS 1.3 policy
   */
  readonly sslPolicy?: elbv2.SslPolicy;

  /**
   * The HTTPS listener's port; it must be one of the policy's `allowedPublicPorts`.
   *
   * @default 443
   */
  readonly httpsPort?: number;

  /**
   * Add a port-80 listener that only redirects to HTTPS. Port 80 must then be one of the policy's
   * `allowedPublicPorts`.
   *
   * @default - true when the policy allows port 80, else false
   */
  readonly redirectHttp?: boolean;

  /**
   * Whether the load balancer is reachable from the internet.
   *
   * @default true
   */
  readonly internetFacing?: boolean;

  /**
   * Where to place the load balancer.
   *
   * @default - public subnets when internet-facing, else private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Bucket for access logs. Elastic Load Balancing delivers only to buckets encrypted with SSE-S3.
   *
   * @default - a dedicated SSE-S3 log bucket, TLS-only, kept `logRetentionDays`, retained
   */
  readonly accessLogsBucket?: s3.IBucket;

  /**
   * Prefix of the access log objects.
   *
   * @default - no prefix
   */
  readonly accessLogsPrefix?: string;

  /**
   * Put an AWS WAF web ACL with AWS's managed core rule set and known-bad-inputs rules in front of
   * the load balancer (blocks common exploits before they reach the application).
   *
   * @default true
   */
  readonly webApplicationFirewall?: boolean;

  /**
   * Authenticate every request with an OpenID Connect provider (DP.IAM.2).
   *
   * @default - no authentication by the load balancer (acknowledge DataProtection-ELBListenerAuthentication
   * with the reason if the application authenticates every request itself)
   */
  readonly oidcAuthentication?: OidcAuthentication;

  /**
   * Authenticate every request with a Cognito user pool (DP.IAM.2).
   *
   * @default - no authentication by the load balancer
   */
  readonly cognitoAuthentication?: CognitoAuthentication;
}

/**
 * Options for HttpsLoadBalancer.forward().
 */
export interface ForwardOptions {
  /**
   * Only forward requests matching these conditions (a listener rule); needs a priority.
   *
   * @default - forward every request not matched by a rule (the default action)
   */
  readonly conditions?: elbv2.ListenerCondition[];

  /**
   * Priority of the listener rule, when conditions are given.
   *
   * @default - required with conditions
   */
  readonly priority?: number;
}

/**
 * An application load balancer that keeps the perimeter and transit promises by default: HTTPS with a
 * TLS policy meeting `minTlsVersion` (TLS 1.3-capable) (DP.ENC.1), plaintext HTTP only as a redirect,
 * a security group open to the internet only on the policy's `allowedPublicPorts` (DP.NET.1), invalid
 * header fields dropped, deletion protection, access logs (DP.LOG.3), and optionally OIDC or Cognito
 * authentication of every request (DP.IAM.2).
 *
 * Until `forward()` sets a default target, the HTTPS listener answers 404.
 */
export class HttpsLoadBalancer extends Construct {
  /** The load balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The HTTPS listener. */
  public readonly httpsListener: elbv2.ApplicationListener;
  /** The port-80 redirect listener, when there is one. */
  public readonly httpListener?: elbv2.ApplicationListener;
  /** The load balancer's security group. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The AWS WAF web ACL in front of the load balancer, unless `webApplicationFirewall` is false. */
  public readonly webAcl?: wafv2.CfnWebACL;
  /** Where access logs go. */
  public readonly accessLogsBucket: s3.IBucket;

  private readonly authenticate?: (next: elbv2.ListenerAction) => elbv2.ListenerAction;
  private hasDefaultAction = false;

  constructor(scope: Construct, id: string, props: HttpsLoadBalancerProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const allowed = policy.allowedPublicPorts;
    const httpsPort = props.httpsPort ?? HTTPS_PORT;
    const redirectHttp = props.redirectHttp ?? allowed.includes(HTTP_PORT);
    const sslPolicy = props.sslPolicy ?? (policy.minTlsVersion === '1.3' ? elbv2.SslPolicy.TLS13_13 : elbv2.SslPolicy.RECOMMENDED_TLS);
    const internetFacing = props.internetFacing ?? true;

    const errors = PropErrors.of('HttpsLoadBalancer', this);
    errors.check((props.certificates ?? []).length > 0, 'certificates', props.certificates, 'at least one certificate');
    errors.check(Number.isInteger(httpsPort) && httpsPort >= 1 && httpsPort <= 65535, 'httpsPort', httpsPort, 'a port from 1 to 65535');
    errors.check(!internetFacing || allowed.includes(httpsPort), 'httpsPort', httpsPort,
      `one of the policy's allowedPublicPorts (${allowed.join(', ')})`);
    errors.check(!redirectHttp || !internetFacing || allowed.includes(HTTP_PORT), 'redirectHttp', redirectHttp,
      `false, unless the policy's allowedPublicPorts (${allowed.join(', ')}) include ${HTTP_PORT}`);
    errors.check(meetsMinimumTls(ELB_SSL_POLICIES, sslPolicy, policy.minTlsVersion) === true, 'sslPolicy', sslPolicy,
      `a security policy whose minimum is TLS ${policy.minTlsVersion} or higher, e.g. ${elbv2.SslPolicy.RECOMMENDED_TLS}`);
    errors.check(!(props.oidcAuthentication && props.cognitoAuthentication), 'oidcAuthentication / cognitoAuthentication',
      'both set', 'at most one of them');
    errors.throwIfAny();

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${this.node.path}: HTTPS from ${internetFacing ? 'the internet' : 'the VPC'}`,
      allowAllOutbound: false,
    });
    const ports = redirectHttp ? [httpsPort, HTTP_PORT] : [httpsPort];
    for (const port of ports) {
      const peers = internetFacing ? [ec2.Peer.anyIpv4(), ec2.Peer.anyIpv6()] : [ec2.Peer.ipv4(props.vpc.vpcCidrBlock)];
      for (const peer of peers) this.securityGroup.addIngressRule(peer, ec2.Port.tcp(port), `Port ${port} (allowed by the policy)`);
    }
    if (internetFacing) {
      acknowledgeRules(this.securityGroup, ['AwsSolutions-EC23'], `The internet-facing entry point admits only ports ${ports.join(', ')} `
        + "from anywhere, as the policy's allowedPublicPorts allow (checked by DataProtection-SecurityGroupPublicIngress, DP.NET.1).");
    }

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      internetFacing,
      vpcSubnets: props.vpcSubnets ?? { subnetType: internetFacing ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup: this.securityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: true,
    });

    if (props.webApplicationFirewall ?? true) this.webAcl = this.createWebAcl(policy);

    this.accessLogsBucket = props.accessLogsBucket ?? this.createAccessLogsBucket(policy);
    this.loadBalancer.logAccessLogs(this.accessLogsBucket, props.accessLogsPrefix);

    this.authenticate = authenticator(props);
    this.httpsListener = this.loadBalancer.addListener('Https', {
      protocol: elbv2.ApplicationProtocol.HTTPS,
      port: httpsPort,
      certificates: props.certificates.map((c) => elbv2.ListenerCertificate.fromCertificateManager(c)),
      sslPolicy,
      open: false,
    });
    if (redirectHttp) {
      this.httpListener = this.loadBalancer.addRedirect({ sourcePort: HTTP_PORT, targetPort: httpsPort, open: false });
    }
    // Answer 404 unless forward() set a default target by the time the app synthesizes.
    Aspects.of(this).add(new DefaultNotFound(this));
  }

  /**
   * Forward requests to target groups, authenticating them first when the load balancer has an
   * identity provider. Without conditions this sets the listener's default action.
   */
  public forward(targetGroups: elbv2.IApplicationTargetGroup[], options: ForwardOptions = {}): void {
    const errors = PropErrors.of('HttpsLoadBalancer.forward', this);
    errors.check(targetGroups.length > 0, 'targetGroups', targetGroups, 'at least one target group');
    errors.check(options.conditions === undefined || (options.priority !== undefined && Number.isInteger(options.priority)
      && options.priority >= 1 && options.priority <= 50000), 'priority', options.priority, 'a whole number from 1 to 50000 when conditions are given');
    errors.throwIfAny();
    const forward = elbv2.ListenerAction.forward(targetGroups);
    const action = this.authenticate ? this.authenticate(forward) : forward;
    if (options.conditions === undefined) {
      if (this.hasDefaultAction) throw new Error(`HttpsLoadBalancer ${this.node.path}: forward() without conditions was already called; a listener has one default action`);
      this.httpsListener.addAction('Default', { action });
      this.hasDefaultAction = true;
      return;
    }
    this.httpsListener.addAction(`Rule${options.priority}`, { action, conditions: options.conditions, priority: options.priority });
  }

  /** @internal */
  public _setFallbackAction(): void {
    if (this.hasDefaultAction) return;
    this.httpsListener.addAction('Default', { action: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not Found' }) });
    this.hasDefaultAction = true;
  }

  private createWebAcl(policy: DataProtectionPolicy): wafv2.CfnWebACL {
    const managed = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
    });
    const acl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rules: [managed('AWSManagedRulesCommonRuleSet', 0), managed('AWSManagedRulesKnownBadInputsRuleSet', 1)],
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'web-acl' },
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.loadBalancer.loadBalancerArn,
      webAclArn: acl.attrArn,
    });
    // WAF logs (DP.LOG.3): the log group's name must start with aws-waf-logs-.
    const logGroup = encryptedLogGroup(this, 'WebAclLogs', 'WebAclLogKey', policy, 'WAF logs',
      `aws-waf-logs-${Names.uniqueId(this).slice(-40)}`);
    new wafv2.CfnLoggingConfiguration(this, 'WebAclLogging', {
      resourceArn: acl.attrArn,
      logDestinationConfigs: [Stack.of(this).formatArn({
        service: 'logs', resource: 'log-group', resourceName: logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
    });
    return acl;
  }

  private createAccessLogsBucket(policy: DataProtectionPolicy): s3.IBucket {
    // No key: Elastic Load Balancing writes only to SSE-S3 buckets (acknowledged below).
    const bucket = new s3.Bucket(this, 'AccessLogs', logBucketProps(policy, undefined));
    Tags.of(bucket).add(DATA_CLASS_TAG, DataClass.LOGS);
    const sseS3Only = 'Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3 (AES-256); '
      + 'the bucket holds request metadata, not customer data, is TLS-only and private.';
    acknowledgeRules(bucket, inCompliancePacks('S3DefaultEncryptionKMS'), sseS3Only);
    acknowledgeRules(bucket, ['AwsSolutions-S1', ...inCompliancePacks('S3BucketLoggingEnabled')], REASONS.logDestinationLogging);
    acknowledgeRules(bucket, inCompliancePacks('S3BucketReplicationEnabled'), REASONS.logReplication);
    Validations.of(bucket).acknowledge({
      id: 'DataProtection-S3BucketCMK',
      reason: 'Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3 (AES-256, '
        + 'AWS-owned key); the bucket holds request metadata, not customer data, is TLS-only and private.',
    });
    return bucket;
  }
}

function authenticator(props: HttpsLoadBalancerProps): ((next: elbv2.ListenerAction) => elbv2.ListenerAction) | undefined {
  const oidc = props.oidcAuthentication;
  if (oidc) {
    return (next) => elbv2.ListenerAction.authenticateOidc({
      issuer: oidc.issuer,
      authorizationEndpoint: oidc.authorizationEndpoint,
      tokenEndpoint: oidc.tokenEndpoint,
      userInfoEndpoint: oidc.userInfoEndpoint,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      scope: oidc.scope,
      next,
    });
  }
  const c = props.cognitoAuthentication;
  if (c) {
    return (next) => new elbv2Actions.AuthenticateCognitoAction({
      userPool: c.userPool, userPoolClient: c.userPoolClient, userPoolDomain: c.userPoolDomain, next,
    });
  }
  return undefined;
}

/** Sets the 404 fallback on an HttpsLoadBalancer that never got a default target. */
class DefaultNotFound implements IAspect {
  constructor(private readonly target: HttpsLoadBalancer) {}

  public visit(node: IConstruct): void {
    if (node === this.target) this.target._setFallbackAction();
  }
}

