import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { constructPolicy, offlineStack, violationsOf, vpcOf } from './fixtures';
import { AdminAccessVpn, DataProtectionPolicy, RequireMfaPolicy, UserDirectory } from '../../lib';

const SERVER_CERT = 'arn:aws:acm:eu-west-1:111111111111:certificate/server';
const CLIENT_CA = 'arn:aws:acm:eu-west-1:111111111111:certificate/client-ca';

describe('AdminAccessVpn', () => {
  test('mutual TLS, connection logs to an encrypted log group, split tunnel, admin subnets only', () => {
    const { app, stack } = offlineStack();
    const vpc = vpcOf(stack);
    new AdminAccessVpn(stack, 'Vpn', { vpc, clientCidr: '172.16.0.0/22', serverCertificateArn: SERVER_CERT, clientCertificateArn: CLIENT_CA });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      AuthenticationOptions: [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: CLIENT_CA } }],
      ConnectionLogOptions: { Enabled: true, CloudwatchLogGroup: Match.anyValue() },
      SplitTunnel: true,
      ClientCidrBlock: '172.16.0.0/22',
    });
    // One authorization rule per private subnet, none for the whole VPC.
    t.resourceCountIs('AWS::EC2::ClientVpnAuthorizationRule', 3);
    t.hasResourceProperties('AWS::EC2::ClientVpnAuthorizationRule', { TargetNetworkCidr: Match.stringLikeRegexp('^10\\.0\\.'), AuthorizeAllGroups: true });
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
    expect(violationsOf(app)).toEqual([]);
  });

  test('SAML federation restricted to an admin group', () => {
    const { stack } = offlineStack();
    const saml = new iam.SamlProvider(stack, 'Idp', { metadataDocument: iam.SamlMetadataDocument.fromXml('<xml/>') });
    new AdminAccessVpn(stack, 'Vpn', { vpc: vpcOf(stack), clientCidr: '172.16.0.0/22', serverCertificateArn: SERVER_CERT, samlProvider: saml, adminGroupId: 'admins' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', { AuthenticationOptions: [Match.objectLike({ Type: 'federated-authentication' })] });
    t.hasResourceProperties('AWS::EC2::ClientVpnAuthorizationRule', { AccessGroupId: 'admins' });
  });

  test('log retention is rounded up to a value CloudWatch accepts, never down', () => {
    const { stack } = offlineStack();
    new AdminAccessVpn(stack, 'Vpn', {
      vpc: vpcOf(stack), clientCidr: '172.16.0.0/22', serverCertificateArn: SERVER_CERT, clientCertificateArn: CLIENT_CA,
      policy: new DataProtectionPolicy({ logRetentionDays: 366 }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 400 });
  });

  test.each([
    [{ clientCidr: '' }, /clientCidr: "" \(allowed: an IPv4 CIDR block from \/12 to \/22/],
    [{ clientCidr: '172.16.0.0/24' }, /clientCidr: "172.16.0.0\/24"/],
    [{ clientCidr: '10.0.0.0/22' }, /clientCidr: "10.0.0.0\/22" \(allowed: a range that does not overlap the VPC \(10.0.0.0\/16\)\)/],
    [{ clientCertificateArn: undefined }, /clientCertificateArn \/ samlProvider: "neither set"/],
    [{ adminGroupId: 'admins' }, /adminGroupId: "admins" \(allowed: only with samlProvider/],
  ])('rejects %j', (override, message) => {
    const { stack } = offlineStack();
    const props = { vpc: vpcOf(stack), clientCidr: '172.16.0.0/22', serverCertificateArn: SERVER_CERT, clientCertificateArn: CLIENT_CA, ...override };
    expect(() => new AdminAccessVpn(stack, 'Vpn', props)).toThrow(message);
  });
});

describe('RequireMfaPolicy', () => {
  test('denies everything but MFA self-service when the session has no MFA', () => {
    const { app, stack } = offlineStack();
    const admins = new iam.Group(stack, 'Admins');
    new RequireMfaPolicy(stack, 'Mfa', { groups: [admins] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Groups: [{ Ref: Match.stringLikeRegexp('^Admins') }],
      PolicyDocument: { Statement: [Match.objectLike({
        Effect: 'Deny', Resource: '*', NotAction: Match.arrayWith(['iam:EnableMFADevice', 'sts:GetSessionToken']),
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      })] },
    });
    expect(violationsOf(app)).toEqual([]);
  });
});

describe('UserDirectory', () => {
  test('password length from the policy, MFA required, threat protection, deletion protection, retained', () => {
    const { app, stack } = offlineStack();
    new UserDirectory(stack, 'Users', { policy: new DataProtectionPolicy({ minPasswordLength: 12 }) });
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPool', {
      Properties: {
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12, RequireNumbers: true, RequireSymbols: true, RequireUppercase: true, RequireLowercase: true,
          }),
        },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      },
      DeletionPolicy: 'Retain',
    });
    expect(violationsOf(app, constructPolicy({ minPasswordLength: 12 }))).toEqual([]);
  });

  test('MFA may be optional per prop; the password may be longer than the policy', () => {
    const { stack } = offlineStack();
    new UserDirectory(stack, 'Users', { mfa: cognito.Mfa.OPTIONAL, minPasswordLength: 14 });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL', Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14 }) },
    });
  });

  test.each([
    [{ minPasswordLength: 6 }, /UserDirectory Stack\/Users: invalid props:\n {2}- minPasswordLength: 6 \(allowed: a whole number from the policy's minimum \(8\) to 99\)/],
    [{ mfa: cognito.Mfa.OFF }, /mfa: "OFF" \(allowed: ON or OPTIONAL\)/],
  ])('rejects %j', (props, message) => {
    const { stack } = offlineStack();
    expect(() => new UserDirectory(stack, 'Users', props)).toThrow(message);
  });
});
