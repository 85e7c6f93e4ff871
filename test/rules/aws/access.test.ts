import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, verdictsOf } from '../../helpers';

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

describe('IAMPolicyNoAdminWildcard: each part of a policy the rule reads', () => {
  const ADMIN = { Effect: 'Allow', Action: '*', Resource: '*' };
  const SCOPED = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
  const policy = (document: unknown) => ({ Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: document, Roles: ['r'] } });
  test('every action needs every resource too; one admin statement among scoped ones is enough', () => {
    const report = run({
      NotResource: policy(doc({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' })),
      StarOnOneBucket: policy(doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' })),
      ScopedActionsEverywhere: policy(doc({ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:*'], Resource: ['arn:aws:s3:::b', '*'] })),
      OneOfMany: policy(doc(SCOPED, { Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::b', '*'] })),
      NoEffect: policy(doc({ Action: '*', Resource: '*' })),
    });
    expect(statusesOf(report, 'IAMPolicyNoAdminWildcard')).toEqual({
      NotResource: NON, StarOnOneBucket: OK, ScopedActionsEverywhere: OK, OneOfMany: NON, NoEffect: OK,
    });
  });

  test('inline policies of roles, users and groups, named or not; what the rule cannot read is unverifiable', () => {
    const role = (policies: unknown) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, Policies: policies } });
    const report = run({
      SecondInline: role([{ PolicyName: 'first', PolicyDocument: doc(SCOPED) }, { PolicyName: 'second', PolicyDocument: doc(ADMIN) }]),
      UserInline: { Type: 'AWS::IAM::User', Properties: { Policies: [{ PolicyName: 'user', PolicyDocument: doc(ADMIN) }] } },
      GroupInline: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'group', PolicyDocument: doc(SCOPED) }] } },
      PlainUser: { Type: 'AWS::IAM::User', Properties: {} },
      ParamPolicies: role({ Ref: 'Inline' }),
      ImportedInline: role([{ PolicyName: 'ok', PolicyDocument: doc(SCOPED) }, { 'Fn::ImportValue': 'inline' }]),
      ImportedStatement: policy(doc(SCOPED, { 'Fn::ImportValue': 'statement' })),
      TextStatement: policy({ Version: '2012-10-17', Statement: ['allow everything'] }),
    }, { parameters: ['Inline'] });
    expect(statusesOf(report, 'IAMPolicyNoAdminWildcard')).toEqual({
      SecondInline: NON, UserInline: NON, GroupInline: OK, PlainUser: OK, ParamPolicies: UNVERIFIABLE,
      ImportedInline: UNVERIFIABLE, ImportedStatement: UNVERIFIABLE, TextStatement: UNVERIFIABLE,
    });
    const findings = findingsOf(report, 'IAMPolicyNoAdminWildcard');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('SecondInline')).toBe('inline policy second allows every action on every resource');
    expect(detail('UserInline')).toBe('inline policy user allows every action on every resource');
    expect(detail('ParamPolicies')).toMatch(/^Policies is parameter Inline, which has no default/);
    expect(detail('ImportedInline')).toMatch(/^an inline policy is an import of inline/);
    expect(detail('ImportedStatement')).toMatch(/^a statement of PolicyDocument is an import of statement/);
    expect(detail('TextStatement')).toMatch(/^a statement of PolicyDocument is "allow everything", which this rule cannot read/);
  });

  test('an inline policy named by an expression is named by what the app defines, never "[object Object]"', () => {
    const role = (name: unknown) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, Policies: [{ PolicyName: name, PolicyDocument: doc(ADMIN) }] } });
    const report = evaluate(includeTemplate({
      Defaulted: role({ Ref: 'PolicyName' }),
      Computed: role({ 'Fn::Sub': '${AWS::StackName}-admin' }),
    }, { parameterDefaults: { PolicyName: 'ops-admin' } }).app);
    expect(verdictsOf(report, 'IAMPolicyNoAdminWildcard')).toEqual({
      Defaulted: ['non-compliant: inline policy ops-admin allows every action on every resource'],
      Computed: ['non-compliant: an inline policy (its name is computed at deployment) allows every action on every resource'],
    });
  });
});

describe('ServiceRoleNoAdministratorAccess: trust documents and ARNs in every form', () => {
  const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
  const role = (trust: unknown, arns?: unknown) => ({
    Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust, ...(arns === undefined ? {} : { ManagedPolicyArns: arns }) },
  });
  test('which roles are service roles, and what an unknown trust or ARN list says', () => {
    const report = run({
      NoManaged: role(TRUST_LAMBDA),
      SingleStatement: role({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' } }, [ADMIN_ARN]),
      MixedTrust: role(doc(TRUST_ACCOUNT.Statement[0], TRUST_LAMBDA.Statement[0]), [ADMIN_ARN]),
      ImportedTrust: role({ 'Fn::ImportValue': 'trust' }, [ADMIN_ARN]),
      ParamArnList: role(TRUST_LAMBDA, { Ref: 'Arns' }),
    }, { parameters: ['Arns'] });
    expect(statusesOf(report, 'ServiceRoleNoAdministratorAccess')).toEqual({
      NoManaged: OK, SingleStatement: NON, MixedTrust: NON, ImportedTrust: UNVERIFIABLE, ParamArnList: UNVERIFIABLE,
    });
    const findings = findingsOf(report, 'ServiceRoleNoAdministratorAccess');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('NoManaged')).toBe('no managed policies');
    expect(detail('ImportedTrust')).toMatch(/^AssumeRolePolicyDocument is an import of trust/);
    expect(detail('ParamArnList')).toMatch(/^ManagedPolicyArns is parameter Arns, which has no default/);
  });

  test('AdministratorAccess found among other ARNs, in a Fn::Sub, and not confused with a longer name', () => {
    const report = run({
      SubAdmin: role(TRUST_LAMBDA, [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' }]),
      AdminAfterUnknown: role(TRUST_LAMBDA, [{ Ref: 'PolicyArn' }, ADMIN_ARN]),
      SimilarName: role(TRUST_LAMBDA, ['arn:aws:iam::aws:policy/AdministratorAccess-Amplify']),
      UnknownAfterReadOnly: role(TRUST_LAMBDA, ['arn:aws:iam::aws:policy/ReadOnlyAccess', { Ref: 'PolicyArn' }, { Ref: 'OtherArn' }]),
      JoinOfList: role(TRUST_LAMBDA, [{ 'Fn::Join': ['', { Ref: 'Parts' }] }]),
    }, { parameters: ['PolicyArn', 'OtherArn', 'Parts'] });
    expect(statusesOf(report, 'ServiceRoleNoAdministratorAccess')).toEqual({
      SubAdmin: NON, AdminAfterUnknown: NON, SimilarName: OK, UnknownAfterReadOnly: UNVERIFIABLE, JoinOfList: UNVERIFIABLE,
    });
    const findings = findingsOf(report, 'ServiceRoleNoAdministratorAccess');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('SimilarName')).toBe('no AdministratorAccess among its managed policies');
    expect(detail('UnknownAfterReadOnly')).toMatch(/^a managed policy ARN is parameter PolicyArn, which has no default/);
  });

  test('a policy name or account the ARN takes from a parameter without default is unverifiable; from a default, it is read', () => {
    const joined = (name: string) => ({ 'Fn::Join': ['', ['arn:aws:iam::aws:policy/', { Ref: name }]] });
    const unknown = run({
      JoinName: role(TRUST_LAMBDA, [joined('Name')]),
      SubName: role(TRUST_LAMBDA, [{ 'Fn::Sub': 'arn:aws:iam::aws:policy/${Name}' }]),
      PartitionAndName: role(TRUST_LAMBDA, [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/${Name}' }]),
      SubVariable: role(TRUST_LAMBDA, [{ 'Fn::Sub': ['arn:aws:iam::aws:policy/${N}', { N: { Ref: 'Name' } }] }]),
      AccountParam: role(TRUST_LAMBDA, [{ 'Fn::Sub': 'arn:aws:iam::${Owner}:policy/AdministratorAccess' }]),
      OwnAccount: role(TRUST_LAMBDA, [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':policy/AdministratorAccess']] }]),
    }, { parameters: ['Name', 'Owner'] });
    expect(statusesOf(unknown, 'ServiceRoleNoAdministratorAccess')).toEqual({
      JoinName: UNVERIFIABLE, SubName: UNVERIFIABLE, PartitionAndName: UNVERIFIABLE, SubVariable: UNVERIFIABLE,
      AccountParam: UNVERIFIABLE, OwnAccount: OK,
    });
    const findings = findingsOf(unknown, 'ServiceRoleNoAdministratorAccess');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    for (const id of ['JoinName', 'SubName', 'PartitionAndName', 'SubVariable']) {
      expect(detail(id)).toMatch(/^part of a managed policy ARN is parameter Name, which has no default/);
    }
    expect(detail('AccountParam')).toMatch(/^part of a managed policy ARN is parameter Owner, which has no default/);

    const { app } = includeTemplate({
      AdminJoin: role(TRUST_LAMBDA, [joined('Admin')]),
      AdminSub: role(TRUST_LAMBDA, [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/${Admin}' }]),
      ReadOnlyJoin: role(TRUST_LAMBDA, [joined('ReadOnly')]),
      ReadOnlySub: role(TRUST_LAMBDA, [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/${ReadOnly}' }]),
    }, { parameterDefaults: { Admin: 'AdministratorAccess', ReadOnly: 'ReadOnlyAccess' } });
    const defaulted = evaluate(app);
    expect(statusesOf(defaulted, 'ServiceRoleNoAdministratorAccess')).toEqual({ AdminJoin: NON, AdminSub: NON, ReadOnlyJoin: OK, ReadOnlySub: OK });
    expect(findingsOf(defaulted, 'ServiceRoleNoAdministratorAccess').find((f) => f.logicalId === 'ReadOnlySub')?.detail)
      .toBe('no AdministratorAccess among its managed policies');
  });
});

describe('CognitoPasswordLength: unknown policies and the boundary', () => {
  const pool = (policies: unknown) => ({ Type: 'AWS::Cognito::UserPool', Properties: { Policies: policies } });
  test('an unknown Policies, PasswordPolicy or length is unverifiable, naming which', () => {
    const { app } = includeTemplate({
      ImportedPolicies: pool({ 'Fn::ImportValue': 'policies' }),
      ParamPasswordPolicy: pool({ PasswordPolicy: { Ref: 'PasswordPolicy' } }),
      TextLength: pool({ PasswordPolicy: { MinimumLength: { Ref: 'Words' } } }),
      NoLength: pool({ PasswordPolicy: { RequireNumbers: true } }),
      DefaultedLength: pool({ PasswordPolicy: { MinimumLength: { Ref: 'Len' } } }),
    }, { parameters: ['PasswordPolicy'], parameterDefaults: { Len: { Type: 'Number', Default: 12 }, Words: 'long' } });
    const report = evaluate(app);
    expect(statusesOf(report, 'CognitoPasswordLength')).toEqual({
      ImportedPolicies: UNVERIFIABLE, ParamPasswordPolicy: UNVERIFIABLE, TextLength: UNVERIFIABLE, NoLength: OK, DefaultedLength: OK,
    });
    const findings = findingsOf(report, 'CognitoPasswordLength');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('ImportedPolicies')).toMatch(/^Policies is an import of policies/);
    expect(detail('ParamPasswordPolicy')).toMatch(/^Policies\.PasswordPolicy is parameter PasswordPolicy, which has no default/);
    expect(detail('TextLength')).toMatch(/^MinimumLength is "long", which this rule cannot read/);
    expect(detail('NoLength')).toBe('minimum password length 8 (Cognito\'s default); the policy asks for 8');
    expect(detail('DefaultedLength')).toBe('minimum password length 12; the policy asks for 8');
  });

  test('a length exactly at the policy minimum complies; one below does not', () => {
    const report = run({
      Exactly: pool({ PasswordPolicy: { MinimumLength: 10 } }),
      OneShort: pool({ PasswordPolicy: { MinimumLength: 9 } }),
    }, { policy: new DataProtectionPolicy({ minPasswordLength: 10 }) });
    expect(statusesOf(report, 'CognitoPasswordLength')).toEqual({ Exactly: OK, OneShort: NON });
  });
});

describe('ELBListenerAuthentication: what the rule cannot know, and plaintext listeners', () => {
  const lb = (props: object = {}) => ({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'], ...props } });
  const listener = (lbArn: unknown, protocol: unknown, actions: unknown) => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: { LoadBalancerArn: lbArn, Port: 443, DefaultActions: actions, ...(protocol === undefined ? {} : { Protocol: protocol }) },
  });
  const rule = (listenerArn: unknown, actions: object[]) => ({
    Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    Properties: { ListenerArn: listenerArn, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/x'] }], Actions: actions },
  });
  const FORWARD = { Type: 'forward', TargetGroupArn: 'arn:tg' };
  const REDIRECT = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };
  const FIXED = { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } };
  const COGNITO = { Type: 'authenticate-cognito', AuthenticateCognitoConfig: { UserPoolArn: 'arn:up', UserPoolClientId: 'c', UserPoolDomain: 'd' } };
  test('an unknown load balancer, scheme, type, protocol, listener or action is unverifiable', () => {
    const report = run({
      Public: lb(),
      ParamScheme: lb({ Scheme: { Ref: 'Scheme' } }),
      ParamType: lb({ Type: { Ref: 'LbType' } }),
      ImportedLb: listener('arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/x/1', 'HTTPS', [FORWARD]),
      OnParamScheme: listener({ Ref: 'ParamScheme' }, 'HTTPS', [FORWARD]),
      OnParamType: listener({ Ref: 'ParamType' }, 'HTTPS', [FORWARD]),
      ParamProtocol: listener({ Ref: 'Public' }, { Ref: 'Protocol' }, [FORWARD]),
      NoProtocol: listener({ Ref: 'Public' }, undefined, [FORWARD]),
      ImportedAction: listener({ Ref: 'Public' }, 'HTTPS', [{ 'Fn::ImportValue': 'action' }, FORWARD]),
      UntypedAction: listener({ Ref: 'Public' }, 'HTTPS', [{ TargetGroupArn: 'arn:tg', Type: { Ref: 'ActionType' } }]),
      ImportedListenerRule: rule('arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/x/1/2', [FORWARD]),
    }, { parameters: ['Scheme', 'LbType', 'Protocol', 'ActionType'] });
    expect(statusesOf(report, 'ELBListenerAuthentication')).toEqual({
      ImportedLb: UNVERIFIABLE, OnParamScheme: UNVERIFIABLE, OnParamType: UNVERIFIABLE, ParamProtocol: UNVERIFIABLE, NoProtocol: UNVERIFIABLE,
      ImportedAction: UNVERIFIABLE, UntypedAction: UNVERIFIABLE, ImportedListenerRule: UNVERIFIABLE,
    });
    const findings = findingsOf(report, 'ELBListenerAuthentication');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('ParamProtocol')).toMatch(/^the listener's Protocol is parameter Protocol, which has no default/);
    expect(detail('NoProtocol')).toBe('the listener\'s Protocol is not set');
    expect(detail('ImportedListenerRule')).toMatch(/^ListenerArn is "arn:aws:elasticloadbalancing:.*", a listener outside this app/);
    expect(detail('OnParamScheme')).toMatch(/Type or Scheme is an expression/);
  });

  test('HTTPS: Cognito authenticates, a redirect serves nothing, a forward among redirects does not authenticate', () => {
    const report = run({
      Public: lb(),
      Cognito: listener({ Ref: 'Public' }, 'HTTPS', [COGNITO, FORWARD]),
      RedirectOnly: listener({ Ref: 'Public' }, 'HTTPS', [REDIRECT]),
      RedirectThenForward: listener({ Ref: 'Public' }, 'HTTPS', [REDIRECT, FORWARD]),
    });
    expect(statusesOf(report, 'ELBListenerAuthentication')).toEqual({ Cognito: OK, RedirectOnly: OK, RedirectThenForward: NON });
  });

  test('HTTP: a fixed response serves nothing; a forward beside a redirect, or on a rule, serves users; computed actions are unknown', () => {
    const report = run({
      Public: lb(),
      Internal: lb({ Scheme: 'internal' }),
      HttpFixed: listener({ Ref: 'Public' }, 'HTTP', [FIXED]),
      HttpRedirectAndForward: listener({ Ref: 'Public' }, 'HTTP', [REDIRECT, FORWARD]),
      HttpComputed: listener({ Ref: 'Public' }, 'HTTP', [{ 'Fn::ImportValue': 'action' }]),
      HttpUntyped: listener({ Ref: 'Public' }, 'HTTP', [{ TargetGroupArn: 'arn:tg', Type: { Ref: 'ActionType' } }]),
      InternalHttp: listener({ Ref: 'Internal' }, 'HTTP', [FORWARD]),
      ForwardRule: rule({ Ref: 'HttpFixed' }, [FORWARD]),
      RedirectRule: rule({ Ref: 'HttpFixed' }, [REDIRECT]),
    }, { parameters: ['ActionType'] });
    expect(statusesOf(report, 'ELBListenerAuthentication')).toEqual({
      HttpFixed: NA, HttpRedirectAndForward: NON, HttpComputed: UNVERIFIABLE, HttpUntyped: UNVERIFIABLE, InternalHttp: NA,
      ForwardRule: NON, RedirectRule: NA,
    });
    const findings = findingsOf(report, 'ELBListenerAuthentication');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('HttpComputed')).toBe('the actions are an expression the template computes at deployment');
    expect(detail('ForwardRule')).toMatch(/plaintext HTTP listener forwards requests/);
  });
});

describe('ApiGatewayAuthorization: endpoint types and HTTP API preflight', () => {
  const method = (api: string, authorizationType?: unknown) => ({
    Type: 'AWS::ApiGateway::Method',
    Properties: { RestApiId: { Ref: api }, ResourceId: 'r', HttpMethod: 'GET', Integration: { Type: 'MOCK' }, ...(authorizationType ? { AuthorizationType: authorizationType } : {}) },
  });
  const restApi = (types?: string[]) => ({ Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api', ...(types ? { EndpointConfiguration: { Types: types } } : {}) } });
  test('only an API whose every endpoint type is PRIVATE is not user-facing; OPTIONS routes of an HTTP API are preflight', () => {
    const report = run({
      Regional: restApi(['REGIONAL']),
      NoTypes: restApi([]),
      PrivateAndEdge: restApi(['PRIVATE', 'EDGE']),
      OnRegional: method('Regional', 'NONE'),
      OnNoTypes: method('NoTypes', 'NONE'),
      OnPrivateAndEdge: method('PrivateAndEdge', 'NONE'),
      WithoutType: method('Regional'),
      IamMethod: method('Regional', 'AWS_IAM'),
      Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'h', ProtocolType: 'HTTP' } },
      HttpPreflight: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Http' }, RouteKey: 'OPTIONS /{proxy+}' } },
      HttpOptionsPath: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Http' }, RouteKey: 'GET /OPTIONS' } },
    });
    expect(statusesOf(report, 'ApiGatewayAuthorization')).toEqual({
      OnRegional: NON, OnNoTypes: NON, OnPrivateAndEdge: NON, WithoutType: NON, IamMethod: OK, HttpPreflight: NA, HttpOptionsPath: NON,
    });
    const findings = findingsOf(report, 'ApiGatewayAuthorization');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('IamMethod')).toBe('AuthorizationType AWS_IAM');
    expect(detail('WithoutType')).toBe('AuthorizationType NONE: anyone who can reach the API calls it');
  });

  test('a WebSocket route whose key the app does not define could be $connect: unverifiable without an authorizer', () => {
    const wsRoute = (key: unknown, authorizationType?: string) => ({
      Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Ws' }, RouteKey: key, ...(authorizationType ? { AuthorizationType: authorizationType } : {}) },
    });
    const { app } = includeTemplate({
      Ws: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'w', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
      ParamKey: wsRoute({ Ref: 'Key' }),
      ParamKeyIam: wsRoute({ Ref: 'Key' }, 'AWS_IAM'),
      DefaultConnect: wsRoute({ Ref: 'ConnectKey' }),
      DefaultOther: wsRoute({ Ref: 'OtherKey' }),
    }, { parameters: ['Key'], parameterDefaults: { ConnectKey: '$connect', OtherKey: 'sendmessage' } });
    const report = evaluate(app);
    expect(statusesOf(report, 'ApiGatewayAuthorization')).toEqual({ ParamKey: UNVERIFIABLE, ParamKeyIam: OK, DefaultConnect: NON, DefaultOther: NA });
    expect(findingsOf(report, 'ApiGatewayAuthorization').find((f) => f.logicalId === 'ParamKey')?.detail)
      .toMatch(/^RouteKey is parameter Key, which has no default; if it is \$connect/);
  });
});

describe('ServiceRoleNoAdministratorAccess: ARN parts of every kind', () => {
  const role = (props: object) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_LAMBDA, ...props } });

  test('ARN parts: ${Resource.Attribute} is read, ${!Literal} is text, a number is text', () => {
    const report = run({
      PolicyName: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'AdministratorAccess' } },
      SubAttributeAdmin: role({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/${PolicyName.Value}' }] }),
      SubEscapedName: role({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/${!AdministratorAccess}' }] }),
      JoinNumberAccount: role({ ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', 111111111111, ':policy/AdministratorAccess']] }] }),
    });
    expect(statusesOf(report, 'ServiceRoleNoAdministratorAccess')).toEqual({
      SubAttributeAdmin: NON, SubEscapedName: OK, JoinNumberAccount: OK,
    });
  });
});
