import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, templateApp } from '../../helpers';

const NON = 'non-compliant';
const OK = 'compliant';
const NA = 'not-applicable';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';

// A VPC attached to an internet gateway: the internet can reach what its security groups open.
const INTERNET_VPC = {
  Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
  Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
  IgwAttachment: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'Vpc' }, InternetGatewayId: { Ref: 'Igw' } } },
};

function run(resources: Record<string, unknown>, opts: { parameters?: string[]; policy?: DataProtectionPolicy } = {}) {
  return evaluate(includeTemplate({ ...INTERNET_VPC, ...resources },
    { parameters: opts.parameters }).app, opts.policy);
}
const sg = (ingress: object[]) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: ingress } });
const tcp = (port: number, cidr: string, to = port) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: to, CidrIp: cidr });
const ANY = '0.0.0.0/0';

describe('SecurityGroupPublicIngress (DP.NET.1)', () => {
  const resources = {
    LbGroup: sg([tcp(443, ANY)]),
    Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { SecurityGroups: [{ 'Fn::GetAtt': ['LbGroup', 'GroupId'] }], Subnets: ['s-1', 's-2'] } },
    LbGroupPort80: sg([tcp(80, ANY)]),
    Lb2: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { SecurityGroups: [{ Ref: 'LbGroupPort80' }], Subnets: ['s-1', 's-2'] } },
    AppGroup: sg([tcp(443, ANY)]),
    AppGroupAllTraffic: sg([{ IpProtocol: '-1', CidrIpv6: '::/0' }]),
    InternalOnly: sg([tcp(5432, '10.0.0.0/16'), { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: { Ref: 'LbGroup' } }]),
    ParamCidr: sg([tcp(443, { Ref: 'Cidr' } as any)]),
    StandaloneOnApp: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'InternalOnly' }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: ANY } },
    StandaloneOnLb: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['LbGroup', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' } },
    StandaloneImportedGroup: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-12345', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: ANY } },
  };
  test('only load balancer groups may be open to the internet, and only on allowed ports', () => {
    expect(statusesOf(run(resources, { parameters: ['Cidr'] }), 'SecurityGroupPublicIngress')).toEqual({
      LbGroup: OK, LbGroupPort80: 'non-compliant [PublicPort]', AppGroup: 'non-compliant [NotLoadBalancer]',
      AppGroupAllTraffic: 'non-compliant [PublicPort] [NotLoadBalancer]', InternalOnly: OK, ParamCidr: UNVERIFIABLE,
      StandaloneOnApp: 'non-compliant [NotLoadBalancer]', StandaloneOnLb: OK, StandaloneImportedGroup: UNVERIFIABLE,
    });
  });
  test('the allowed ports come from the policy', () => {
    const s = statusesOf(run(resources, { parameters: ['Cidr'], policy: new DataProtectionPolicy({ allowedPublicPorts: [80, 443] }) }), 'SecurityGroupPublicIngress');
    expect(s.LbGroupPort80).toBe(OK);
  });
});

describe('SecurityGroupPublicIngress in a VPC without an internet gateway (issue 16, item 2)', () => {
  test('0.0.0.0/0 on an interface endpoint of an isolated VPC admits no one from the internet', () => {
    const endpointGroup = (vpc: string) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: vpc }, SecurityGroupIngress: [tcp(443, ANY)] } });
    const report = evaluate(includeTemplate({
      Isolated: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Public: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
      Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
      Attach: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'Public' }, InternetGatewayId: { Ref: 'Igw' } } },
      IsolatedEndpoint: endpointGroup('Isolated'),
      PublicEndpoint: endpointGroup('Public'),
    }).app);
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({ IsolatedEndpoint: OK, PublicEndpoint: 'non-compliant [NotLoadBalancer]' });
  });
});

describe('InstancePublicIp (DP.NET.1)', () => {
  test('instances, templates and launch configurations ask for no public IP and sit in no public subnet', () => {
    const report = run({
      PublicSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true } },
      PrivateSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
      InPublic: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: { Ref: 'PublicSubnet' } } },
      InPrivate: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: { Ref: 'PrivateSubnet' } } },
      DefaultVpc: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1' } },
      AsksPublic: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true, SubnetId: { Ref: 'PrivateSubnet' } }] } },
      ImportedSubnet: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: 'subnet-123' } },
      TemplatePublic: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] } } },
      TemplatePrivate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1' } } },
      LaunchConfig: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-1', InstanceType: 't3.micro', AssociatePublicIpAddress: true } },
      InstanceEip: { Type: 'AWS::EC2::EIP', Properties: { InstanceId: { Ref: 'InPrivate' } } },
      NatEip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
    });
    expect(statusesOf(report, 'InstancePublicIp')).toEqual({
      InPublic: NON, InPrivate: OK, DefaultVpc: NON, AsksPublic: NON, ImportedSubnet: UNVERIFIABLE,
      TemplatePublic: NON, TemplatePrivate: OK, LaunchConfig: NON, InstanceEip: NON, NatEip: NA,
    });
  });
});

describe('DatabasePublicAccess (DP.NET.1)', () => {
  test('databases, brokers and search domains are not publicly accessible, with service defaults applied', () => {
    const report = run({
      RdsPublic: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres', PubliclyAccessible: true, DBSubnetGroupName: 'g' } },
      RdsNoSubnetGroup: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres' } },
      RdsPrivate: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres', DBSubnetGroupName: 'g' } },
      DmsDefault: { Type: 'AWS::DMS::ReplicationInstance', Properties: { ReplicationInstanceClass: 'dms.t3.micro' } },
      Broker: { Type: 'AWS::AmazonMQ::Broker', Properties: { BrokerName: 'b', DeploymentMode: 'CLUSTER_MULTI_AZ', EngineType: 'RABBITMQ', HostInstanceType: 'mq.m5.large', PubliclyAccessible: false, Users: [{ Username: 'u', Password: 'p' }] } },
      PublicDomain: { Type: 'AWS::OpenSearchService::Domain', Properties: {} },
      VpcDomain: { Type: 'AWS::OpenSearchService::Domain', Properties: { VPCOptions: { SubnetIds: ['subnet-1'] } } },
      ParamAccess: { Type: 'AWS::Redshift::Cluster', Properties: { ClusterType: 'single-node', NodeType: 'ra3.xlplus', DBName: 'd', MasterUsername: 'u', MasterUserPassword: 'Passw0rd!', PubliclyAccessible: { Ref: 'Pub' } } },
    }, { parameters: ['Pub'] });
    expect(statusesOf(report, 'DatabasePublicAccess')).toEqual({
      RdsPublic: NON, RdsNoSubnetGroup: NON, RdsPrivate: OK, DmsDefault: NON, Broker: NA, PublicDomain: NON, VpcDomain: OK, ParamAccess: UNVERIFIABLE,
    });
  });
});

describe('SecurityGroupAdminPorts (DP.NET.5)', () => {
  test('SSH and RDP only from inside the VPC or from other security groups', () => {
    const report = run({
      SshAnywhere: sg([tcp(22, ANY)]),
      RdpOffice: sg([tcp(3389, '203.0.113.0/24')]),
      SshFromVpc: sg([tcp(22, '10.0.4.0/24')]),
      SshFromVpnGroup: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, SourceSecurityGroupId: 'sg-vpn' }]),
      RangeCovering22: sg([tcp(0, '198.51.100.7/32', 1024)]),
      HttpsAnywhere: sg([tcp(443, ANY)]),
      SecondaryCidr: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.1.0.0/16' } },
      SshFromSecondary: sg([tcp(22, '10.1.2.0/24')]),
      NoVpc: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: [tcp(22, '10.0.0.0/8')] } },
      StandaloneSsh: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'HttpsAnywhere' }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: ANY } },
    });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({
      SshAnywhere: 'non-compliant [OutsideVpc]', RdpOffice: 'non-compliant [OutsideVpc]', SshFromVpc: OK, SshFromVpnGroup: OK,
      RangeCovering22: 'non-compliant [OutsideVpc]', HttpsAnywhere: NA, SshFromSecondary: OK, NoVpc: UNVERIFIABLE,
      StandaloneSsh: 'non-compliant [OutsideVpc]',
    });
  });

  test('what each permission is judged on, and what an unknown says', () => {
    // Found by the mutation run: the statuses alone left these branches and their details unpinned.
    const inVpc = (vpc: string, ingress: object[]) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: vpc }, SecurityGroupIngress: ingress } });
    const report = run({
      RangeFromVpc: sg([tcp(22, '10.0.0.0/16', 65535)]),
      IcmpAnywhere: sg([{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIp: ANY }]),
      UnknownPeerHttps: sg([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { Ref: 'Peer' } }]),
      UnknownPeerSsh: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { Ref: 'Peer' } }]),
      UnknownPortAnywhere: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: ANY }]),
      UnknownPortOutside: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: '192.0.2.0/24' }]),
      Computed: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: { Ref: 'Rules' } } },
      IpamVpc: { Type: 'AWS::EC2::VPC', Properties: { Ipv4IpamPoolId: 'ipam-pool-1', Ipv4NetmaskLength: 16 } },
      InIpamVpc: inVpc('IpamVpc', [tcp(22, '10.0.0.0/24')]),
      ParamVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'VpcCidr' } } },
      InParamVpc: inVpc('ParamVpc', [tcp(22, '10.0.0.0/24')]),
      ForeignVpc: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: 'vpc-0a1b2c3d', SecurityGroupIngress: [tcp(3389, '10.0.0.0/24')] } },
    }, { parameters: ['Peer', 'Port', 'Rules', 'VpcCidr'] });
    const details = Object.fromEntries(findingsOf(report, 'SecurityGroupAdminPorts').filter((f) => f.status !== NA)
      .map((f) => [f.logicalId, `${f.ruleId.replace('DataProtection-SecurityGroupAdminPorts', '')} ${f.detail}`]));
    expect(details).toEqual({
      RangeFromVpc: expect.stringMatching(/^ SSH\/RDP admitted only from inside: .*22-65535.*inside the VPC \(10\.0\.0\.0\/16\)/),
      UnknownPeerSsh: expect.stringMatching(/^\[Unverifiable\] .*parameter Peer/),
      UnknownPortAnywhere: expect.stringMatching(/^\[Unverifiable\] .*parameter Port.*; the peer is 0\.0\.0\.0\/0$/),
      UnknownPortOutside: expect.stringMatching(/^\[Unverifiable\] .*parameter Port.*; the peer 192\.0\.2\.0\/24 is outside the VPC \(10\.0\.0\.0\/16\)$/),
      Computed: '[Unverifiable] an ingress entry is an expression the template computes at deployment',
      InIpamVpc: '[Unverifiable] VPC IpamVpc has no CIDR block in the template (allocated at deployment), so 10.0.0.0/24 cannot be placed',
      InParamVpc: expect.stringMatching(/^\[Unverifiable\] the CIDR block of VPC ParamVpc is .*parameter VpcCidr.*, so 10\.0\.0\.0\/24 cannot be placed$/),
      ForeignVpc: '[Unverifiable] the group\'s VpcId is not a VPC of this app, so 10.0.0.0/24 cannot be placed',
    });
    // Neither ICMP nor HTTPS from an unknown peer says anything about administrative access.
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toMatchObject({ IcmpAnywhere: NA, UnknownPeerHttps: NA });
  });
});

describe('ClientVpnEndpointAuth (DP.NET.5)', () => {
  const endpoint = (auth: object[], logging: object) => ({
    Type: 'AWS::EC2::ClientVpnEndpoint',
    Properties: { ClientCidrBlock: '172.16.0.0/22', ServerCertificateArn: 'arn:cert', AuthenticationOptions: auth, ConnectionLogOptions: logging },
  });
  const MUTUAL = { Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn:ca' } };
  const SAML = { Type: 'federated-authentication', FederatedAuthentication: { SAMLProviderArn: 'arn:saml' } };
  const AD = { Type: 'directory-service-authentication', ActiveDirectory: { DirectoryId: 'd-1' } };
  test('mutual TLS or federated authentication, with connection logging', () => {
    const report = run({
      Mutual: endpoint([MUTUAL], { Enabled: true, CloudwatchLogGroup: 'g' }),
      Saml: endpoint([SAML], { Enabled: true, CloudwatchLogGroup: 'g' }),
      AdOnly: endpoint([AD], { Enabled: true, CloudwatchLogGroup: 'g' }),
      NoLogs: endpoint([MUTUAL, SAML], { Enabled: false }),
      Both: endpoint([AD], { Enabled: false }),
    });
    expect(statusesOf(report, 'ClientVpnEndpointAuth')).toEqual({
      Mutual: OK, Saml: OK, AdOnly: 'non-compliant [Authentication]', NoLogs: 'non-compliant [ConnectionLogging]',
      Both: 'non-compliant [Authentication] [ConnectionLogging]',
    });
  });
});

describe('values the app defines are resolved, not unverifiable (issue 16, item 1)', () => {
  const db = (props: object = {}) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'mysql', DBSubnetGroupName: 'g', ...props } });
  const ingress = (group: string, props: object) => ({ Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': [group, 'GroupId'] }, IpProtocol: 'tcp', ...props } });
  const VPC_CIDR = { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] };

  test('a CIDR taken from a VPC of the app (addInterfaceEndpoint, Peer.ipv4(vpc.vpcCidrBlock)) is the VPC\'s block', () => {
    const report = run({
      Endpoint: sg([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: VPC_CIDR }]),
      Ssh: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: VPC_CIDR }]),
    });
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({ Endpoint: OK, Ssh: OK });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({ Endpoint: NA, Ssh: OK });
  });

  test('a port taken from a database endpoint (allowDefaultPortFrom) is its Port, or its engine\'s default', () => {
    const report = run({
      Db: db(),
      DbGroup: sg([]),
      Client: sg([]),
      FromClient: ingress('DbGroup', { FromPort: { 'Fn::GetAtt': ['Db', 'Endpoint.Port'] }, ToPort: { 'Fn::GetAtt': ['Db', 'Endpoint.Port'] }, SourceSecurityGroupId: { 'Fn::GetAtt': ['Client', 'GroupId'] } }),
      FromVpc: ingress('DbGroup', { FromPort: { 'Fn::GetAtt': ['Db', 'Endpoint.Port'] }, ToPort: { 'Fn::GetAtt': ['Db', 'Endpoint.Port'] }, CidrIp: VPC_CIDR }),
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', Port: 5432 } },
      ToCluster: ingress('DbGroup', { FromPort: { 'Fn::GetAtt': ['Cluster', 'Endpoint.Port'] }, ToPort: { 'Fn::GetAtt': ['Cluster', 'Endpoint.Port'] }, CidrIp: '0.0.0.0/0' }),
    });
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toMatchObject({ FromClient: OK, FromVpc: OK, ToCluster: 'non-compliant [PublicPort] [NotLoadBalancer]' });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toMatchObject({ FromClient: NA, FromVpc: NA });
    const toCluster = findingsOf(report, 'SecurityGroupPublicIngress').find((f) => f.logicalId === 'ToCluster' && f.ruleId.endsWith('[PublicPort]'));
    expect(toCluster?.detail).toContain('5432');
  });

  test('parameter defaults are the app\'s values; a parameter without a default is unverifiable and the detail says which', () => {
    const { app } = includeTemplate({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      OpsWithDefault: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { Ref: 'OpsCidr' } }]),
      OpsWithout: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { Ref: 'AdminCidr' } }]),
    }, { parameterDefaults: { OpsCidr: '10.0.0.0/16' }, parameters: ['AdminCidr'] });
    const report = evaluate(app);
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({ OpsWithDefault: OK, OpsWithout: UNVERIFIABLE });
    const unverifiable = findingsOf(report, 'SecurityGroupAdminPorts').find((f) => f.logicalId === 'OpsWithout');
    expect(unverifiable?.detail).toMatch(/CidrIp is parameter AdminCidr, which has no default/);
    expect(findingsOf(report, 'SecurityGroupPublicIngress').find((f) => f.logicalId === 'OpsWithout')?.detail).toMatch(/parameter AdminCidr, which has no default/);
  });

  test('a CIDR exported by another stack of the app (Fn::ImportValue, Fn::GetStackOutput) is resolved there', () => {
    const app = templateApp();
    includeTemplate({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.8.0.0/16' } } }, {
      app, stackId: 'Shared', outputs: { VpcCidr: { Value: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, Export: { Name: 'Shared:VpcCidr' } } },
    });
    includeTemplate({
      Imported: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: 'vpc-1', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { 'Fn::ImportValue': 'Shared:VpcCidr' } }] } },
      Outside: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: 'vpc-1', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::ImportValue': 'Platform:OfficeCidr' } }] } },
    }, { app, stackId: 'Service' });
    const report = evaluate(app);
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({ Imported: OK, Outside: UNVERIFIABLE });
    expect(findingsOf(report, 'SecurityGroupPublicIngress').find((f) => f.logicalId === 'Outside')?.detail)
      .toMatch(/import of Platform:OfficeCidr, which no stack of this app exports/);
  });
});

describe('AdminVpnPresent (DP.NET.5, the positive half: administrative access goes through a VPN; issue 16, item 3)', () => {
  const VPN = {
    Type: 'AWS::EC2::ClientVpnEndpoint',
    Properties: { ClientCidrBlock: '172.16.0.0/22', ServerCertificateArn: 'arn:cert', ConnectionLogOptions: { Enabled: true, CloudwatchLogGroup: 'g' },
      AuthenticationOptions: [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn:ca' } }] },
  };
  const control = (report: ReturnType<typeof run>) => report.controls.find((c) => c.id === 'DP.NET.5')!;

  test('SSH admitted from inside the VPC but no VPN in the app: the control is violated, not met', () => {
    const report = run({ Bastion: sg([tcp(22, '10.0.0.0/16')]) });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({ Bastion: OK });
    const [finding] = findingsOf(report, 'AdminVpnPresent');
    expect(finding).toMatchObject({ status: NON, resourceType: 'AWS::CloudFormation::Stack' });
    expect(finding.detail).toMatch(/Bastion admit\(s\) SSH\/RDP.*no Client VPN endpoint/);
    expect(control(report).status).toBe('violated');
  });

  test('with a Client VPN endpoint the positive half holds', () => {
    const report = run({ Bastion: sg([tcp(22, '10.0.0.0/16')]), Vpn: VPN });
    expect(statusesOf(report, 'AdminVpnPresent')).toEqual({ Vpn: OK });
    expect(control(report).status).toBe('met');
  });

  test('a rule for every port (a cluster talking to itself) is not an administrative access path; from the internet it is exposure', () => {
    const report = run({
      Cluster: sg([{ IpProtocol: '-1', SourceSecurityGroupId: 'sg-self' }]),
      Peers: sg([{ IpProtocol: '-1', CidrIp: '10.0.0.0/16' }]),
      Open: sg([{ IpProtocol: '-1', CidrIp: ANY }]),
    });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({ Cluster: NA, Peers: NA, Open: 'non-compliant [OutsideVpc]' });
    expect(findingsOf(report, 'AdminVpnPresent')).toEqual([]);
  });

  test('no VPN and no administrative access path: nothing to judge', () => {
    const report = run({ Web: sg([tcp(443, '10.0.0.0/16')]) });
    expect(findingsOf(report, 'AdminVpnPresent')).toEqual([]);
    expect(control(report)).toMatchObject({ status: 'not-applicable', reason: expect.stringMatching(/^nothing to judge: no administrative access path/) });
  });

  test('a permission whose port is unknown could be one: unverifiable, saying which', () => {
    const report = run({ Ops: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: '10.0.0.0/16' }]) }, { parameters: ['Port'] });
    const [finding] = findingsOf(report, 'AdminVpnPresent');
    expect(finding.ruleId).toBe('DataProtection-AdminVpnPresent[Unverifiable]');
    expect(finding.detail).toMatch(/FromPort is parameter Port, which has no default/);
  });
});

describe('S3BucketPublicAccess (DP.NET.1; issue 16, item 5)', () => {
  const OPEN_PAB = { BlockPublicAcls: false, BlockPublicPolicy: false, IgnorePublicAcls: false, RestrictPublicBuckets: false };
  const bucketPolicy = (bucket: string, statement: object) => ({
    Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: bucket }, PolicyDocument: { Version: '2012-10-17', Statement: [statement] } },
  });
  const objects = (bucket: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] });
  test('a bucket the internet can read (publicReadAccess, a public ACL) breaks the perimeter; the default block keeps it closed', () => {
    const report = run({
      PublicRead: { Type: 'AWS::S3::Bucket', Properties: { PublicAccessBlockConfiguration: OPEN_PAB, WebsiteConfiguration: { IndexDocument: 'index.html' } } },
      PublicReadPolicy: bucketPolicy('PublicRead', { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: objects('PublicRead') }),
      PublicAcl: { Type: 'AWS::S3::Bucket', Properties: { AccessControl: 'PublicRead', PublicAccessBlockConfiguration: { BlockPublicPolicy: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } } },
      Private: { Type: 'AWS::S3::Bucket', Properties: {} },
      Blocked: { Type: 'AWS::S3::Bucket', Properties: { PublicAccessBlockConfiguration: { ...OPEN_PAB, RestrictPublicBuckets: true } } },
      BlockedPolicy: bucketPolicy('Blocked', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: objects('Blocked') }),
      CloudFrontOnly: { Type: 'AWS::S3::Bucket', Properties: { PublicAccessBlockConfiguration: OPEN_PAB } },
      CloudFrontOnlyPolicy: bucketPolicy('CloudFrontOnly', { Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject',
        Resource: objects('CloudFrontOnly'), Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111111111111:distribution/E1' } } }),
      ParamBlock: { Type: 'AWS::S3::Bucket', Properties: { PublicAccessBlockConfiguration: { ...OPEN_PAB, RestrictPublicBuckets: { Ref: 'Restrict' } } } },
      ParamBlockPolicy: bucketPolicy('ParamBlock', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: objects('ParamBlock') }),
    }, { parameters: ['Restrict'] });
    expect(statusesOf(report, 'S3BucketPublicAccess')).toEqual({
      PublicRead: 'non-compliant [PublicPolicy]', PublicAcl: 'non-compliant [PublicAcl]', Private: OK, Blocked: OK, CloudFrontOnly: OK, ParamBlock: UNVERIFIABLE,
    });
    expect(findingsOf(report, 'S3BucketPublicAccess').find((f) => f.logicalId === 'ParamBlock')?.detail).toMatch(/RestrictPublicBuckets is parameter Restrict/);
  });
});

describe('port 80 that only redirects to HTTPS is allowed on a load balancer (DP.NET.1 vs DP.ENC.1; issue 16, item 6)', () => {
  const lb = (group: string) => ({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'], SecurityGroups: [{ 'Fn::GetAtt': [group, 'GroupId'] }] } });
  const listener = (lbId: string, port: number, protocol: string, actions: object[]) => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { Ref: lbId }, Port: port, Protocol: protocol, DefaultActions: actions,
      ...(protocol === 'HTTPS' ? { Certificates: [{ CertificateArn: 'arn:c' }], SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' } : {}) },
  });
  const REDIRECT = [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }];
  const FORWARD = [{ Type: 'forward', TargetGroupArn: 'arn:tg' }];
  test('the standard redirect passes both controls; a port-80 listener or rule that forwards does not', () => {
    const report = run({
      RedirectGroup: sg([tcp(80, ANY), tcp(443, ANY)]), RedirectLb: lb('RedirectGroup'),
      Http: listener('RedirectLb', 80, 'HTTP', REDIRECT), Https: listener('RedirectLb', 443, 'HTTPS', FORWARD),
      ForwardGroup: sg([tcp(80, ANY)]), ForwardLb: lb('ForwardGroup'), Plain: listener('ForwardLb', 80, 'HTTP', FORWARD),
      RuleGroup: sg([tcp(80, ANY)]), RuleLb: lb('RuleGroup'), RuleHttp: listener('RuleLb', 80, 'HTTP', REDIRECT),
      Sneaky: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'RuleHttp' }, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/x'] }], Actions: FORWARD } },
      NothingListens: sg([tcp(80, ANY)]), IdleLb: lb('NothingListens'),
    });
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({
      RedirectGroup: OK, ForwardGroup: 'non-compliant [PublicPort]', RuleGroup: 'non-compliant [PublicPort]', NothingListens: 'non-compliant [PublicPort]',
    });
    expect(statusesOf(report, 'ELBListenerTLS')).toMatchObject({ Http: OK, Https: OK });
  });
});
