import { App, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, templateApp, verdictsOf } from '../../helpers';

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

function run(
  resources: Record<string, unknown>,
  opts: { parameters?: string[]; parameterDefaults?: Record<string, unknown>; policy?: DataProtectionPolicy } = {},
) {
  return evaluate(includeTemplate({ ...INTERNET_VPC, ...resources },
    { parameters: opts.parameters, parameterDefaults: opts.parameterDefaults }).app, opts.policy);
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
      TemplatePublic: NON, TemplatePrivate: UNVERIFIABLE, LaunchConfig: NON, InstanceEip: NON, NatEip: NA,
    });
  });

  test('where the launch settings leave the address unset, the subnet an instance or Auto Scaling group launches into decides', () => {
    const template = (data: object) => ({ Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1', ...data } } });
    const group = (props: object) => ({ Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '2', ...props } });
    const byTemplate = (id: string) => ({ LaunchTemplateId: { Ref: id }, Version: { 'Fn::GetAtt': [id, 'LatestVersionNumber'] } });
    const report = run({
      PublicSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true } },
      PrivateSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
      // A template that says nothing: judged on the groups that launch it.
      Unset: template({}),
      InPublicSubnets: group({ LaunchTemplate: byTemplate('Unset'), VPCZoneIdentifier: [{ Ref: 'PublicSubnet' }, { Ref: 'PrivateSubnet' }] }),
      InPrivateSubnets: group({ LaunchTemplate: byTemplate('Unset'), VPCZoneIdentifier: [{ Ref: 'PrivateSubnet' }] }),
      InDefaultVpc: group({ LaunchTemplate: byTemplate('Unset'), AvailabilityZones: ['eu-west-1a'] }),
      InImportedSubnets: group({ LaunchTemplate: byTemplate('Unset'), VPCZoneIdentifier: { 'Fn::Split': [',', { 'Fn::ImportValue': 'subnets' }] } }),
      Mixed: group({ MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: byTemplate('Unset') } }, VPCZoneIdentifier: [{ Ref: 'PublicSubnet' }] }),
      // A template that decides: the verdict is on it, not repeated on its group.
      SaysNo: template({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }] }),
      DecidedByTemplate: group({ LaunchTemplate: byTemplate('SaysNo'), VPCZoneIdentifier: [{ Ref: 'PublicSubnet' }] }),
      // An interface of a template that names its subnet is judged on that subnet.
      NamesSubnet: template({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: { Ref: 'PublicSubnet' } }] }),
      UnsetConfig: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-1', InstanceType: 't3.micro' } },
      ConfigGroup: group({ LaunchConfigurationName: { Ref: 'UnsetConfig' }, VPCZoneIdentifier: [{ Ref: 'PublicSubnet' }] }),
      ImportedTemplate: group({ LaunchTemplate: { LaunchTemplateId: 'lt-123', Version: '1' }, VPCZoneIdentifier: [{ Ref: 'PrivateSubnet' }] }),
      FromInstance: group({ InstanceId: 'i-123' }),
      // Instances: an interface without the flag takes its subnet's; an existing interface gets no public IP.
      InterfaceInPublic: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: { Ref: 'PublicSubnet' } }] } },
      ExistingInterface: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: 'eni-1' }] } },
      TemplateInstancePublic: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: byTemplate('Unset'), SubnetId: { Ref: 'PublicSubnet' } } },
      TemplateInstancePrivate: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: byTemplate('Unset'), SubnetId: { Ref: 'PrivateSubnet' } } },
      ImportedTemplateInstance: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateName: 'shared', Version: '1' }, SubnetId: { Ref: 'PrivateSubnet' } } },
      Association: { Type: 'AWS::EC2::EIPAssociation', Properties: { AllocationId: 'eipalloc-1', InstanceId: { Ref: 'ExistingInterface' } } },
      InterfaceAssociation: { Type: 'AWS::EC2::EIPAssociation', Properties: { AllocationId: 'eipalloc-1', NetworkInterfaceId: 'eni-1' } },
      EmptyAssociation: { Type: 'AWS::EC2::EIPAssociation', Properties: { AllocationId: 'eipalloc-1' } },
    });
    expect(statusesOf(report, 'InstancePublicIp')).toEqual({
      Unset: NA, InPublicSubnets: NON, InPrivateSubnets: OK, InDefaultVpc: NON, InImportedSubnets: UNVERIFIABLE, Mixed: NON,
      SaysNo: OK, DecidedByTemplate: NA, NamesSubnet: NON,
      UnsetConfig: NA, ConfigGroup: NON, ImportedTemplate: UNVERIFIABLE, FromInstance: UNVERIFIABLE,
      InterfaceInPublic: NON, ExistingInterface: OK, TemplateInstancePublic: NON, TemplateInstancePrivate: OK, ImportedTemplateInstance: UNVERIFIABLE,
      Association: NON, InterfaceAssociation: NON, EmptyAssociation: NA,
    });
    const details = Object.fromEntries(findingsOf(report, 'InstancePublicIp').map((f) => [f.logicalId, f.detail]));
    expect(details.InPublicSubnets).toBe('MapPublicIpOnLaunch of subnet PublicSubnet true');
    expect(details.InImportedSubnets).toMatch(/^VPCZoneIdentifier is the result of Fn::Split/);
    expect(details.ImportedTemplate).toMatch(/^the launch template "lt-123" is not one of this app's/);
    expect(details.ImportedTemplateInstance).toMatch(/^the launch template "shared" is not one of this app's/);
  });

  test('an EKS managed node group: its launch template where it sets the address, else its Subnets', () => {
    const nodes = (subnets: unknown, template?: object) => ({
      Type: 'AWS::EKS::Nodegroup',
      Properties: { ClusterName: 'c', NodeRole: 'arn:aws:iam::111111111111:role/nodes', Subnets: subnets, ...(template ? { LaunchTemplate: template } : {}) },
    });
    const report = run({
      PublicSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true } },
      PrivateSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
      NodeTemplate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { UserData: 'x' } } },
      PrivateTemplate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }] } } },
      PublicNodes: nodes([{ Ref: 'PublicSubnet' }]),
      PrivateNodes: nodes([{ Ref: 'PrivateSubnet' }], { Id: { Ref: 'NodeTemplate' }, Version: { 'Fn::GetAtt': ['NodeTemplate', 'LatestVersionNumber'] } }),
      DecidedNodes: nodes([{ Ref: 'PublicSubnet' }], { Name: { Ref: 'PrivateTemplate' } }),
      ImportedSubnets: nodes({ 'Fn::Split': [',', { 'Fn::ImportValue': 'subnets' }] }),
      ImportedTemplate: nodes([{ Ref: 'PrivateSubnet' }], { Id: 'lt-0abc', Version: '3' }),
    });
    expect(statusesOf(report, 'InstancePublicIp')).toEqual({
      NodeTemplate: NA, PrivateTemplate: OK, PublicNodes: NON, PrivateNodes: OK, DecidedNodes: NA,
      ImportedSubnets: UNVERIFIABLE, ImportedTemplate: UNVERIFIABLE,
    });
    const details = Object.fromEntries(findingsOf(report, 'InstancePublicIp').map((f) => [f.logicalId, f.detail]));
    expect(details.PublicNodes).toBe('MapPublicIpOnLaunch of subnet PublicSubnet true');
    expect(details.ImportedTemplate).toMatch(/^the launch template "lt-0abc" is not one of this app's/);
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

describe('app rules read the nested stacks a stack deploys (they are that stack\'s resources)', () => {
  const judge = (inner: (nested: NestedStack) => void) => {
    const app = new App();
    const parent = new Stack(app, 'Parent', { env: { account: '111111111111', region: 'eu-west-1' } });
    inner(new NestedStack(parent, 'Inner'));
    return evaluate(app);
  };
  const bastion = (scope: NestedStack) => new CfnResource(scope, 'Bastion', { type: 'AWS::EC2::SecurityGroup', properties: { GroupDescription: 'x', VpcId: 'vpc-1', SecurityGroupIngress: [tcp(22, '10.0.0.0/16')] } });

  test('AdminVpnPresent: an SSH bastion in a nested stack, with no VPN, violates the positive half; a VPN there keeps it', () => {
    const [finding, ...others] = findingsOf(judge(bastion), 'AdminVpnPresent');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ status: NON, constructPath: 'Parent', detail: expect.stringMatching(/^Bastion admit\(s\) SSH\/RDP/) });
    const withVpn = judge((inner) => {
      bastion(inner);
      new CfnResource(inner, 'Vpn', { type: 'AWS::EC2::ClientVpnEndpoint', properties: { ClientCidrBlock: '172.16.0.0/22', ServerCertificateArn: 'arn:cert', ConnectionLogOptions: { Enabled: false }, AuthenticationOptions: [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn:ca' } }] } });
    });
    expect(findingsOf(withVpn, 'AdminVpnPresent').map((f) => `${f.constructPath} ${f.status}`)).toEqual(['Parent/Inner/Vpn compliant']);
  });

  test('AuditTrailPresent: a multi-region trail in a nested stack is the app\'s trail', () => {
    const report = judge((inner) => new CfnResource(inner, 'Trail', { type: 'AWS::CloudTrail::Trail', properties: { IsLogging: true, S3BucketName: 'archive', IsMultiRegionTrail: true } }));
    expect(findingsOf(report, 'AuditTrailPresent').map((f) => `${f.constructPath} ${f.status}`)).toEqual(['Parent/Inner/Trail compliant']);
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

describe('SecurityGroupPublicIngress: each permission the rule judges, and what it says', () => {
  const lb = (group: string) => ({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'], SecurityGroups: [{ Ref: group }] } });
  const INSIDE = '10.0.0.0/16';
  test('ports outside the policy, ICMP, unknown ports and peers on a load balancer group', () => {
    const report = run({
      Wide: sg([tcp(443, ANY, 444)]), WideLb: lb('Wide'),
      Icmp: sg([{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIp: ANY }]), IcmpLb: lb('Icmp'),
      ParamPort: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: ANY }]), ParamPortLb: lb('ParamPort'),
      NoPorts: sg([{ IpProtocol: 'tcp', CidrIp: ANY }]), NoPortsLb: lb('NoPorts'),
      NoPeer: sg([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }]), NoPeerLb: lb('NoPeer'),
      GroupPeersOnly: sg([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: 'sg-1' }]),
      Empty: sg([]),
    }, { parameters: ['Port'] });
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({
      Wide: 'non-compliant [PublicPort]', Icmp: 'non-compliant [PublicPort]', ParamPort: UNVERIFIABLE, NoPorts: UNVERIFIABLE, NoPeer: UNVERIFIABLE,
      GroupPeersOnly: OK, Empty: OK,
    });
    const findings = findingsOf(report, 'SecurityGroupPublicIngress');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('Wide')).toBe('tcp 443-444 from 0.0.0.0/0; the policy allows the internet only on 443');
    expect(detail('Icmp')).toBe('icmp from 0.0.0.0/0; the policy allows the internet only on 443');
    expect(detail('ParamPort')).toMatch(/^FromPort is parameter Port, which has no default; the peer is 0\.0\.0\.0\/0$/);
    expect(detail('NoPorts')).toBe('the ports of a tcp entry are FromPort (not set), ToPort (not set), not a port range; the peer is 0.0.0.0/0');
    expect(detail('NoPeer')).toBe('the peer of an ingress entry is unknown');
    expect(detail('GroupPeersOnly')).toBeUndefined();
  });

  test('the evidence of a compliant group lists three permissions, then "..."', () => {
    const report = run({
      Three: sg([tcp(443, ANY), tcp(8080, INSIDE), tcp(9090, INSIDE)]), ThreeLb: lb('Three'),
      Four: sg([tcp(443, ANY), { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' }, tcp(8080, INSIDE), tcp(9090, INSIDE, 9091)]), FourLb: lb('Four'),
    });
    const findings = findingsOf(report, 'SecurityGroupPublicIngress');
    expect(findings.map((f) => [f.logicalId, f.status, f.detail])).toEqual([
      ['Three', OK, 'the internet reaches only load balancers on allowed ports: tcp 443 from 0.0.0.0/0 to a load balancer; tcp 8080 from 10.0.0.0/16; tcp 9090 from 10.0.0.0/16'],
      ['Four', OK, 'the internet reaches only load balancers on allowed ports: tcp 443 from 0.0.0.0/0 to a load balancer; tcp 443 from ::/0 to a load balancer; tcp 8080 from 10.0.0.0/16; ...'],
    ]);
  });

  test('a range is allowed only when every port in it is', () => {
    const report = run({
      Both: sg([tcp(443, ANY, 444)]), BothLb: lb('Both'),
      OneOutside: sg([tcp(442, ANY, 443)]), OneOutsideLb: lb('OneOutside'),
    }, { policy: new DataProtectionPolicy({ allowedPublicPorts: [443, 444] }) });
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({ Both: OK, OneOutside: 'non-compliant [PublicPort]' });
  });

  test('a group outside the app\'s VPCs, or in the default VPC, is reachable; a VPC with only a VPN gateway is not', () => {
    const report = run({
      ForeignVpc: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: 'vpc-0a1b2c3d', SecurityGroupIngress: [tcp(443, ANY)] } },
      DefaultVpc: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: [tcp(443, ANY)] } },
      VpnVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
      Vgw: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1' } },
      VgwAttachment: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'VpnVpc' }, VpnGatewayId: { Ref: 'Vgw' } } },
      InVpnVpc: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'VpnVpc' }, SecurityGroupIngress: [tcp(443, ANY)] } },
    });
    expect(statusesOf(report, 'SecurityGroupPublicIngress')).toEqual({
      ForeignVpc: 'non-compliant [NotLoadBalancer]', DefaultVpc: 'non-compliant [NotLoadBalancer]', InVpnVpc: OK,
    });
  });
});

describe('SecurityGroupAdminPorts: sources, ranges and groups the rule cannot place', () => {
  const fromSource = (from: number, to: number, source: object) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, ...source });
  test('prefix lists and named groups are internal; a rule for every port from a group is about something else', () => {
    const report = run({
      PrefixListSsh: sg([fromSource(22, 22, { SourcePrefixListId: 'pl-1' })]),
      NamedGroupRdp: sg([fromSource(3389, 3389, { SourceSecurityGroupName: 'ops' })]),
      EveryPortFromGroup: sg([fromSource(0, 65535, { SourceSecurityGroupId: 'sg-1' })]),
      AlmostEveryPortFromGroup: sg([fromSource(1, 65535, { SourceSecurityGroupId: 'sg-1' })]),
      BetweenAdminPorts: sg([tcp(23, ANY, 3388)]),
      EndsAtSsh: sg([tcp(20, ANY, 22)]),
      StartsAtRdp: sg([tcp(3389, ANY, 3390)]),
      NumericProtocolAllPorts: sg([{ IpProtocol: '6', FromPort: -1, ToPort: -1, CidrIp: ANY }]),
    });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({
      PrefixListSsh: OK, NamedGroupRdp: OK, EveryPortFromGroup: NA, AlmostEveryPortFromGroup: OK, BetweenAdminPorts: NA,
      EndsAtSsh: 'non-compliant [OutsideVpc]', StartsAtRdp: 'non-compliant [OutsideVpc]', NumericProtocolAllPorts: 'non-compliant [OutsideVpc]',
    });
    const findings = findingsOf(report, 'SecurityGroupAdminPorts');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('PrefixListSsh')).toBe('SSH/RDP admitted only from inside: tcp 22 from a security group or prefix list');
    expect(detail('AlmostEveryPortFromGroup')).toBe('SSH/RDP admitted only from inside: tcp 1-65535 from a security group or prefix list');
    expect(detail('NumericProtocolAllPorts')).toBe('all ports from 0.0.0.0/0: SSH/RDP from the internet');
  });

  test('a tcp entry without ports names the ports it lacks, in this rule and in AdminVpnPresent', () => {
    const report = run({
      Net: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Open: sg([{ IpProtocol: 'tcp', CidrIp: ANY }]),
      Outside: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Net' }, SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 21.5, ToPort: 22, CidrIp: '192.168.0.0/24' }] } },
    });
    expect(verdictsOf(report, 'SecurityGroupAdminPorts')).toEqual({
      Open: ['non-compliant[Unverifiable]: the ports of a tcp entry are FromPort (not set), ToPort (not set), not a port range; the peer is 0.0.0.0/0'],
      Outside: ['non-compliant[Unverifiable]: the ports of a tcp entry are FromPort 21.5, ToPort 22, not a port range; the peer 192.168.0.0/24 is outside the VPC (10.0.0.0/16)'],
    });
    expect(findingsOf(report, 'AdminVpnPresent').map((f) => f.detail)).toEqual([
      'the ports of a tcp entry are FromPort (not set), ToPort (not set), not a port range (Open): it could admit SSH/RDP, and the app has no Client VPN endpoint',
    ]);
  });

  test('a missing peer, a group outside the app and an IPv6 block are unverifiable, saying why', () => {
    const report = run({
      NoPeerSsh: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22 }]),
      NoPeerUnknownPort: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' } }]),
      OnImportedGroup: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-0a1b2c3d', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/24' } },
      Ipv6Ssh: sg([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv6: '2001:db8::/64' }]),
      NumberVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'Size' } } },
      InNumberVpc: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'NumberVpc' }, SecurityGroupIngress: [tcp(22, '10.0.0.0/24')] } },
    }, { parameters: ['Port'], parameterDefaults: { Size: { Type: 'Number', Default: 16 } } });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({
      NoPeerSsh: UNVERIFIABLE, NoPeerUnknownPort: UNVERIFIABLE, OnImportedGroup: UNVERIFIABLE, Ipv6Ssh: UNVERIFIABLE, InNumberVpc: UNVERIFIABLE,
    });
    const findings = findingsOf(report, 'SecurityGroupAdminPorts');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('NoPeerSsh')).toBe('the peer of an ingress entry is unknown');
    expect(detail('NoPeerUnknownPort')).toBe('the peer of an ingress entry is unknown');
    expect(detail('OnImportedGroup')).toBe('the group is not a security group of this app, so 10.0.0.0/24 cannot be placed');
    expect(detail('Ipv6Ssh')).toBe('2001:db8::/64 is not an IPv4 CIDR this rule can place');
    expect(detail('InNumberVpc')).toBe('the CIDR block of VPC NumberVpc is not text, so 10.0.0.0/24 cannot be placed');
  });
  test('protocols by name in any case, by number, and UDP are read as port protocols', () => {
    const rule = (protocol: string, port: number) => ({ IpProtocol: protocol, FromPort: port, ToPort: port, CidrIp: ANY });
    const report = run({
      UpperTcp: sg([rule('TCP', 22)]),
      Udp: sg([rule('udp', 3389)]),
      UdpByNumber: sg([rule('17', 3389)]),
      AllByName: sg([{ IpProtocol: 'all', CidrIp: ANY }]),
      Gre: sg([rule('47', 22)]),
    });
    expect(statusesOf(report, 'SecurityGroupAdminPorts')).toEqual({
      UpperTcp: 'non-compliant [OutsideVpc]', Udp: 'non-compliant [OutsideVpc]', UdpByNumber: 'non-compliant [OutsideVpc]',
      AllByName: 'non-compliant [OutsideVpc]', Gre: NA,
    });
  });
});

describe('AdminVpnPresent: which permissions are an administrative access path', () => {
  const ssh = (cidr = '10.0.0.0/16') => sg([tcp(22, cidr)]);
  const detailOf = (report: ReturnType<typeof run>) => {
    const findings = findingsOf(report, 'AdminVpnPresent');
    expect(findings).toHaveLength(1);
    return `${findings[0].ruleId.replace('DataProtection-AdminVpnPresent', '')} ${findings[0].detail}`;
  };
  test('three groups are named; a fourth is counted; a group with two SSH rules is named once', () => {
    expect(detailOf(run({ A: ssh(), B: ssh(), C: sg([tcp(22, '10.0.0.0/16'), tcp(3389, '10.0.0.0/16')]) })))
      .toBe(' A, B, C admit(s) SSH/RDP, and the app has no Client VPN endpoint for administrators');
    expect(detailOf(run({ A: ssh(), B: ssh(), C: ssh(), D: ssh() })))
      .toBe(' A, B, C and 1 more admit(s) SSH/RDP, and the app has no Client VPN endpoint for administrators');
  });

  test('a standalone ingress, a range short of every port, and an admitting group beside an unknown one', () => {
    const standalone = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Web' }, IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, CidrIp: '10.0.0.0/16' } };
    expect(detailOf(run({ Web: sg([]), Rdp: standalone }))).toMatch(/^ Rdp admit\(s\) SSH\/RDP/);
    expect(detailOf(run({ Almost: sg([tcp(1, '10.0.0.0/16', 65535)]) }))).toMatch(/^ Almost admit\(s\) SSH\/RDP/);
    const computed = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: { Ref: 'Rules' } } };
    expect(detailOf(run({ Computed: computed, Bastion: ssh() }, { parameters: ['Rules'] }))).toMatch(/^ Bastion admit\(s\) SSH\/RDP/);
  });

  test('every port, ICMP and ports beside SSH admit no administrator; a computed ingress could', () => {
    expect(findingsOf(run({
      EveryPort: sg([tcp(0, '10.0.0.0/16', 65535)]), Icmp: sg([{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIp: '10.0.0.0/16' }]),
      Around: sg([tcp(23, '10.0.0.0/16', 3388), tcp(3390, '10.0.0.0/16', 8080)]),
    }), 'AdminVpnPresent')).toEqual([]);
    const computed = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: { Ref: 'Rules' } } };
    expect(detailOf(run({ Computed: computed }, { parameters: ['Rules'] })))
      .toBe('[Unverifiable] an ingress entry of Computed is an expression: it could admit SSH/RDP, and the app has no Client VPN endpoint');
  });
});

describe('AcceleratorCoverage and ShieldProtection: what the rules cannot know', () => {
  const ALB = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } };
  const ACCEL = { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'a' } };
  const LISTENER = { Type: 'AWS::GlobalAccelerator::Listener', Properties: { AcceleratorArn: { Ref: 'Accel' }, Protocol: 'TCP', PortRanges: [{ FromPort: 443, ToPort: 443 }] } };
  const group = (region: unknown, endpoint: unknown) => ({
    Type: 'AWS::GlobalAccelerator::EndpointGroup',
    Properties: { ListenerArn: { Ref: 'Listener' }, EndpointGroupRegion: region, EndpointConfigurations: [{ EndpointId: endpoint }] },
  });
  const WEB_ARN = { Ref: 'Web' };
  test('AcceleratorCoverage: an unknown group region beside a missing region, and a workload stack without a region', () => {
    const unknownRegion = templateApp();
    includeTemplate({ Web: ALB, Accel: ACCEL, Listener: LISTENER, Known: group('us-east-1', WEB_ARN), Imported: group({ 'Fn::ImportValue': 'region' }, WEB_ARN) },
      { app: unknownRegion, stackId: 'Only' });
    const [unknown] = findingsOf(evaluate(unknownRegion), 'AcceleratorCoverage');
    expect(unknown).toMatchObject({ logicalId: 'Accel', ruleId: 'DataProtection-AcceleratorCoverage[Unverifiable]' });
    expect(unknown.detail).toMatch(/^EndpointGroupRegion of Imported is an import of region, which no stack of this app exports; no other endpoint group covers eu-west-1$/);

    const unplaced = templateApp();
    includeTemplate({ Web: ALB, Accel: ACCEL, Listener: LISTENER, Group: group('eu-west-1', WEB_ARN) }, { app: unplaced, stackId: 'Agnostic', region: null });
    const [agnostic] = findingsOf(evaluate(unplaced), 'AcceleratorCoverage');
    expect(agnostic).toMatchObject({ logicalId: 'Accel', ruleId: 'DataProtection-AcceleratorCoverage[Unverifiable]' });
    expect(agnostic.detail).toMatch(/^1 workload stack\(s\) without an explicit region \(Agnostic\): whether an endpoint group covers their region is known only at deployment$/);

    const numbered = templateApp();
    includeTemplate({ Web: ALB, Accel: ACCEL, Listener: LISTENER, Group: group({ Ref: 'Region' }, WEB_ARN) },
      { app: numbered, stackId: 'Only', parameterDefaults: { Region: { Type: 'Number', Default: 1 } } });
    expect(findingsOf(evaluate(numbered), 'AcceleratorCoverage').map((f) => f.detail))
      .toEqual(['EndpointGroupRegion of Group is not a region name; no other endpoint group covers eu-west-1']);
  });

  test('ShieldProtection: an unknown scheme, endpoint or protected resource', () => {
    const report = evaluate(includeTemplate({
      ParamScheme: { ...ALB, Properties: { ...ALB.Properties, Scheme: { Ref: 'Scheme' } } },
      Web: ALB,
      Accel: ACCEL, Listener: LISTENER, Group: group('eu-west-1', { Ref: 'Endpoint' }),
    }, { parameters: ['Scheme', 'Endpoint'] }).app);
    expect(statusesOf(report, 'ShieldProtection')).toEqual({ ParamScheme: UNVERIFIABLE, Web: UNVERIFIABLE, Accel: NON });
    const shielded = evaluate(includeTemplate({
      Web: ALB, Accel: ACCEL,
      Shield: { Type: 'AWS::Shield::Protection', Properties: { Name: 'p', ResourceArn: { Ref: 'Target' } } },
    }, { parameters: ['Target'] }).app);
    expect(statusesOf(shielded, 'ShieldProtection')).toEqual({ Web: UNVERIFIABLE, Accel: UNVERIFIABLE });
  });

  test('ShieldProtection: endpoint configurations chosen by a condition front the load balancer only when the app decides it', () => {
    const chosen = (condition: string) => ({
      Type: 'AWS::GlobalAccelerator::EndpointGroup',
      Properties: { ListenerArn: { Ref: 'Listener' }, EndpointGroupRegion: 'eu-west-1', EndpointConfigurations: { 'Fn::If': [condition, [{ EndpointId: WEB_ARN }], { Ref: 'AWS::NoValue' }] } },
    });
    const resources = (condition: string) => ({ Web: ALB, Accel: ACCEL, Listener: LISTENER, Group: chosen(condition) });
    const judge = (condition: string) => verdictsOf(evaluate(includeTemplate(resources(condition), {
      parameters: ['Env'], parameterDefaults: { Mode: 'prod' },
      conditions: { Undecided: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, Decided: { 'Fn::Equals': [{ Ref: 'Mode' }, 'prod'] }, DecidedOff: { 'Fn::Equals': [{ Ref: 'Mode' }, 'dev'] } },
    }).app), 'ShieldProtection').Web;
    expect(judge('Undecided')).toEqual([
      'non-compliant[Unverifiable]: EndpointConfigurations of Group is a Fn::If on condition Undecided, which depends on parameter Env, which has no default: it may be this load balancer',
    ]);
    expect(judge('Decided')).toEqual(['not-applicable']);
    expect(judge('DecidedOff')).toEqual(expect.arrayContaining([expect.stringMatching(/^non-compliant/)]));
  });
});

describe('AmazonMQBrokerPrivate, ClientVpnEndpointAuth and InstancePublicIp: values that are not plain', () => {
  test('AmazonMQBrokerPrivate: a parameter default is the app\'s value; a value that is not a boolean is unknown', () => {
    const broker = (pub: unknown) => ({
      Type: 'AWS::AmazonMQ::Broker',
      Properties: { BrokerName: 'b', EngineType: 'RABBITMQ', HostInstanceType: 'mq.m5.large', DeploymentMode: 'CLUSTER_MULTI_AZ', Users: [{ Username: 'u', Password: 'p' }], PubliclyAccessible: pub },
    });
    const { app } = includeTemplate({ TextTrue: broker({ Ref: 'Yes' }), Odd: broker({ Ref: 'Maybe' }) }, { parameterDefaults: { Yes: 'true', Maybe: 'maybe' } });
    const report = evaluate(app);
    expect(statusesOf(report, 'AmazonMQBrokerPrivate')).toEqual({ TextTrue: 'non-compliant [Public]', Odd: UNVERIFIABLE });
    expect(findingsOf(report, 'AmazonMQBrokerPrivate').find((f) => f.logicalId === 'Odd')?.detail).toBe('PubliclyAccessible is "maybe", not true or false');
  });

  test('ClientVpnEndpointAuth: computed authentication options and a logging flag from a parameter', () => {
    const endpoint = (auth: unknown, enabled: unknown) => ({
      Type: 'AWS::EC2::ClientVpnEndpoint',
      Properties: { ClientCidrBlock: '172.16.0.0/22', ServerCertificateArn: 'arn:cert', AuthenticationOptions: auth, ConnectionLogOptions: { Enabled: enabled } },
    });
    const MUTUAL = { Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn:ca' } };
    const report = run({
      ImportedOption: endpoint([MUTUAL, { 'Fn::ImportValue': 'auth' }], true),
      ParamLogging: endpoint([MUTUAL], { Ref: 'Logging' }),
    }, { parameters: ['Logging'] });
    expect(statusesOf(report, 'ClientVpnEndpointAuth')).toEqual({ ImportedOption: UNVERIFIABLE, ParamLogging: UNVERIFIABLE });
    const findings = findingsOf(report, 'ClientVpnEndpointAuth');
    expect(findings.find((f) => f.logicalId === 'ImportedOption')?.detail).toMatch(/^AuthenticationOptions is an import of auth/);
    expect(findings.find((f) => f.logicalId === 'ParamLogging')?.detail).toMatch(/^ConnectionLogOptions\.Enabled is parameter Logging, which has no default/);
  });

  test('InstancePublicIp: computed network interfaces are unknown; one public interface among private ones is enough', () => {
    const report = run({
      PrivateSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
      ComputedInterfaces: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: { Ref: 'Interfaces' } } },
      SecondPublic: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [
        { DeviceIndex: '0', AssociatePublicIpAddress: false, SubnetId: { Ref: 'PrivateSubnet' } },
        { DeviceIndex: '1', AssociatePublicIpAddress: true, SubnetId: { Ref: 'PrivateSubnet' } },
      ] } },
      TemplateComputed: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: { Ref: 'Interfaces' } } } },
    }, { parameters: ['Interfaces'] });
    expect(statusesOf(report, 'InstancePublicIp')).toEqual({ ComputedInterfaces: UNVERIFIABLE, SecondPublic: NON, TemplateComputed: UNVERIFIABLE });
  });

  test('InstancePublicIp: an imported or conditional network interface, or a public-IP flag without default, is unverifiable; defaults are read', () => {
    const instance = (interfaces: unknown) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: interfaces } });
    const template = (interfaces: unknown) => ({ Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: interfaces } } });
    const conditional = (condition: string) => ({ 'Fn::If': [condition, { AssociatePublicIpAddress: true, DeviceIndex: '0' }, { AssociatePublicIpAddress: false, DeviceIndex: '0' }] });
    const { app } = includeTemplate({
      ImportedInterface: instance([{ 'Fn::ImportValue': 'ni' }]),
      ConditionalInterface: template([conditional('Pub')]),
      ParamFlag: instance([{ DeviceIndex: '0', AssociatePublicIpAddress: { Ref: 'P' } }]),
      DefaultFlagTrue: template([{ DeviceIndex: '0', AssociatePublicIpAddress: { Ref: 'Yes' } }]),
      DefaultFlagFalse: instance([{ DeviceIndex: '0', AssociatePublicIpAddress: { Ref: 'No' } }]),
      DecidedPublic: template([conditional('PubByDefault')]),
      DecidedPrivate: instance([conditional('PrivByDefault')]),
      ImportedTemplateData: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { 'Fn::ImportValue': 'data' } } },
    }, {
      parameters: ['Env', 'P'],
      parameterDefaults: { Yes: 'true', No: 'false', Mode: 'public' },
      conditions: {
        Pub: { 'Fn::Equals': [{ Ref: 'Env' }, 'public'] },
        PubByDefault: { 'Fn::Equals': [{ Ref: 'Mode' }, 'public'] },
        PrivByDefault: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Mode' }, 'public'] }] },
      },
    });
    const report = evaluate(app);
    expect(statusesOf(report, 'InstancePublicIp')).toEqual({
      ImportedInterface: UNVERIFIABLE, ConditionalInterface: UNVERIFIABLE, ParamFlag: UNVERIFIABLE, DefaultFlagTrue: NON, DefaultFlagFalse: OK,
      DecidedPublic: NON, DecidedPrivate: OK, ImportedTemplateData: UNVERIFIABLE,
    });
    const findings = findingsOf(report, 'InstancePublicIp');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('ImportedInterface')).toMatch(/^a network interface is an import of ni/);
    expect(detail('ConditionalInterface')).toMatch(/^a network interface is a Fn::If on condition Pub, which depends on parameter Env, which has no default/);
    expect(detail('ParamFlag')).toMatch(/^AssociatePublicIpAddress is parameter P, which has no default/);
    expect(detail('ImportedTemplateData')).toMatch(/^LaunchTemplateData is an import of data/);
  });
});

describe('S3BucketPublicAccess: conditions, principals, blocks and ACLs', () => {
  const OPEN_PAB = { BlockPublicAcls: false, BlockPublicPolicy: false, IgnorePublicAcls: false, RestrictPublicBuckets: false };
  const bucket = (props: object = {}) => ({ Type: 'AWS::S3::Bucket', Properties: props });
  const policyOf = (bucketRef: unknown, document: unknown) => ({ Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: bucketRef, PolicyDocument: document } });
  const grant = (principal: unknown, extra: object = {}) => ({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...extra });
  const document = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });
  test('only a restricting condition key pins the callers; any principal list with * is everyone', () => {
    const report = run({
      Vpce: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      VpcePolicy: policyOf({ Ref: 'Vpce' }, document(grant('*', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }))),
      SecureOnly: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      SecureOnlyPolicy: policyOf({ Ref: 'SecureOnly' }, document(grant('*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))),
      ListPrincipal: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      ListPrincipalPolicy: policyOf({ Ref: 'ListPrincipal' }, document(grant({ AWS: ['arn:aws:iam::111111111111:root', '*'] }))),
      Account: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      AccountPolicy: policyOf({ Ref: 'Account' }, document(grant({ AWS: 'arn:aws:iam::111111111111:root' }))),
      DenyEveryone: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      DenyEveryonePolicy: policyOf({ Ref: 'DenyEveryone' }, document({ ...grant('*'), Effect: 'Deny' })),
      ByName: bucket({ BucketName: 'site-bucket', PublicAccessBlockConfiguration: OPEN_PAB }),
      ByNamePolicy: policyOf('site-bucket', document(grant('*'))),
    });
    expect(statusesOf(report, 'S3BucketPublicAccess')).toEqual({
      Vpce: OK, SecureOnly: 'non-compliant [PublicPolicy]', ListPrincipal: 'non-compliant [PublicPolicy]', Account: OK, DenyEveryone: OK,
      ByName: 'non-compliant [PublicPolicy]',
    });
  });

  test('either policy block neutralises a public grant; S3\'s default blocks it; an unknown block is named', () => {
    const report = run({
      BlockPolicyOnly: bucket({ PublicAccessBlockConfiguration: { ...OPEN_PAB, BlockPublicPolicy: true } }),
      BlockPolicyOnlyPolicy: policyOf({ Ref: 'BlockPolicyOnly' }, document(grant('*'))),
      DefaultBlock: bucket(),
      DefaultBlockPolicy: policyOf({ Ref: 'DefaultBlock' }, document(grant('*'))),
      ParamBlockPolicy: bucket({ PublicAccessBlockConfiguration: { ...OPEN_PAB, BlockPublicPolicy: { Ref: 'Block' } } }),
      ParamBlockPolicyPolicy: policyOf({ Ref: 'ParamBlockPolicy' }, document(grant('*'))),
    }, { parameters: ['Block'] });
    expect(statusesOf(report, 'S3BucketPublicAccess')).toEqual({ BlockPolicyOnly: OK, DefaultBlock: OK, ParamBlockPolicy: UNVERIFIABLE });
    const findings = findingsOf(report, 'S3BucketPublicAccess');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('BlockPolicyOnly')).toBe('no public grant takes effect');
    expect(detail('DefaultBlock')).toBe('S3 blocks public access by default and the template does not turn it off');
    expect(detail('ParamBlockPolicy')).toMatch(/^PublicAccessBlockConfiguration\.BlockPublicPolicy is parameter Block, which has no default/);
  });

  test('bucket policy documents given as text, by a parameter without a default, or not a document at all', () => {
    const publicText = JSON.stringify({ Version: '2012-10-17', Statement: grant('*') });
    const { app } = includeTemplate({
      Text: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      TextPolicy: policyOf({ Ref: 'Text' }, { Ref: 'PublicText' }),
      Garbled: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      GarbledPolicy: policyOf({ Ref: 'Garbled' }, { Ref: 'NotJson' }),
      Unknown: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      UnknownPolicy: policyOf({ Ref: 'Unknown' }, { Ref: 'Doc' }),
      UnknownBlocked: bucket(),
      UnknownBlockedPolicy: policyOf({ Ref: 'UnknownBlocked' }, { Ref: 'Doc' }),
      OddStatements: bucket({ PublicAccessBlockConfiguration: OPEN_PAB }),
      OddStatementsPolicy: policyOf({ Ref: 'OddStatements' }, document('not a statement', grant({ AWS: 'arn:aws:iam::111111111111:root' }))),
    }, { parameters: ['Doc'], parameterDefaults: { PublicText: publicText, NotJson: 'not json' } });
    const report = evaluate(app);
    expect(statusesOf(report, 'S3BucketPublicAccess')).toEqual({
      Text: 'non-compliant [PublicPolicy]', Garbled: UNVERIFIABLE, Unknown: UNVERIFIABLE, UnknownBlocked: OK, OddStatements: OK,
    });
    const findings = findingsOf(report, 'S3BucketPublicAccess');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('Garbled')).toBe('the PolicyDocument of GarbledPolicy is not a policy document');
    expect(detail('Unknown')).toBe('the PolicyDocument of UnknownPolicy is parameter Doc, which has no default');
  });

  test('a public ACL takes effect only with ACLs enabled and both ACL blocks off', () => {
    const acl = (accessControl: unknown, ownership: string | undefined, pab: object) => bucket({
      AccessControl: accessControl, PublicAccessBlockConfiguration: pab,
      ...(ownership ? { OwnershipControls: { Rules: [{ ObjectOwnership: ownership }] } } : {}),
    });
    const report = run({
      AuthenticatedRead: acl('AuthenticatedRead', 'ObjectWriter', OPEN_PAB),
      ReadWritePreferred: acl('PublicReadWrite', 'BucketOwnerPreferred', OPEN_PAB),
      OwnerEnforced: acl('PublicRead', undefined, OPEN_PAB),
      BlockAclsOnly: acl('PublicRead', 'ObjectWriter', { ...OPEN_PAB, BlockPublicAcls: true }),
      IgnoreAclsOnly: acl('PublicRead', 'ObjectWriter', { ...OPEN_PAB, IgnorePublicAcls: true }),
      ParamIgnore: acl('PublicRead', 'ObjectWriter', { ...OPEN_PAB, IgnorePublicAcls: { Ref: 'Ignore' } }),
      ParamAcl: acl({ Ref: 'Acl' }, 'ObjectWriter', OPEN_PAB),
      PrivateAcl: acl('Private', 'ObjectWriter', OPEN_PAB),
    }, { parameters: ['Ignore', 'Acl'] });
    expect(statusesOf(report, 'S3BucketPublicAccess')).toEqual({
      AuthenticatedRead: 'non-compliant [PublicAcl]', ReadWritePreferred: 'non-compliant [PublicAcl]', OwnerEnforced: OK, BlockAclsOnly: OK,
      IgnoreAclsOnly: OK, ParamIgnore: UNVERIFIABLE, ParamAcl: UNVERIFIABLE, PrivateAcl: OK,
    });
    const findings = findingsOf(report, 'S3BucketPublicAccess');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('AuthenticatedRead')).toBe('AccessControl AuthenticatedRead with ACLs enabled and Block Public Access off');
    expect(detail('ParamIgnore')).toMatch(/^PublicAccessBlockConfiguration\.IgnorePublicAcls is parameter Ignore, which has no default/);
    expect(detail('ParamAcl')).toMatch(/^AccessControl is parameter Acl, which has no default/);
  });

  test('S3BucketTLSOnly reads the shape of each Resource ARN: a literal, a Fn::Sub string or list', () => {
    const deny = (...resources: unknown[]) => document({
      Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: resources, Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    const report = run({
      Literal: bucket({ BucketName: 'literal-bucket' }),
      LiteralPolicy: policyOf({ Ref: 'Literal' }, deny('arn:aws:s3:::literal-bucket', 'arn:aws:s3:::literal-bucket/*')),
      LiteralBucketOnly: bucket({ BucketName: 'only-bucket' }),
      LiteralBucketOnlyPolicy: policyOf({ Ref: 'LiteralBucketOnly' }, deny('arn:aws:s3:::only-bucket')),
      Sub: bucket(),
      SubPolicy: policyOf({ Ref: 'Sub' }, deny({ 'Fn::Sub': '${Sub.Arn}/*' })),
      SubList: bucket(),
      SubListPolicy: policyOf({ Ref: 'SubList' }, deny({ 'Fn::Sub': ['${Arn}/*', { Arn: { 'Fn::GetAtt': ['SubList', 'Arn'] } }] })),
      Opaque: bucket({ BucketName: 'opaque-bucket' }),
      OpaquePolicy: policyOf({ Ref: 'Opaque' }, deny({ Ref: 'Extra' }, 'arn:aws:s3:::opaque-bucket/*')),
    }, { parameters: ['Extra'] });
    expect(statusesOf(report, 'S3BucketTLSOnly')).toEqual({ Literal: OK, LiteralBucketOnly: 'non-compliant [SecureTransport]', Sub: OK, SubList: OK, Opaque: OK });
  });
});

describe('PeeringTrafficAmqps and SecurityGroupPlaintextAmqp: every kind of permission toward a broker', () => {
  const PEER = '10.56.0.0/24';
  const PEERING = {
    Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'Vpc' }, PeerVpcId: 'vpc-0a1b2c3d4e5f67890', PeerOwnerId: '222222222222', PeerRegion: 'eu-central-1' } },
    PrivateTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    PeerRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PrivateTable' }, DestinationCidrBlock: PEER, VpcPeeringConnectionId: { Ref: 'Peering' } } },
  };
  const out = (egress: unknown) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupEgress: egress } });
  test('PeeringTrafficAmqps: unknown rules and peers, other destinations, and every port that is not AMQPS', () => {
    const report = run({
      ...PEERING,
      Computed: out({ Ref: 'Rules' }),
      ImportedEntry: out([{ 'Fn::ImportValue': 'entry' }]),
      UnknownPeer: out([{ IpProtocol: 'tcp', FromPort: 5671, ToPort: 5671, CidrIp: { Ref: 'Peer' } }]),
      ToGroup: out([{ IpProtocol: 'tcp', FromPort: 5672, ToPort: 5672, DestinationSecurityGroupId: 'sg-1' }]),
      Anywhere: out([tcp(5672, ANY)]),
      Elsewhere: out([tcp(5672, '10.57.0.0/24')]),
      Icmp: out([{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIp: PEER }]),
      AmqpPair: out([tcp(5671, PEER, 5672)]),
      HttpsToPart: out([tcp(443, '10.56.0.0/28')]),
      AmqpsIn: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['Anywhere', 'GroupId'] }, IpProtocol: 'tcp', FromPort: 5671, ToPort: 5671, CidrIp: PEER } },
    }, { parameters: ['Rules', 'Peer'] });
    expect(statusesOf(report, 'PeeringTrafficAmqps')).toEqual({
      Computed: UNVERIFIABLE, ImportedEntry: UNVERIFIABLE, UnknownPeer: UNVERIFIABLE, ToGroup: NA, Anywhere: NA, Elsewhere: NA,
      Icmp: 'non-compliant [OtherPort]', AmqpPair: 'non-compliant [OtherPort]', HttpsToPart: 'non-compliant [ManagementApi]', AmqpsIn: OK,
    });
    const findings = findingsOf(report, 'PeeringTrafficAmqps');
    const detail = (id: string) => findings.find((f) => f.logicalId === id)?.detail;
    expect(detail('Computed')).toBe('a security group rule is an expression the template computes at deployment');
    expect(detail('UnknownPeer')).toBe('CidrIp is parameter Peer, which has no default: it may be the peered network');
    expect(detail('Icmp')).toBe('icmp from 10.56.0.0/24 toward the peered network');
    expect(detail('AmqpsIn')).toBe('AMQPS only toward the peered network: tcp 5671 from 10.56.0.0/24');
  });

  test('SecurityGroupPlaintextAmqp without a broker judges only permissions of exactly the AMQP ports', () => {
    const report = run({
      ExactAmqps: sg([tcp(5671, '10.0.0.0/16')]),
      AmqpPair: sg([tcp(5671, '10.0.0.0/16', 5672)]),
      FromBelow: sg([tcp(5670, '10.0.0.0/16', 5672)]),
      ToAbove: sg([tcp(5672, '10.0.0.0/16', 5673)]),
      Computed: out({ Ref: 'Rules' }),
    }, { parameters: ['Rules'] });
    expect(statusesOf(report, 'SecurityGroupPlaintextAmqp')).toEqual({
      ExactAmqps: OK, AmqpPair: 'non-compliant [PlaintextAmqp]', FromBelow: NA, ToAbove: NA, Computed: NA,
    });
  });

  test('SecurityGroupPlaintextAmqp with a broker judges every range that covers 5672, except every port', () => {
    const report = run({
      ...PEERING,
      FromBelow: sg([tcp(5670, '10.0.0.0/16', 5672)]),
      AlmostAll: sg([tcp(1, '10.0.0.0/16', 65535)]),
      All: sg([tcp(0, '10.0.0.0/16', 65535)]),
      Https: sg([tcp(443, '10.0.0.0/16')]),
      UpToAmqps: sg([tcp(5600, '10.0.0.0/16', 5671)]),
      Computed: out({ Ref: 'Rules' }),
      ToGroup: out([{ IpProtocol: 'tcp', FromPort: 5672, ToPort: 5672, DestinationSecurityGroupId: 'sg-1' }]),
    }, { parameters: ['Rules'] });
    expect(statusesOf(report, 'SecurityGroupPlaintextAmqp')).toEqual({
      FromBelow: 'non-compliant [PlaintextAmqp]', AlmostAll: 'non-compliant [PlaintextAmqp]', All: NA, Https: NA, UpToAmqps: OK, Computed: UNVERIFIABLE,
      ToGroup: 'non-compliant [PlaintextAmqp]',
    });
    const findings = findingsOf(report, 'SecurityGroupPlaintextAmqp');
    expect(findings.find((f) => f.logicalId === 'ToGroup')?.detail).toBe('tcp 5672 from a security group or prefix list opens plaintext AMQP (5672)');
  });
});

describe('permissions and interfaces the rules read in every form (ingress, InstancePublicIp, AdminVpnPresent)', () => {
  const detailsOf = (report: ReturnType<typeof run>, rule: string) => Object.fromEntries(findingsOf(report, rule)
    .map((f) => [f.logicalId, `${f.ruleId.replace(`DataProtection-${rule}`, '')} ${f.detail ?? ''}`]));

  test('SecurityGroupPublicIngress: a protocol only deployment knows, and no protocol at all, are named "?"', () => {
    const report = run({
      ProtocolParameter: sg([{ IpProtocol: { Ref: 'Proto' }, FromPort: 443, ToPort: 443, CidrIp: ANY }]),
      NoProtocol: sg([{ IpProtocol: { Ref: 'AWS::NoValue' }, FromPort: 443, ToPort: 443, CidrIp: ANY }]),
    }, { parameters: ['Proto'] });
    const findings = findingsOf(report, 'SecurityGroupPublicIngress');
    const details = (id: string) => findings.filter((f) => f.logicalId === id).map((f) => f.detail).sort();
    expect(details('ProtocolParameter')).toEqual([
      '? (ports unknown) from 0.0.0.0/0 on a security group no load balancer uses',
      'IpProtocol is parameter Proto, which has no default; the peer is 0.0.0.0/0',
    ]);
    expect(details('NoProtocol')).toEqual([
      '? from 0.0.0.0/0 on a security group no load balancer uses',
      '? from 0.0.0.0/0; the policy allows the internet only on 443',
    ]);
  });

  test('PeeringTrafficAmqps: a standalone egress is judged by its destination CIDR or group', () => {
    const PEER = '10.56.0.0/24';
    const egress = (props: object) => ({ Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: { 'Fn::GetAtt': ['Base', 'GroupId'] }, IpProtocol: 'tcp', ...props } });
    const report = run({
      Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'Vpc' }, PeerVpcId: 'vpc-0a1b2c3d4e5f67890', PeerOwnerId: '222222222222', PeerRegion: 'eu-central-1' } },
      PrivateTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
      PeerRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PrivateTable' }, DestinationCidrBlock: PEER, VpcPeeringConnectionId: { Ref: 'Peering' } } },
      Base: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' } } },
      EgressAmqp: egress({ FromPort: 5672, ToPort: 5672, DestinationCidrIp: PEER }),
      EgressAmqps: egress({ FromPort: 5671, ToPort: 5671, DestinationCidrIp: PEER }),
      EgressToGroup: egress({ FromPort: 5672, ToPort: 5672, DestinationSecurityGroupId: 'sg-1' }),
    });
    expect(statusesOf(report, 'PeeringTrafficAmqps')).toEqual({
      Base: NA, EgressAmqp: 'non-compliant [OtherPort]', EgressAmqps: OK, EgressToGroup: NA,
    });
    expect(findingsOf(report, 'PeeringTrafficAmqps').find((f) => f.logicalId === 'EgressAmqp')?.detail).toBe('tcp 5672 from 10.56.0.0/24 toward the peered network');
  });

  test('InstancePublicIp: interfaces a condition the app decides chooses are read; a choice that is no list needs review', () => {
    const nic = (pub: boolean) => ({ DeviceIndex: '0', SubnetId: 'subnet-1', AssociatePublicIpAddress: pub });
    const instance = (interfaces: unknown) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: interfaces } });
    const report = evaluate(includeTemplate({
      ChosenPublic: instance({ 'Fn::If': ['IsPublic', [nic(true)], [nic(false)]] }),
      ChosenPrivate: instance({ 'Fn::If': ['IsInternal', [nic(true)], [nic(false)]] }),
      ChosenNotAList: instance({ 'Fn::If': ['IsPublic', 'eni-1', [nic(false)]] }),
    }, {
      parameterDefaults: { Exposure: 'public' },
      conditions: { IsPublic: { 'Fn::Equals': [{ Ref: 'Exposure' }, 'public'] }, IsInternal: { 'Fn::Equals': [{ Ref: 'Exposure' }, 'internal'] } },
    }).app);
    expect(statusesOf(report, 'InstancePublicIp')).toEqual({ ChosenPublic: NON, ChosenPrivate: OK, ChosenNotAList: UNVERIFIABLE });
    expect(detailsOf(report, 'InstancePublicIp').ChosenNotAList).toMatch(/^\[Unverifiable\] NetworkInterfaces is /);
  });

  test('AdminVpnPresent: an app without stacks has nothing to judge', () => {
    expect(findingsOf(evaluate(templateApp()), 'AdminVpnPresent')).toEqual([]);
  });
});
