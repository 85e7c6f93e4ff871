import { SecretValue } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { DataProtectionPolicy, HttpsLoadBalancer, HttpsLoadBalancerProps, UserDirectory } from '../../lib';
import { allFindings, evaluate } from '../helpers';
import { certificate, offlineStack, violationsOf, vpcOf } from './fixtures';

function build(props: Partial<HttpsLoadBalancerProps> = {}) {
  const { app, stack } = offlineStack();
  const vpc = vpcOf(stack);
  const lb = new HttpsLoadBalancer(stack, 'Lb', { vpc, certificates: [certificate(stack)], ...props });
  return { app, stack, vpc, lb };
}

const OIDC = {
  issuer: 'https://tenant.eu.auth0.com/',
  authorizationEndpoint: 'https://tenant.eu.auth0.com/authorize',
  tokenEndpoint: 'https://tenant.eu.auth0.com/oauth/token',
  userInfoEndpoint: 'https://tenant.eu.auth0.com/userinfo',
  clientId: 'client',
  clientSecret: SecretValue.secretsManager('auth0-client-secret'),
};

describe('HttpsLoadBalancer', () => {
  test('a WAF web ACL with AWS managed rules and logging to an encrypted aws-waf-logs- group, unless switched off', () => {
    const { stack } = build();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: [
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } } }),
      ],
    });
    t.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    t.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'), KmsKeyId: Match.anyValue() });
    const off = Template.fromStack(build({ webApplicationFirewall: false }).stack);
    off.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  test('its access-log bucket is versioned and acknowledges the third-party findings it cannot fix, with reasons', () => {
    const { lb } = build();
    const t = Template.fromStack(lb.node.scope as any);
    t.hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' }, BucketEncryption: Match.objectLike({}) });
    const acked = lb.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules' || /acknowledg/i.test(m.type)))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    const ids = acked.map(([k]) => k.replace(/^annotation::/i, ''));
    expect(ids).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'AwsSolutions-EC23']));
    expect(acked.every(([, reason]) => reason.length > 60)).toBe(true);
  });

  test('zero extra props: HTTPS with a TLS 1.3-capable policy, only 443 open, hardened attributes, access logs', () => {
    const { app, stack } = build();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS', Port: 443, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1); // no port 80 unless the policy allows it
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Stack/Lb: HTTPS from the internet'),
      SecurityGroupIngress: [
        { CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp', Description: Match.anyValue() },
        { CidrIpv6: '::/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp', Description: Match.anyValue() },
      ],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })], // no egress until targets are added
    });
    t.hasResource('AWS::S3::Bucket', {
      Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } },
      DeletionPolicy: 'Retain',
    });
    expect(violationsOf(app)).toEqual([]);
    // The SSE-S3 log bucket is acknowledged, with the reason, not silently passed.
    const ack = allFindings(evaluate(app)).filter((f) => f.status === 'acknowledged');
    expect(ack.map((f) => [f.ruleId, f.constructPath])).toEqual([['DataProtection-S3BucketCMK', 'Stack/Lb/AccessLogs/Resource']]);
    expect(ack[0].reason).toMatch(/only to buckets encrypted with SSE-S3/);
  });

  test('a policy allowing port 80 gets a redirect-only HTTP listener; TLS 1.3 policies get a TLS 1.3 listener', () => {
    const { stack } = build({ policy: new DataProtectionPolicy({ allowedPublicPorts: [80, 443], minTlsVersion: '1.3' }) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS', Port: '443' }) }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' });
  });

  test('forward() authenticates with OIDC before forwarding, and the checks see every request authenticated', () => {
    const { app, stack, vpc, lb } = build({ oidcAuthentication: OIDC });
    const tg = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP });
    lb.forward([tg]);
    lb.forward([tg], { conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])], priority: 10 });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [Match.objectLike({ Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: Match.objectLike({ Issuer: OIDC.issuer }) }), Match.objectLike({ Type: 'forward', Order: 2 })],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 10, Actions: [Match.objectLike({ Type: 'authenticate-oidc' }), Match.objectLike({ Type: 'forward' })],
    });
    const auth = allFindings(evaluate(app)).filter((f) => f.ruleId === 'DataProtection-ELBListenerAuthentication').map((f) => f.status);
    expect(auth).toEqual(['compliant', 'compliant']);
  });

  test('without authentication, forwarding is a DP.IAM.2 finding the user must fix or acknowledge', () => {
    const { app, stack, vpc, lb } = build();
    lb.forward([new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP })]);
    expect(violationsOf(app)).toEqual(['DataProtection-ELBListenerAuthentication @ Stack/Lb/LoadBalancer/Https/Resource']);
  });

  test('Cognito authentication through a UserDirectory', () => {
    const { stack, vpc } = build();
    const pool = new UserDirectory(stack, 'Users');
    const client = pool.addClient('Web', { generateSecret: true, oAuth: { callbackUrls: ['https://app.example.com/oauth2/idpresponse'] } });
    const domain = pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-users' } });
    const lb2 = new HttpsLoadBalancer(stack, 'Lb2', { vpc, certificates: [certificate(stack)], cognitoAuthentication: { userPool: pool, userPoolClient: client, userPoolDomain: domain } });
    lb2.forward([new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 80, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP })]);
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [Match.objectLike({ Type: 'authenticate-cognito' }), Match.objectLike({ Type: 'forward' })],
    });
  });

  test.each([
    [{ sslPolicy: elbv2.SslPolicy.TLS11 }, /sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" \(allowed: a security policy whose minimum is TLS 1.2 or higher/],
    [{ httpsPort: 8443 }, /httpsPort: 8443 \(allowed: one of the policy's allowedPublicPorts \(443\)\)/],
    [{ httpsPort: 70000 }, /httpsPort: 70000 \(allowed: a port from 1 to 65535\)/],
    [{ redirectHttp: true }, /redirectHttp: true \(allowed: false, unless the policy's allowedPublicPorts \(443\) include 80\)/],
    [{ certificates: [] }, /certificates: \[\] \(allowed: at least one certificate\)/],
  ])('rejects %j', (props, message) => {
    expect(() => build(props as Partial<HttpsLoadBalancerProps>)).toThrow(message);
  });

  test('rejects both identity providers, and a rule without a priority', () => {
    const { stack } = offlineStack();
    const pool = new UserDirectory(stack, 'Users');
    const cognitoAuthentication = {
      userPool: pool,
      userPoolClient: pool.addClient('C', { generateSecret: true }),
      userPoolDomain: pool.addDomain('D', { cognitoDomain: { domainPrefix: 'x-users' } }),
    };
    expect(() => new HttpsLoadBalancer(stack, 'Lb', { vpc: vpcOf(stack), certificates: [certificate(stack)], oidcAuthentication: OIDC, cognitoAuthentication }))
      .toThrow(/HttpsLoadBalancer Stack\/Lb: invalid props:\n {2}- oidcAuthentication \/ cognitoAuthentication: "both set" \(allowed: at most one of them\)/);
    const { lb } = build();
    expect(() => lb.forward([], { conditions: [elbv2.ListenerCondition.pathPatterns(['/x'])] })).toThrow(
      /HttpsLoadBalancer.forward Stack\/Lb: invalid props:\n {2}- targetGroups: \[\] \(allowed: at least one target group\)\n {2}- priority: undefined \(allowed: a whole number from 1 to 50000/);
  });
});
