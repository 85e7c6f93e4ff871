import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, includeTemplate, statusesOf } from '../../helpers';

const NON = 'non-compliant';
const OK = 'compliant';
const NA = 'not-applicable';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';

function run(resources: Record<string, unknown>, opts: { parameters?: string[]; policy?: DataProtectionPolicy } = {}) {
  return evaluate(includeTemplate(resources, { parameters: opts.parameters }).app, opts.policy);
}
const doc = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const TRUST_LAMBDA = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });
const TRUST_ACCOUNT = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' });

describe('IAMPolicyNoAdminWildcard (DP.IAM.1)', () => {
  test('no statement allows every action on every resource, in any kind of policy', () => {
    const report = run({
      Scoped: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'a', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), Roles: ['r'] } },
      StarStar: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } },
      ServiceWildcard: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'b', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), Roles: ['r'] } },
      NotAction: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'c', PolicyDocument: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), Roles: ['r'] } },
      DenyAll: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'd', PolicyDocument: doc({ Effect: 'Deny', Action: '*', Resource: '*' }), Roles: ['r'] } },
      RoleInline: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, Policies: [{ PolicyName: 'i', PolicyDocument: doc({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }) }] } },
      RoleClean: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA } },
      ImportedDoc: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'e', PolicyDocument: { 'Fn::ImportValue': 'doc' }, Roles: ['r'] } },
    });
    expect(statusesOf(report, 'IAMPolicyNoAdminWildcard')).toEqual({
      Scoped: OK, StarStar: NON, ServiceWildcard: OK, NotAction: NON, DenyAll: OK, RoleInline: NON, RoleClean: OK, ImportedDoc: UNVERIFIABLE,
    });
  });
});

describe('ServiceRoleNoAdministratorAccess (DP.IAM.1)', () => {
  const ADMIN_JOIN = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] };
  test('service roles never carry AdministratorAccess; human roles are not applicable', () => {
    const report = run({
      ServiceAdmin: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, ManagedPolicyArns: [ADMIN_JOIN] } },
      ServiceAdminLiteral: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } },
      ServiceReadOnly: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] } },
      ServiceParamPolicy: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, ManagedPolicyArns: [{ Ref: 'PolicyArn' }] } },
      HumanAdmin: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_ACCOUNT, ManagedPolicyArns: [ADMIN_JOIN] } },
    }, { parameters: ['PolicyArn'] });
    expect(statusesOf(report, 'ServiceRoleNoAdministratorAccess')).toEqual({
      ServiceAdmin: NON, ServiceAdminLiteral: NON, ServiceReadOnly: OK, ServiceParamPolicy: UNVERIFIABLE, HumanAdmin: NA,
    });
  });
});

describe('CognitoPasswordLength (DP.IAM.2)', () => {
  const pool = (policies?: object) => ({ Type: 'AWS::Cognito::UserPool', Properties: policies ? { Policies: policies } : {} });
  const resources = {
    Default: pool(),
    Six: pool({ PasswordPolicy: { MinimumLength: 6 } }),
    Twelve: pool({ PasswordPolicy: { MinimumLength: 12 } }),
    Param: pool({ PasswordPolicy: { MinimumLength: { Ref: 'Len' } } }),
  };
  test('the minimum comes from the policy; Cognito defaults to 8', () => {
    expect(statusesOf(run(resources, { parameters: ['Len'] }), 'CognitoPasswordLength')).toEqual({ Default: OK, Six: NON, Twelve: OK, Param: UNVERIFIABLE });
    const strict = run(resources, { parameters: ['Len'], policy: new DataProtectionPolicy({ minPasswordLength: 10 }) });
    expect(statusesOf(strict, 'CognitoPasswordLength')).toMatchObject({ Default: NON, Twelve: OK });
  });
});

describe('ELBListenerAuthentication (DP.IAM.2)', () => {
  const lb = (scheme?: string, type?: string) => ({
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: { Subnets: ['s-1', 's-2'], ...(scheme ? { Scheme: scheme } : {}), ...(type ? { Type: type } : {}) },
  });
  const listener = (lbId: string, protocol: string, actions: object[]) => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: { LoadBalancerArn: { Ref: lbId }, Protocol: protocol, Port: 443, DefaultActions: actions, ...(protocol === 'HTTP' ? {} : { Certificates: [{ CertificateArn: 'arn:c' }] }) },
  });
  const FORWARD = { Type: 'forward', TargetGroupArn: 'arn:tg', Order: 2 };
  const OIDC = {
    Type: 'authenticate-oidc', Order: 1,
    AuthenticateOidcConfig: { Issuer: 'https://x.auth0.com/', AuthorizationEndpoint: 'https://x/a', TokenEndpoint: 'https://x/t', UserInfoEndpoint: 'https://x/u', ClientId: 'c', ClientSecret: 's' },
  };
  test('internet-facing HTTPS listeners and their rules authenticate before forwarding', () => {
    const report = run({
      Public: lb(),
      Internal: lb('internal'),
      Network: lb('internet-facing', 'network'),
      Open: listener('Public', 'HTTPS', [FORWARD]),
      Authenticated: listener('Public', 'HTTPS', [OIDC, FORWARD]),
      FixedOnly: listener('Public', 'HTTPS', [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }]),
      InternalOpen: listener('Internal', 'HTTPS', [FORWARD]),
      NlbTls: listener('Network', 'TLS', [FORWARD]),
      OpenRule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'FixedOnly' }, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/api'] }], Actions: [FORWARD] } },
      AuthRule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'FixedOnly' }, Priority: 2, Conditions: [{ Field: 'path-pattern', Values: ['/app'] }], Actions: [OIDC, FORWARD] } },
    });
    expect(statusesOf(report, 'ELBListenerAuthentication')).toEqual({
      Open: NON, Authenticated: OK, FixedOnly: OK, InternalOpen: NA, NlbTls: NA, OpenRule: NON, AuthRule: OK,
    });
  });

  test('a plaintext HTTP listener that forwards serves users without authentication (it cannot authenticate); a redirect serves nothing', () => {
    const report = run({
      Public: lb(),
      HttpForward: listener('Public', 'HTTP', [FORWARD]),
      HttpRedirect: listener('Public', 'HTTP', [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }]),
    });
    expect(statusesOf(report, 'ELBListenerAuthentication')).toEqual({ HttpForward: NON, HttpRedirect: NA });
  });
});

describe('ApiGatewayAuthorization (DP.IAM.2; issue 16, item 5)', () => {
  const method = (httpMethod: string, authorizationType: unknown, api = 'Api') => ({
    Type: 'AWS::ApiGateway::Method', Properties: { RestApiId: { Ref: api }, ResourceId: 'r', HttpMethod: httpMethod, AuthorizationType: authorizationType, Integration: { Type: 'MOCK' } },
  });
  const route = (api: string, key: string, authorizationType?: unknown) => ({
    Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: api }, RouteKey: key, ...(authorizationType ? { AuthorizationType: authorizationType } : {}) },
  });
  test('every method and route of a public API authorizes its callers; CORS preflight and private APIs are not user-facing', () => {
    const report = run({
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } },
      Private: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'p', EndpointConfiguration: { Types: ['PRIVATE'] } } },
      Open: method('GET', 'NONE'),
      Preflight: method('OPTIONS', 'NONE'),
      Cognito: method('POST', 'COGNITO_USER_POOLS'),
      Iam: method('PUT', 'AWS_IAM'),
      Custom: method('DELETE', 'CUSTOM'),
      PrivateOpen: method('GET', 'NONE', 'Private'),
      ParamAuth: method('PATCH', { Ref: 'Auth' }),
      Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'h', ProtocolType: 'HTTP' } },
      HttpOpen: route('Http', 'GET /items'),
      HttpJwt: route('Http', 'POST /items', 'JWT'),
      Ws: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'w', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
      WsConnect: route('Ws', '$connect'),
      WsDefault: route('Ws', '$default'),
    }, { parameters: ['Auth'] });
    expect(statusesOf(report, 'ApiGatewayAuthorization')).toEqual({
      Open: NON, Preflight: NA, Cognito: OK, Iam: OK, Custom: OK, PrivateOpen: NA, ParamAuth: UNVERIFIABLE,
      HttpOpen: NON, HttpJwt: OK, WsConnect: NON, WsDefault: NA,
    });
  });
});
