import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { ipv4Range } from '../../facts/cidr';
import { encryptedLogGroup } from '../defaults/log-group';
import { literalVpcCidr } from '../private/vpc';

/** Client VPN accepts client CIDR blocks from /12 to /22. */
const CLIENT_CIDR_BITS = { min: 12, max: 22 };

/**
 * Props for AdminAccessVpn.
 */
export interface AdminAccessVpnProps {
  /** The VPC administrators reach. */
  readonly vpc: ec2.IVpc;

  /** IPv4 range assigned to VPN clients, /12 to /22, not overlapping the VPC. */
  readonly clientCidr: string;

  /** ACM certificate the endpoint presents. */
  readonly serverCertificateArn: string;

  /**
   * ACM certificate of the CA that issues client certificates: mutual TLS.
   *
   * @default - no certificate authentication (then `samlProvider` is required)
   */
  readonly clientCertificateArn?: string;

  /**
   * IAM SAML provider for SSO; enforce MFA at the identity provider.
   *
   * @default - no federated authentication (then `clientCertificateArn` is required)
   */
  readonly samlProvider?: iam.ISamlProvider;

  /**
   * With SSO: only members of this identity-provider group are authorized.
   *
   * @default - every authenticated user
   */
  readonly adminGroupId?: string;

  /**
   * The subnets administrators may reach (the endpoint is associated with them and authorizes
   * only their CIDR blocks).
   *
   * @default - the VPC's private subnets
   */
  readonly adminSubnets?: ec2.SubnetSelection;

  /**
   * The policy whose log retention applies.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * Where connection logs go.
   *
   * @default - a log group encrypted with a DataKey, kept at least `logRetentionDays`
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * Send only VPC traffic through the VPN.
   *
   * @default true
   */
  readonly splitTunnel?: boolean;
}

/**
 * The only door for administrators (DP.NET.5): an AWS Client VPN endpoint with mutual-TLS
 * certificate authentication and/or SAML federation (MFA enforced at the identity provider),
 * connection logging to an encrypted log group, split tunnel, and authorization to the admin
 * subnets only.
 */
export class AdminAccessVpn extends Construct {
  /** The Client VPN endpoint. */
  public readonly endpoint: ec2.ClientVpnEndpoint;
  /** Where connection logs go. */
  public readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: AdminAccessVpnProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const errors = PropErrors.of('AdminAccessVpn', this);
    const range = typeof props.clientCidr === 'string' ? ipv4Range(props.clientCidr) : undefined;
    const bits = range ? 32 - Math.log2(range[1] - range[0] + 1) : NaN;
    errors.check(range !== undefined && bits >= CLIENT_CIDR_BITS.min && bits <= CLIENT_CIDR_BITS.max, 'clientCidr', props.clientCidr,
      `an IPv4 CIDR block from /${CLIENT_CIDR_BITS.min} to /${CLIENT_CIDR_BITS.max}, e.g. 172.16.0.0/22`);
    const vpcCidr = literalVpcCidr(props.vpc);
    const vpcRange = vpcCidr ? ipv4Range(vpcCidr) : undefined;
    errors.check(!(range && vpcRange && range[0] <= vpcRange[1] && vpcRange[0] <= range[1]), 'clientCidr', props.clientCidr,
      `a range that does not overlap the VPC (${vpcCidr})`);
    errors.check(props.clientCertificateArn !== undefined || props.samlProvider !== undefined, 'clientCertificateArn / samlProvider',
      'neither set', 'mutual TLS (clientCertificateArn), SAML SSO with MFA (samlProvider), or both');
    errors.check(props.adminGroupId === undefined || props.samlProvider !== undefined, 'adminGroupId', props.adminGroupId,
      'only with samlProvider (groups come from the identity provider)');
    errors.throwIfAny();

    this.logGroup = props.logGroup ?? encryptedLogGroup(this, 'ConnectionLogs', 'LogKey', policy, 'Connection logs');

    const subnets = props.vpc.selectSubnets(props.adminSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    this.endpoint = props.vpc.addClientVpnEndpoint('Endpoint', {
      cidr: props.clientCidr,
      serverCertificateArn: props.serverCertificateArn,
      clientCertificateArn: props.clientCertificateArn,
      userBasedAuthentication: props.samlProvider ? ec2.ClientVpnUserBasedAuthentication.federated(props.samlProvider) : undefined,
      logging: true,
      logGroup: this.logGroup,
      splitTunnel: props.splitTunnel ?? true,
      vpcSubnets: props.adminSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      authorizeAllUsersToVpcCidr: false,
      description: `Administrative access to ${this.node.path}`,
    });
    subnets.subnets.forEach((subnet, i) => {
      this.endpoint.addAuthorizationRule(`AdminSubnet${i}`, {
        cidr: subnet.ipv4CidrBlock,
        groupId: props.adminGroupId,
        description: 'Administrators reach the admin subnets only',
      });
    });
  }
}

/**
 * Props for RequireMfaPolicy.
 */
export interface RequireMfaPolicyProps {
  /** Groups whose members must sign in with MFA. @default - none */
  readonly groups?: iam.IGroup[];
  /** Users who must sign in with MFA. @default - none */
  readonly users?: iam.IUser[];
  /** Roles whose sessions must carry MFA. @default - none */
  readonly roles?: iam.IRole[];
}

/**
 * A managed policy that denies everything except setting up one's own MFA device unless the
 * session was authenticated with MFA (`aws:MultiFactorAuthPresent`), for every administrator
 * (DP.NET.5).
 */
export class RequireMfaPolicy extends iam.ManagedPolicy {
  constructor(scope: Construct, id: string, props: RequireMfaPolicyProps = {}) {
    super(scope, id, {
      description: 'Deny every action without MFA, except managing one\'s own MFA device',
      groups: props.groups,
      users: props.users,
      roles: props.roles,
      statements: [new iam.PolicyStatement({
        sid: 'DenyAllExceptMfaSetupWithoutMfa',
        effect: iam.Effect.DENY,
        notActions: [
          'iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices',
          'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'iam:ChangePassword', 'sts:GetSessionToken',
        ],
        resources: ['*'],
        conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      })],
    });
  }
}
