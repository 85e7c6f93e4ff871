// Network rules (DP.NET.1, 2, 4, 5) on Terraform JSON in the shapes HCL converters and modules
// write: blocks as one-element lists, separate rule resources joined by name, dynamic blocks over
// variable defaults, count toggles, references between resources.
import { azurerm, COMPLIANT, declared, findingsIn, NON_COMPLIANT, Resources, said, UNVERIFIABLE, verdicts, verdictsIn, wafGateway } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const NSG = 'azurerm_network_security_group.web';
const rule = (name: string, o: object) => ({
  name, priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_port_range: '*', destination_address_prefix: '*', ...o,
});
const nsg = (...rules: object[]): Resources => ({
  azurerm_network_security_group: { web: [{ name: 'nsg-web', resource_group_name: 'rg', location: 'westeurope', security_rule: rules }] },
});

describe('AzureNsgPublicIngress', () => {
  test('ranges and lists open to 0.0.0.0/0 beyond the allowed ports are non-compliant', () => {
    const found = verdicts('AzureNsgPublicIngress', nsg(
      rule('https', { destination_port_range: '443', source_address_prefix: 'Internet' }),
      rule('ops', { protocol: '*', destination_port_ranges: ['20-25', '8443'], source_address_prefixes: ['0.0.0.0/0'] }),
    ), NSG);
    expect(found).toEqual(NON_COMPLIANT);
  });
  test('only the allowed port from the internet, anything from the virtual network, and ICMP are compliant', () => {
    expect(verdicts('AzureNsgPublicIngress', nsg(
      rule('https', { destination_port_range: '443', source_address_prefix: 'Internet' }),
      rule('ssh-internal', { destination_port_range: '22', source_address_prefix: 'VirtualNetwork' }),
      rule('ping', { protocol: 'Icmp', destination_port_range: '*', source_address_prefix: '*' }),
      rule('deny-all', { access: 'Deny', priority: 4096, destination_port_range: '*', source_address_prefix: '*' }),
    ), NSG)).toEqual(COMPLIANT);
  });
  test('the allowed ports come from the policy', () => {
    const open8443 = nsg(rule('alt', { destination_port_range: '8443', source_address_prefix: '*' }));
    expect(verdicts('AzureNsgPublicIngress', open8443, NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureNsgPublicIngress', open8443, NSG, new DataProtectionPolicy({ allowedPublicPorts: [443, 8443] }))).toEqual(COMPLIANT);
  });
  test('a separate rule joined by a name reference counts against its NSG; the rule itself is judged with it', () => {
    const resources = {
      ...nsg(),
      azurerm_network_security_rule: {
        alt: [rule('alt', {
          destination_port_range: '8080', source_address_prefix: 'Internet', resource_group_name: 'rg',
          network_security_group_name: '${azurerm_network_security_group.web.name}',
        })],
      },
    };
    expect(verdicts('AzureNsgPublicIngress', resources, NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureNsgPublicIngress', resources, 'azurerm_network_security_rule.alt')).toEqual([]);
  });
  test('a separate rule whose NSG lives elsewhere is judged on its own', () => {
    const alone = { azurerm_network_security_rule: { alt: rule('alt', { destination_port_range: '*', source_address_prefix: '*', network_security_group_name: 'nsg-hub' }) } };
    expect(verdicts('AzureNsgPublicIngress', alone, 'azurerm_network_security_rule.alt')).toEqual(NON_COMPLIANT);
  });
  test('rules from a dynamic block over a variable default are expanded', () => {
    const config = {
      variable: { ports: { default: { web: '443', admin: '3389' } } },
      resource: {
        azurerm_network_security_group: {
          web: [{
            name: 'nsg-web',
            dynamic: { security_rule: [{ for_each: '${var.ports}', content: [rule('${security_rule.key}', { destination_port_range: '${security_rule.value}', source_address_prefix: '*' })] }] },
          }],
        },
      },
    };
    expect(verdictsIn('AzureNsgPublicIngress', config, NSG)).toEqual(NON_COMPLIANT);
  });
  test('a source from a variable without default is unverifiable', () => {
    const config = {
      variable: { admin_source: { type: 'string' } },
      resource: nsg(rule('admin', { destination_port_range: '8080', source_address_prefix: '${var.admin_source}' })),
    };
    expect(verdictsIn('AzureNsgPublicIngress', config, NSG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureNsgAdminPorts', () => {
  test('SSH inside a range, or RDP through *, from the internet is non-compliant', () => {
    expect(verdicts('AzureNsgAdminPorts', nsg(rule('ops', { destination_port_ranges: ['20-25'], source_address_prefixes: ['0.0.0.0/0'] })), NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureNsgAdminPorts', nsg(rule('any', { destination_port_range: '*', source_address_prefix: 'Any' })), NSG)).toEqual(NON_COMPLIANT);
  });
  test('HTTPS from the internet and SSH from the VNet are compliant; a rule switched off by count is absent', () => {
    expect(verdicts('AzureNsgAdminPorts', nsg(
      rule('https', { destination_port_range: '443', source_address_prefix: 'Internet' }),
      rule('ssh', { destination_port_range: '22', source_address_prefix: '10.0.0.0/16' }),
    ), NSG)).toEqual(COMPLIANT);
    const config = {
      variable: { rdp_rules: { default: 0 }, rdp_source: { default: null } },
      resource: {
        ...nsg(),
        azurerm_network_security_rule: {
          rdp: [rule('rdp', {
            count: '${var.rdp_rules}', destination_port_range: '3389', source_address_prefix: '${var.rdp_source}',
            network_security_group_name: '${azurerm_network_security_group.web.name}',
          })],
        },
      },
    };
    expect(verdictsIn('AzureNsgAdminPorts', config, NSG)).toEqual(COMPLIANT);
  });
  test('a port from a variable without default is unverifiable', () => {
    const config = { variable: { port: {} }, resource: nsg(rule('x', { destination_port_range: '${var.port}', source_address_prefix: '*' })) };
    expect(verdictsIn('AzureNsgAdminPorts', config, NSG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureDataPublicNetworkAccess', () => {
  const SA = 'azurerm_storage_account.sa';
  const PG = 'azurerm_postgresql_flexible_server.pg';
  const account = (o: object = {}, extra: Resources = {}): Resources => ({ ...extra, azurerm_storage_account: { sa: [{ account_replication_type: 'ZRS', ...o }] } });
  test('the public endpoint left on by default is non-compliant', () => {
    expect(verdicts('AzureDataPublicNetworkAccess', account(), SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureDataPublicNetworkAccess', account({ network_rules: [{ default_action: 'Allow' }] }), SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureDataPublicNetworkAccess', { azurerm_postgresql_flexible_server: { pg: [{ sku_name: 'GP_Standard_D2ds_v5' }] } }, PG)).toEqual(NON_COMPLIANT);
  });
  test('public access off, a firewall denying by default (inline or separate), or VNet injection are compliant', () => {
    expect(verdicts('AzureDataPublicNetworkAccess', account({ public_network_access_enabled: false }), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureDataPublicNetworkAccess', account({ network_rules: [{ default_action: 'Deny', bypass: ['AzureServices'] }] }), SA)).toEqual(COMPLIANT);
    const separate = { azurerm_storage_account_network_rules: { sa: [{ storage_account_id: '${azurerm_storage_account.sa.id}', default_action: 'Deny' }] } };
    expect(verdicts('AzureDataPublicNetworkAccess', account({}, separate), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureDataPublicNetworkAccess', { azurerm_postgresql_flexible_server: { pg: [{ public_network_access_enabled: false }] } }, PG)).toEqual(COMPLIANT);
    expect(verdicts('AzureDataPublicNetworkAccess', { azurerm_postgresql_flexible_server: { pg: [{ delegated_subnet_id: '${azurerm_subnet.db.id}' }] } }, PG)).toEqual(COMPLIANT);
  });
  test('a flag or firewall action from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureDataPublicNetworkAccess', { variable: { open: {} }, resource: account({ public_network_access_enabled: '${var.open}' }) }, SA)).toEqual(UNVERIFIABLE);
    expect(verdictsIn('AzureDataPublicNetworkAccess', { variable: { acl: {} }, resource: account({ network_rules: [{ default_action: '${var.acl}' }] }) }, SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureEntryPointWaf', () => {
  const FD = 'azurerm_cdn_frontdoor_profile.fd';
  const frontDoor = (mode: string, associate = true): Resources => ({
    azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd', resource_group_name: 'rg', sku_name: 'Premium_AzureFrontDoor' }] },
    azurerm_cdn_frontdoor_endpoint: { web: [{ name: 'web', cdn_frontdoor_profile_id: '${azurerm_cdn_frontdoor_profile.fd.id}' }] },
    azurerm_cdn_frontdoor_firewall_policy: { waf: [{ name: 'waf', resource_group_name: 'rg', sku_name: 'Premium_AzureFrontDoor', mode, managed_rule: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' }] }] },
    ...(associate ? {
      azurerm_cdn_frontdoor_security_policy: {
        waf: [{
          name: 'waf', cdn_frontdoor_profile_id: '${azurerm_cdn_frontdoor_profile.fd.id}',
          security_policies: [{ firewall: [{
            cdn_frontdoor_firewall_policy_id: '${azurerm_cdn_frontdoor_firewall_policy.waf.id}',
            association: [{ domain: [{ cdn_frontdoor_domain_id: '${azurerm_cdn_frontdoor_endpoint.web.id}' }], patterns_to_match: ['/*'] }],
          }] }],
        }],
      },
    } : {}),
  });
  test('a Front Door WAF in Detection mode, or none associated, is non-compliant', () => {
    expect(verdicts('AzureEntryPointWaf', frontDoor('Detection'), FD)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureEntryPointWaf', frontDoor('Prevention', false), FD)).toEqual(NON_COMPLIANT);
  });
  test('every endpoint behind a Prevention policy is compliant', () => {
    expect(verdicts('AzureEntryPointWaf', frontDoor('Prevention'), FD)).toEqual(COMPLIANT);
  });
  test('a mode from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureEntryPointWaf', { variable: { waf_mode: {} }, resource: frontDoor('${var.waf_mode}') }, FD)).toEqual(UNVERIFIABLE);
  });

  const AGW = 'azurerm_application_gateway.agw';
  const gateway = wafGateway;
  test('an Application Gateway WAF in Detection mode, or without the WAF tier, is non-compliant', () => {
    expect(verdicts('AzureEntryPointWaf', gateway({ waf_configuration: [{ enabled: true, firewall_mode: 'Detection', rule_set_version: '3.2' }] }), AGW)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureEntryPointWaf', gateway({ sku: [{ name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 }] }), AGW)).toEqual(NON_COMPLIANT);
  });
  test('a WAF policy with default settings (Prevention) is compliant; an internal gateway is no entry point', () => {
    const policy = { azurerm_web_application_firewall_policy: { waf: [{ name: 'waf', managed_rules: [{ managed_rule_set: [{ version: '3.2' }] }] }] } };
    expect(verdicts('AzureEntryPointWaf', gateway({ firewall_policy_id: '${azurerm_web_application_firewall_policy.waf.id}' }, policy), AGW)).toEqual(COMPLIANT);
    expect(verdicts('AzureEntryPointWaf', gateway({ frontend_ip_configuration: [{ name: 'private', subnet_id: 's', private_ip_address: '10.0.0.10' }] }), AGW)).toEqual([]);
  });
  test('a WAF policy from outside the configuration is unverifiable', () => {
    expect(verdictsIn('AzureEntryPointWaf', { variable: { waf_id: {} }, resource: gateway({ firewall_policy_id: '${var.waf_id}' }) }, AGW)).toEqual(UNVERIFIABLE);
  });
});

describe('AzurePublicIpDdosProtection', () => {
  const IP = 'azurerm_public_ip.pip';
  const ip = (o: object = {}) => ({ azurerm_public_ip: { pip: [{ name: 'pip', location: 'westeurope', allocation_method: 'Static', ...o }] } });
  const inVnet = (enable: boolean): Resources => ({
    ...ip({ sku: 'Standard' }),
    azurerm_network_ddos_protection_plan: { plan: [{ name: 'ddos' }] },
    azurerm_virtual_network: { hub: [{ name: 'vnet-hub', resource_group_name: 'rg', ddos_protection_plan: [{ id: '${azurerm_network_ddos_protection_plan.plan.id}', enable }] }] },
    azurerm_subnet: { bastion: [{ name: 'AzureBastionSubnet', resource_group_name: 'rg', virtual_network_name: '${azurerm_virtual_network.hub.name}' }] },
    azurerm_bastion_host: { b: [{ name: 'b', ip_configuration: [{ name: 'c', subnet_id: '${azurerm_subnet.bastion.id}', public_ip_address_id: '${azurerm_public_ip.pip.id}' }] }] },
  });
  test('a plan that its network does not enable, and Basic IPs with IP protection, are non-compliant', () => {
    expect(verdicts('AzurePublicIpDdosProtection', inVnet(false), IP)).toEqual(NON_COMPLIANT);
    expect(verdictsIn('AzurePublicIpDdosProtection', { ...azurerm('~> 3.100'), resource: ip({ ddos_protection_mode: 'Enabled' }) }, IP)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePublicIpDdosProtection', ip({ zones: ['1'] }), IP)).toEqual(NON_COMPLIANT);
  });
  test('IP Protection on a Standard IP (v4 default SKU), or the plan of the Bastion\'s network, is compliant', () => {
    expect(verdictsIn('AzurePublicIpDdosProtection', { ...azurerm('~> 4.20'), resource: ip({ ddos_protection_mode: 'Enabled' }) }, IP)).toEqual(COMPLIANT);
    expect(verdicts('AzurePublicIpDdosProtection', inVnet(true), IP)).toEqual(COMPLIANT);
  });
  test('an IP whose gateway sits in a network outside the configuration is unverifiable: that network\'s plan is not known here', () => {
    const outside = {
      ...ip({ sku: 'Standard' }),
      azurerm_virtual_network_gateway: { vpn: [{ ip_configuration: [{ public_ip_address_id: '${azurerm_public_ip.pip.id}', subnet_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet' }] }] },
    };
    expect(verdicts('AzurePublicIpDdosProtection', outside, IP)).toEqual(UNVERIFIABLE);
  });
  test('a mode from a variable without default is unverifiable; an IP used for outbound NAT is no entry point', () => {
    expect(verdictsIn('AzurePublicIpDdosProtection', { variable: { mode: {} }, resource: ip({ ddos_protection_mode: '${var.mode}' }) }, IP)).toEqual(UNVERIFIABLE);
    const nat = { ...ip(), azurerm_nat_gateway_public_ip_association: { a: [{ public_ip_address_id: '${azurerm_public_ip.pip.id}', nat_gateway_id: 'x' }] } };
    expect(verdicts('AzurePublicIpDdosProtection', nat, IP)).toEqual([]);
  });
});

describe('AzureMessageBrokerPrivate', () => {
  const SB = 'azurerm_servicebus_namespace.bus';
  const bus = (o: object = {}) => ({ azurerm_servicebus_namespace: { bus: [{ name: 'bus', sku: 'Premium', ...o }] } });
  test('a namespace public by default, or plaintext AMQP in an NSG, is non-compliant', () => {
    expect(verdicts('AzureMessageBrokerPrivate', bus(), SB)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('amqp', { direction: 'Outbound', destination_port_range: '5672', source_address_prefix: 'VirtualNetwork' })), NSG)).toEqual(NON_COMPLIANT);
  });
  test('a private namespace is compliant; an NSG without AMQP is not a broker\'s business', () => {
    expect(verdicts('AzureMessageBrokerPrivate', bus({ public_network_access_enabled: false, minimum_tls_version: '1.2' }), SB)).toEqual(COMPLIANT);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('amqps', { destination_port_range: '5671', source_address_prefix: 'VirtualNetwork' })), NSG)).toEqual([]);
  });
  test('public access from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureMessageBrokerPrivate', { variable: { pub: {} }, resource: bus({ public_network_access_enabled: '${var.pub}' }) }, SB)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureAdminAccessPath', () => {
  const GW = 'azurerm_virtual_network_gateway.vpn';
  const vpn = (client: object | undefined) => ({
    azurerm_virtual_network_gateway: { vpn: [{ name: 'vpn', type: 'Vpn', sku: 'VpnGw1AZ', ...(client ? { vpn_client_configuration: [client] } : {}) }] },
  });
  test('Entra ID or certificate authentication is compliant; a site-to-site gateway is not an admin path', () => {
    expect(verdicts('AzureAdminAccessPath', vpn({ address_space: ['172.16.0.0/24'], vpn_client_protocols: ['OpenVPN'], aad_tenant: 'https://login.microsoftonline.com/t/', aad_audience: 'a', aad_issuer: 'https://sts.windows.net/t/' }), GW)).toEqual(COMPLIANT);
    expect(verdicts('AzureAdminAccessPath', vpn({ vpn_auth_types: ['Certificate'], root_certificate: [{ name: 'root', public_cert_data: 'MII' }] }), GW)).toEqual(COMPLIANT);
    expect(verdicts('AzureAdminAccessPath', vpn(undefined), GW)).toEqual([]);
  });
  test('Bastion with shareable links, and a VM nobody reaches through Bastion or a VPN, are non-compliant', () => {
    expect(verdicts('AzureAdminAccessPath', { azurerm_bastion_host: { b: [{ name: 'b', shareable_link_enabled: true }] } }, 'azurerm_bastion_host.b')).toEqual(NON_COMPLIANT);
    const vm = { azurerm_linux_virtual_machine: { jump: [{ name: 'jump', size: 'Standard_B2s' }] } };
    expect(verdicts('AzureAdminAccessPath', vm, 'azurerm_linux_virtual_machine.jump')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAdminAccessPath', { ...vm, azurerm_bastion_host: { b: [{ name: 'b' }] } }, 'azurerm_linux_virtual_machine.jump')).toEqual(COMPLIANT);
  });
  test('RADIUS authentication is unverifiable: MFA is the RADIUS server\'s', () => {
    expect(verdicts('AzureAdminAccessPath', vpn({ vpn_auth_types: ['Radius'], radius_server_address: '10.0.0.4', radius_server_secret: 's' }), GW)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureNsgPublicIngress: how rules are read', () => {
  const ingress = (resources: Resources, policy?: DataProtectionPolicy) => findingsIn('AzureNsgPublicIngress', { resource: resources }, NSG, policy);
  test('a separate rule joins an NSG by its literal name only within the same resource group', () => {
    const separate = (o: object) => ({
      ...nsg(),
      azurerm_network_security_rule: { alt: [rule('alt', { destination_port_range: '8080', source_address_prefix: 'Internet', network_security_group_name: 'nsg-web', ...o })] },
    });
    expect(verdicts('AzureNsgPublicIngress', separate({ resource_group_name: 'rg' }), NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureNsgPublicIngress', separate({}), NSG)).toEqual(NON_COMPLIANT);
    // Another group's NSG of the same name: the rule is judged on its own, this NSG admits nothing.
    expect(verdicts('AzureNsgPublicIngress', separate({ resource_group_name: 'rg-other' }), NSG)).toEqual(COMPLIANT);
    expect(verdicts('AzureNsgPublicIngress', separate({ resource_group_name: 'rg-other' }), 'azurerm_network_security_rule.alt')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureNsgPublicIngress', separate({ network_security_group_name: 'nsg-app' }), NSG)).toEqual(COMPLIANT);
  });
  test('an NSG without a resource group joins rules of that name in any group', () => {
    const resources = {
      azurerm_network_security_group: { web: [{ name: 'nsg-web', security_rule: [] }] },
      azurerm_network_security_rule: { alt: [rule('alt', { destination_port_range: '8080', source_address_prefix: '*', resource_group_name: 'rg', network_security_group_name: 'nsg-web' })] },
    };
    expect(verdicts('AzureNsgPublicIngress', resources, NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureNsgPublicIngress', resources, 'azurerm_network_security_rule.alt')).toEqual([]);
  });
  test('an NSG without rules admits nothing', () => {
    const [finding] = ingress(nsg());
    expect(finding.status).toBe('compliant');
    expect(finding.detail).toBe('no rule admits the internet');
  });
  test('inline rules from a variable without default are unverifiable', () => {
    const config = { variable: { rules: {} }, resource: { azurerm_network_security_group: { web: [{ name: 'nsg-web', security_rule: '${var.rules}' }] } } };
    expect(verdictsIn('AzureNsgPublicIngress', config, NSG)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureNsgPublicIngress', config, NSG)[0].detail).toContain('security_rule = ${var.rules}');
  });
  test('a separate rule that may not exist is unverifiable unless another rule already opens a port not allowed', () => {
    const config = (port: string) => ({
      variable: { n: {} },
      resource: {
        ...nsg(rule('https', { destination_port_range: port, source_address_prefix: 'Internet' })),
        azurerm_network_security_rule: {
          extra: [rule('extra', { count: '${var.n}', destination_port_range: '443', source_address_prefix: '*', network_security_group_name: '${azurerm_network_security_group.web.name}' })],
        },
      },
    });
    expect(verdictsIn('AzureNsgPublicIngress', config('443'), NSG)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureNsgPublicIngress', config('443'), NSG)[0].detail).toContain('azurerm_network_security_rule.extra may not exist');
    expect(verdictsIn('AzureNsgPublicIngress', config('80'), NSG)).toEqual(NON_COMPLIANT);
  });
  test('access, direction, protocol and list entries from variables without default are unverifiable', () => {
    const unknown = (o: object) => {
      const config = { variable: { v: {} }, resource: nsg(rule('r', { destination_port_range: '8080', source_address_prefix: '*', ...o })) };
      expect(verdictsIn('AzureNsgPublicIngress', config, NSG)).toEqual(UNVERIFIABLE);
      return findingsIn('AzureNsgPublicIngress', config, NSG)[0].detail;
    };
    expect(unknown({ access: '${var.v}' })).toContain('r.access = ${var.v}');
    expect(unknown({ direction: '${var.v}' })).toContain('r.direction = ${var.v}');
    expect(unknown({ protocol: '${var.v}' })).toContain('r.protocol = ${var.v}');
    expect(unknown({ source_address_prefix: undefined, source_address_prefixes: ['10.0.0.0/8', '${var.v}'] })).toContain('r.source_address_prefixes = ${var.v}');
    expect(unknown({ destination_port_range: undefined, destination_port_ranges: ['443', '${var.v}'] })).toContain('r.destination_port_ranges = ${var.v}');
  });
  test('a port this reader does not understand is unverifiable; an unknown port from a private source does not matter', () => {
    expect(verdicts('AzureNsgPublicIngress', nsg(rule('named', { destination_port_range: 'http', source_address_prefix: '*' })), NSG)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureNsgPublicIngress', { resource: nsg(rule('named', { destination_port_range: 'http', source_address_prefix: '*' })) }, NSG)[0].detail)
      .toBe('named has a destination port "http" this reader does not understand');
    expect(verdicts('AzureNsgPublicIngress', nsg(rule('named', { destination_port_range: 'http', source_address_prefix: '10.0.0.0/8' })), NSG)).toEqual(COMPLIANT);
  });
  test('access, direction and protocol are read in any case; only inbound allow rules over TCP, UDP or any protocol count', () => {
    const open = (o: object) => verdicts('AzureNsgPublicIngress', nsg(rule('r', { destination_port_range: '8080', source_address_prefix: 'Internet', ...o })), NSG);
    expect(open({ access: 'allow', direction: 'inbound', protocol: 'TCP' })).toEqual(NON_COMPLIANT);
    expect(open({ protocol: 'Udp' })).toEqual(NON_COMPLIANT);
    expect(open({ protocol: undefined })).toEqual(NON_COMPLIANT);
    expect(open({ direction: 'Outbound' })).toEqual(COMPLIANT);
    expect(open({ access: 'Deny' })).toEqual(COMPLIANT);
    expect(open({ protocol: 'Esp' })).toEqual(COMPLIANT);
  });
  test('every prefix ending in /0, trimmed and in any case, is the internet', () => {
    const from = (source: string) => verdicts('AzureNsgPublicIngress', nsg(rule('r', { destination_port_range: '8080', source_address_prefix: source })), NSG);
    expect(from('::/0')).toEqual(NON_COMPLIANT);
    expect(from('10.0.0.0/0')).toEqual(NON_COMPLIANT);
    expect(from(' INTERNET ')).toEqual(NON_COMPLIANT);
    expect(from('0.0.0.0')).toEqual(NON_COMPLIANT);
    expect(from('10.0.0.0/16')).toEqual(COMPLIANT);
    expect(from('AzureFrontDoor.Backend')).toEqual(COMPLIANT);
  });
  test('the part of a range outside the allowed ports is named exactly, whichever way the range is written', () => {
    const detail = (port: string, policy?: DataProtectionPolicy) => ingress(nsg(rule('r', { destination_port_range: port, source_address_prefix: '*' })), policy)[0].detail;
    expect(detail('8090-8080')).toBe('r admits 8080-8090 from * (allowed: 443)');
    expect(detail('0-1023')).toBe('r admits 0-442, 444-1023 from * (allowed: 443)');
    expect(detail('442-443')).toBe('r admits 442 from * (allowed: 443)');
    expect(detail('443-444')).toBe('r admits 444 from * (allowed: 443)');
    expect(detail('400-9000', new DataProtectionPolicy({ allowedPublicPorts: [8443, 443, 80] })))
      .toBe('r admits 400-442, 444-8442, 8444-9000 from * (allowed: 8443, 443, 80)');
    expect(detail('*')).toBe('r admits 0-442, 444-65535 from * (allowed: 443)');
    expect(ingress(nsg(rule('r', { destination_port_range: '443-443', source_address_prefix: '*' })))[0].status).toBe('compliant');
  });
  test('a compliant NSG names each port the internet reaches once', () => {
    const [finding] = ingress(nsg(
      rule('a', { destination_port_range: '443', source_address_prefix: 'Internet' }),
      rule('b', { destination_port_ranges: ['443', '80'], source_address_prefixes: ['0.0.0.0/0', '10.0.0.0/8'] }),
    ), new DataProtectionPolicy({ allowedPublicPorts: [80, 443] }));
    expect(finding.status).toBe('compliant');
    expect(finding.detail).toBe('the internet reaches only 443, 80');
  });
});

describe('AzureNsgAdminPorts: ports and sources', () => {
  test('SSH and RDP in one range are both named, with the internet sources only', () => {
    const [finding] = findingsIn('AzureNsgAdminPorts', { resource: nsg(rule('ops', { destination_port_range: '20-3389', source_address_prefixes: ['10.0.0.0/8', 'Internet'] })) }, NSG);
    expect(finding.status).toBe('non-compliant');
    expect(finding.detail).toBe('ops admits SSH (22) and RDP (3389) from Internet');
  });
  test('ranges that stop just short of SSH or RDP are compliant', () => {
    expect(verdicts('AzureNsgAdminPorts', nsg(rule('r', { destination_port_ranges: ['23-3388', '3390-65535', '0-21'], source_address_prefix: '*' })), NSG)).toEqual(COMPLIANT);
  });
  test('an unreadable rule is unverifiable, but an open SSH port elsewhere is non-compliant', () => {
    const config = (o: object) => ({ variable: { v: {} }, resource: nsg(rule('x', { destination_port_range: '8080', source_address_prefix: '${var.v}' }), rule('y', { source_address_prefix: '*', ...o })) });
    expect(verdictsIn('AzureNsgAdminPorts', config({ destination_port_range: '443' }), NSG)).toEqual(UNVERIFIABLE);
    expect(verdictsIn('AzureNsgAdminPorts', config({ destination_port_range: '22' }), NSG)).toEqual(NON_COMPLIANT);
  });
});

describe('AzureKeyVaultNetworkDeny: network ACLs', () => {
  const KV = 'azurerm_key_vault.kv';
  const vault = (o: object) => ({ azurerm_key_vault: { kv: [{ name: 'kv', sku_name: 'premium', ...o }] } });
  test('public access off is compliant whatever the ACLs say', () => {
    expect(verdicts('AzureKeyVaultNetworkDeny', vault({ public_network_access_enabled: false, network_acls: [{ default_action: 'Allow', bypass: 'AzureServices' }] }), KV)).toEqual(COMPLIANT);
  });
  test('open public access with no ACLs or an Allow default is non-compliant, and says both', () => {
    const noAcls = findingsIn('AzureKeyVaultNetworkDeny', { resource: vault({ public_network_access_enabled: true }) }, KV);
    expect(noAcls.map((f) => f.status)).toEqual(NON_COMPLIANT);
    expect(noAcls[0].detail).toContain('no network_acls: every network may connect');
    const allow = findingsIn('AzureKeyVaultNetworkDeny', { resource: vault({ public_network_access_enabled: true, network_acls: [{ default_action: 'Allow', bypass: 'AzureServices' }] }) }, KV);
    expect(allow.map((f) => f.status)).toEqual(NON_COMPLIANT);
    expect(allow[0].detail).toContain('network_acls.default_action = "Allow"');
  });
  test('public access on with a Deny default is compliant', () => {
    expect(verdicts('AzureKeyVaultNetworkDeny', vault({ public_network_access_enabled: true, network_acls: [{ default_action: 'Deny', bypass: 'AzureServices' }] }), KV)).toEqual(COMPLIANT);
  });
  test('ACLs from a variable without default are unverifiable', () => {
    const config = { variable: { acls: {} }, resource: vault({ network_acls: '${var.acls}' }) };
    expect(verdictsIn('AzureKeyVaultNetworkDeny', config, KV)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureKeyVaultNetworkDeny', config, KV)[0].detail).toContain('network_acls = ${var.acls}');
  });
});

describe('AzureEntryPointWaf: what is an entry point', () => {
  test('frontends from a variable without default are unverifiable; a Front Door profile without endpoints is not judged', () => {
    const config = {
      variable: { frontends: {} },
      resource: { azurerm_application_gateway: { agw: [{ name: 'agw', sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }], frontend_ip_configuration: '${var.frontends}' }] } },
    };
    expect(verdictsIn('AzureEntryPointWaf', config, 'azurerm_application_gateway.agw')).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureEntryPointWaf', config, 'azurerm_application_gateway.agw')[0].detail).toContain('frontend_ip_configuration = ${var.frontends}');
    expect(verdicts('AzureEntryPointWaf', { azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd', sku_name: 'Premium_AzureFrontDoor' }] } }, 'azurerm_cdn_frontdoor_profile.fd')).toEqual([]);
  });
});

describe('AzurePublicIpDdosProtection: modes, SKUs and networks', () => {
  const IP = 'azurerm_public_ip.pip';
  const ip = (o: object = {}) => ({ azurerm_public_ip: { pip: [{ name: 'pip', location: 'westeurope', allocation_method: 'Static', sku: 'Standard', ...o }] } });
  const ddos = (resources: Resources, variable: object = {}) => findingsIn('AzurePublicIpDdosProtection', { variable, resource: resources }, IP);
  /** The IP on an Application Gateway whose subnet joins `vnet` by name. */
  const onGateway = (plan: unknown, subnet: object = {}): Resources => ({
    ...ip(),
    azurerm_virtual_network: { hub: [{ name: 'vnet-hub', resource_group_name: 'rg', ...(plan === undefined ? {} : { ddos_protection_plan: plan }) }] },
    azurerm_subnet: { agw: [{ name: 'agw', resource_group_name: 'rg', virtual_network_name: 'vnet-hub', ...subnet }] },
    azurerm_application_gateway: { agw: [{
      name: 'agw', gateway_ip_configuration: [{ name: 'gw', subnet_id: '${azurerm_subnet.agw.id}' }],
      frontend_ip_configuration: [{ name: 'public', public_ip_address_id: '${azurerm_public_ip.pip.id}' }],
    }] },
  });
  test('mode Disabled is non-compliant; Enabled on a Basic IP names the SKU as set', () => {
    expect(ddos(ip({ ddos_protection_mode: 'Disabled' }))[0].detail).toBe('ddos_protection_mode = "Disabled"');
    const basic = ddos(ip({ ddos_protection_mode: 'Enabled', sku: 'Basic' }));
    expect(basic.map((f) => f.status)).toEqual(NON_COMPLIANT);
    expect(basic[0].detail).toContain('sku = "Basic"');
  });
  test('Enabled with a SKU from a variable without default is unverifiable', () => {
    const found = ddos(ip({ ddos_protection_mode: 'Enabled', sku: '${var.sku}' }), { sku: {} });
    expect(found.map((f) => f.status)).toEqual(['non-compliant']);
    expect(found[0].ruleId).toMatch(/\[Unverifiable\]$/);
    expect(found[0].detail).toContain('sku = ${var.sku}');
  });
  test('a network joined to the gateway\'s subnet by name and group is the one inherited from', () => {
    const enabled = [{ id: '${azurerm_network_ddos_protection_plan.p.id}', enable: true }];
    expect(verdicts('AzurePublicIpDdosProtection', onGateway(enabled), IP)).toEqual(COMPLIANT);
    expect(verdicts('AzurePublicIpDdosProtection', onGateway(enabled, { resource_group_name: undefined }), IP)).toEqual(COMPLIANT);
    // Same name in another group: not this network, and no other network is declared.
    expect(verdicts('AzurePublicIpDdosProtection', onGateway(enabled, { resource_group_name: 'rg-spoke' }), IP)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzurePublicIpDdosProtection', onGateway(undefined), IP)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzurePublicIpDdosProtection', onGateway([{ id: 'x' }]), IP)).toEqual(NON_COMPLIANT);
  });
  test('a network whose plan or switch comes from a variable without default is unverifiable', () => {
    const plan = ddos(onGateway('${var.plan}'), { plan: {} });
    expect(plan[0].ruleId).toMatch(/\[Unverifiable\]$/);
    expect(plan[0].detail).toContain('ddos_protection_plan = ${var.plan}');
    const enable = ddos(onGateway([{ id: 'x', enable: '${var.on}' }]), { on: {} });
    expect(enable[0].ruleId).toMatch(/\[Unverifiable\]$/);
    expect(enable[0].detail).toContain('ddos_protection_plan.enable = ${var.on}');
  });
  test('a literal subnet ID names a declared network; one the reader cannot place is unverifiable', () => {
    const literal = (subnetId: string, enable = true): Resources => ({
      ...ip(),
      azurerm_virtual_network: { hub: [{ name: 'hub', ddos_protection_plan: [{ id: 'x', enable }] }] },
      azurerm_bastion_host: { b: [{ name: 'b', ip_configuration: [{ name: 'c', subnet_id: subnetId, public_ip_address_id: '${azurerm_public_ip.pip.id}' }] }] },
    });
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureBastionSubnet';
    expect(verdicts('AzurePublicIpDdosProtection', literal(id), IP)).toEqual(COMPLIANT);
    expect(verdicts('AzurePublicIpDdosProtection', literal(id, false), IP)).toEqual(NON_COMPLIANT);
    const elsewhere = ddos(literal('AzureBastionSubnet'));
    expect(elsewhere[0].ruleId).toMatch(/\[Unverifiable\]$/);
    expect(elsewhere[0].detail).toContain('azurerm_bastion_host.b sits in subnet AzureBastionSubnet');
  });
  test('an IP attached to nothing is unverifiable when some network of the configuration enables a plan', () => {
    const resources = { ...ip(), azurerm_virtual_network: { hub: [{ name: 'hub', ddos_protection_plan: [{ id: 'x', enable: true }] }], spoke: [{ name: 'spoke' }] } };
    const [finding] = ddos(resources);
    expect(finding.ruleId).toMatch(/\[Unverifiable\]$/);
    expect(finding.detail).toContain('azurerm_virtual_network.hub enables a plan');
    expect(finding.detail).not.toContain('spoke');
    const none = { ...ip(), azurerm_virtual_network: { spoke: [{ name: 'spoke', ddos_protection_plan: [{ id: 'x', enable: false }] }] } };
    expect(verdicts('AzurePublicIpDdosProtection', none, IP)).toEqual(NON_COMPLIANT);
  });
  test('an IP attached through a resource that is no network attacher inherits from nothing it names', () => {
    const resources = {
      ...ip(),
      azurerm_virtual_network: { hub: [{ name: 'hub', ddos_protection_plan: [{ id: 'x', enable: false }] }] },
      azurerm_private_endpoint: { pe: [{ name: 'pe', subnet_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/a', tags: { ip: '${azurerm_public_ip.pip.ip_address}' } }] },
    };
    expect(verdicts('AzurePublicIpDdosProtection', resources, IP)).toEqual(NON_COMPLIANT);
  });
});

describe('AzureMessageBrokerPrivate: TLS and AMQP ports', () => {
  const SB = 'azurerm_servicebus_namespace.bus';
  const bus = (o: object = {}) => ({ azurerm_servicebus_namespace: { bus: [{ name: 'bus', sku: 'Premium', public_network_access_enabled: false, ...o }] } });
  test('public access switched off as a string is compliant; switched on says so', () => {
    expect(verdicts('AzureMessageBrokerPrivate', bus({ public_network_access_enabled: 'false' }), SB)).toEqual(COMPLIANT);
    const [open] = findingsIn('AzureMessageBrokerPrivate', { resource: bus({ public_network_access_enabled: true }) }, SB);
    expect(open.detail).toBe('public_network_access_enabled = true');
    const [unset] = findingsIn('AzureMessageBrokerPrivate', { resource: bus({ public_network_access_enabled: undefined }) }, SB);
    expect(unset.detail).toBe('public_network_access_enabled not set (default true)');
  });
  test('TLS below the policy\'s minimum is non-compliant; from a variable without default unverifiable', () => {
    const [old] = findingsIn('AzureMessageBrokerPrivate', { resource: bus({ minimum_tls_version: '1.1' }) }, SB);
    expect(old.status).toBe('non-compliant');
    expect(old.detail).toBe('minimum_tls_version = "1.1"');
    expect(verdicts('AzureMessageBrokerPrivate', bus({ minimum_tls_version: '1.0', public_network_access_enabled: true }), SB)).toEqual(NON_COMPLIANT);
    const config = { variable: { tls: {} }, resource: bus({ minimum_tls_version: '${var.tls}' }) };
    expect(verdictsIn('AzureMessageBrokerPrivate', config, SB)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureMessageBrokerPrivate', config, SB)[0].detail).toContain('minimum_tls_version = ${var.tls}');
  });
  test('AMQP inside an explicit range, inbound, is plaintext; * or a rule that denies is not a broker rule', () => {
    const [inRange] = findingsIn('AzureMessageBrokerPrivate', { resource: nsg(rule('brokers', { destination_port_range: '5671-5672', source_address_prefix: '10.0.0.0/8' })) }, NSG);
    expect(inRange.status).toBe('non-compliant');
    expect(inRange.detail).toBe('brokers allows inbound AMQP on 5672: plaintext');
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('r', { destination_port_range: '5672-5680', source_address_prefix: '10.0.0.0/8' })), NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('r', { destination_port_range: '5000-5672', source_address_prefix: '10.0.0.0/8' })), NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('r', { destination_port_range: '1-65535', source_address_prefix: '10.0.0.0/8' })), NSG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('any', { destination_port_range: '*', source_address_prefix: '*' })), NSG)).toEqual([]);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('all', { destination_port_range: '0-65535', source_address_prefix: '*' })), NSG)).toEqual([]);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('r', { destination_port_range: '5673-5680', source_address_prefix: '10.0.0.0/8' })), NSG)).toEqual([]);
    expect(verdicts('AzureMessageBrokerPrivate', nsg(rule('r', { access: 'Deny', destination_port_range: '5672', source_address_prefix: '*' })), NSG)).toEqual([]);
  });
  test('a rule whose access or ports are unknown is skipped; another rule still counts', () => {
    const config = (...more: object[]) => ({
      variable: { v: {} },
      resource: nsg(
        rule('unknown', { access: '${var.v}', destination_port_range: '5672', source_address_prefix: '*' }),
        rule('ports', { destination_port_range: '${var.v}', source_address_prefix: '*' }),
        ...more,
      ),
    });
    expect(verdictsIn('AzureMessageBrokerPrivate', config(), NSG)).toEqual([]);
    const amqp = rule('amqp', { direction: 'Outbound', destination_port_range: '5672', source_address_prefix: '*' });
    expect(findingsIn('AzureMessageBrokerPrivate', config(amqp), NSG)[0].detail).toBe('amqp allows outbound AMQP on 5672: plaintext');
  });
});

describe('AzureAdminAccessPath: point-to-site authentication', () => {
  const GW = 'azurerm_virtual_network_gateway.vpn';
  const vpn = (client: unknown, o: object = {}) => ({
    azurerm_virtual_network_gateway: { vpn: [{ name: 'vpn', type: 'Vpn', sku: 'VpnGw1AZ', vpn_client_configuration: client, ...o }] },
  });
  const judged = (resources: Resources, variable: object = {}) => findingsIn('AzureAdminAccessPath', { variable, resource: resources }, GW);
  test('one authentication type written as a string is read as a list', () => {
    expect(verdicts('AzureAdminAccessPath', vpn([{ vpn_auth_types: 'AAD', aad_tenant: 't' }]), GW)).toEqual(COMPLIANT);
    expect(verdicts('AzureAdminAccessPath', vpn([{ vpn_auth_types: 'Radius', radius_server_address: '10.0.0.4' }]), GW)).toEqual(UNVERIFIABLE);
  });
  test('without vpn_auth_types the types follow from the settings: certificates, Entra ID, RADIUS servers', () => {
    const [both] = judged(vpn([{ aad_tenant: 't', root_certificate: [{ name: 'root', public_cert_data: 'MII' }] }]));
    expect(both.status).toBe('compliant');
    expect(both.detail).toBe('point-to-site VPN with Entra ID (SSO, MFA by Conditional Access) and client certificates (mutual TLS)');
    expect(judged(vpn([{ root_certificate: [{ name: 'root', public_cert_data: 'MII' }] }]))[0].detail).toBe('point-to-site VPN with client certificates (mutual TLS)');
    expect(verdicts('AzureAdminAccessPath', vpn([{ radius_server: [{ address: '10.0.0.4', secret: 's', score: 1 }] }]), GW)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureAdminAccessPath', vpn([{ aad_tenant: 't', radius_server_address: '10.0.0.4' }]), GW)).toEqual(UNVERIFIABLE);
  });
  test('a configuration naming no authentication, or an unknown type, is non-compliant', () => {
    const [none] = judged(vpn([{ address_space: ['172.16.0.0/24'] }]));
    expect(none.status).toBe('non-compliant');
    expect(none.detail).toBe('the point-to-site configuration names no authentication type');
    const [odd] = judged(vpn([{ vpn_auth_types: ['Certificate', 'IKEv2'], root_certificate: [{ name: 'root', public_cert_data: 'MII' }] }]));
    expect(odd.status).toBe('non-compliant');
    expect(odd.detail).toBe('point-to-site authentication ["IKEv2"]');
  });
  test('the gateway type, client configuration or authentication types from variables without default are unverifiable', () => {
    const type = judged(vpn([{ vpn_auth_types: ['AAD'] }], { type: '${var.type}' }), { type: {} });
    expect(type.map((f) => f.ruleId.endsWith('[Unverifiable]'))).toEqual([true]);
    expect(type[0].detail).toContain('type = ${var.type}');
    const client = judged(vpn('${var.p2s}'), { p2s: {} });
    expect(client.map((f) => f.ruleId.endsWith('[Unverifiable]'))).toEqual([true]);
    expect(client[0].detail).toContain('vpn_client_configuration = ${var.p2s}');
    const types = judged(vpn([{ vpn_auth_types: ['AAD', '${var.auth}'] }]), { auth: {} });
    expect(types.map((f) => f.ruleId.endsWith('[Unverifiable]'))).toEqual([true]);
    expect(types[0].detail).toContain('vpn_client_configuration.vpn_auth_types');
  });
  test('an ExpressRoute gateway is no admin path, and gives none to a VM', () => {
    const er = vpn([{ vpn_auth_types: ['AAD'] }], { type: 'ExpressRoute', sku: 'ErGw1AZ' });
    expect(verdicts('AzureAdminAccessPath', er, GW)).toEqual([]);
    const vm = { azurerm_linux_virtual_machine: { jump: [{ name: 'jump', size: 'Standard_B2s' }] } };
    expect(verdicts('AzureAdminAccessPath', { ...vm, ...er }, 'azurerm_linux_virtual_machine.jump')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAdminAccessPath', { ...vm, ...vpn(undefined) }, 'azurerm_linux_virtual_machine.jump')).toEqual(NON_COMPLIANT);
    const [reached] = findingsIn('AzureAdminAccessPath', { resource: { ...vm, ...vpn([{ vpn_auth_types: ['AAD'] }]) } }, 'azurerm_linux_virtual_machine.jump');
    expect(reached.status).toBe('compliant');
    expect(reached.detail).toBe('reached through azurerm_virtual_network_gateway.vpn');
  });
  test('every kind of machine needs a path', () => {
    for (const type of ['azurerm_windows_virtual_machine', 'azurerm_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set']) {
      expect(verdicts('AzureAdminAccessPath', { [type]: { m: [{ name: 'm' }] } }, `${type}.m`)).toEqual(NON_COMPLIANT);
    }
  });
});

describe('AzureNsgPublicIngress: unnamed rules', () => {
  test('an unnamed inline rule is \'(unnamed)\', an unnamed separate rule goes by its address', () => {
    const { name: _name, ...unnamed } = rule('x', { destination_port_range: '8080', source_address_prefix: '*' }) as { [k: string]: unknown };
    const resources = {
      ...nsg(unnamed),
      azurerm_network_security_rule: { alt: [{ ...unnamed, destination_port_range: '8081', network_security_group_name: '${azurerm_network_security_group.web.name}' }] },
    };
    const [finding] = findingsIn('AzureNsgPublicIngress', { resource: resources }, NSG);
    expect(finding.detail).toBe('(unnamed) admits 8080 from *; azurerm_network_security_rule.alt admits 8081 from * (allowed: 443)');
  });
});

describe('AzurePublicIpDdosProtection: subnets of inline networks', () => {
  test('a subnet ID taken from a declared network\'s inline subnets inherits that network\'s plan', () => {
    const resources = {
      azurerm_public_ip: { pip: [{ name: 'pip', sku: 'Standard' }] },
      azurerm_virtual_network: { hub: [{ name: 'hub', subnet: [{ name: 'AzureBastionSubnet' }], ddos_protection_plan: [{ id: 'x', enable: true }] }] },
      azurerm_bastion_host: { b: [{ name: 'b', ip_configuration: [{ name: 'c', subnet_id: '${azurerm_virtual_network.hub.subnet.*.id[0]}', public_ip_address_id: '${azurerm_public_ip.pip.id}' }] }] },
    };
    expect(verdicts('AzurePublicIpDdosProtection', resources, 'azurerm_public_ip.pip')).toEqual(COMPLIANT);
  });
});

describe('AzureMessageBrokerPrivate: a network rule set overrides public network access', () => {
  const RULE = 'AzureMessageBrokerPrivate';
  const SB = 'azurerm_servicebus_namespace.bus';
  const bus = (o: object = {}) => ({ azurerm_servicebus_namespace: { bus: [{ name: 'bus', sku: 'Premium', public_network_access_enabled: false, ...o }] } });
  const ruleSet = (o: object = {}, name = 'bus') => ({
    azurerm_servicebus_namespace_network_rule_set: { rules: [{ namespace_id: `\${azurerm_servicebus_namespace.${name}.id}`, default_action: 'Deny', ...o }] },
  });
  test('an inline network_rule_set that enables public access, or leaves its default, is non-compliant', () => {
    expect(said(RULE, bus({ network_rule_set: [{ default_action: 'Deny', public_network_access_enabled: true }] }), SB))
      .toEqual(['non-compliant: network_rule_set.public_network_access_enabled = true']);
    expect(said(RULE, bus({ network_rule_set: [{ default_action: 'Deny' }] }), SB))
      .toEqual(['non-compliant: network_rule_set.public_network_access_enabled not set (default true)']);
    expect(said(RULE, bus({ public_network_access_enabled: true, network_rule_set: [{ public_network_access_enabled: 'true' }] }), SB))
      .toEqual(['non-compliant: public_network_access_enabled = true; network_rule_set.public_network_access_enabled = "true"']);
  });
  test('an inline network_rule_set that keeps public access off is compliant', () => {
    expect(said(RULE, bus({ network_rule_set: [{ default_action: 'Deny', public_network_access_enabled: false }] }), SB))
      .toEqual(['compliant: private namespace, TLS >= 1.2']);
    expect(verdicts(RULE, bus({ network_rule_set: { public_network_access_enabled: 'false' } }), SB)).toEqual(COMPLIANT);
  });
  test('an inline network_rule_set whose public access, or whose very presence, is unknown is unverifiable', () => {
    const fromVariable = said(RULE, bus({ network_rule_set: [{ public_network_access_enabled: '${var.pub}' }] }), SB, undefined, declared('pub'));
    expect(fromVariable).toHaveLength(1);
    expect(fromVariable[0]).toMatch(/^non-compliant\[Unverifiable\]: network_rule_set\.public_network_access_enabled = \$\{var\.pub\}/);
    const dynamic = bus({ dynamic: { network_rule_set: [{ for_each: '${var.rule_sets}', content: [{ public_network_access_enabled: true }] }] } });
    const fromDynamic = said(RULE, dynamic, SB, undefined, declared('rule_sets'));
    expect(fromDynamic).toHaveLength(1);
    expect(fromDynamic[0]).toMatch(/^non-compliant\[Unverifiable\]: network_rule_set = /);
    expect(fromDynamic[0]).toContain('var.rule_sets');
  });
  test('a separate network rule set resource that enables public access, or leaves its default, is non-compliant', () => {
    expect(said(RULE, { ...bus(), ...ruleSet({ public_network_access_enabled: true }) }, SB))
      .toEqual(['non-compliant: azurerm_servicebus_namespace_network_rule_set.rules public_network_access_enabled = true']);
    expect(said(RULE, { ...bus(), ...ruleSet() }, SB))
      .toEqual(['non-compliant: azurerm_servicebus_namespace_network_rule_set.rules public_network_access_enabled not set (default true)']);
  });
  test('a separate rule set that keeps public access off, or one for another namespace, leaves a private namespace compliant', () => {
    expect(said(RULE, { ...bus(), ...ruleSet({ public_network_access_enabled: false }) }, SB)).toEqual(['compliant: private namespace, TLS >= 1.2']);
    expect(said(RULE, { ...bus(), ...ruleSet({}, 'other') }, SB)).toEqual(['compliant: private namespace, TLS >= 1.2']);
  });
  test('a separate rule set whose public access is a variable, or that may not exist while enabling it, is unverifiable', () => {
    const fromVariable = said(RULE, { ...bus(), ...ruleSet({ public_network_access_enabled: '${var.pub}' }) }, SB, undefined, declared('pub'));
    expect(fromVariable).toHaveLength(1);
    expect(fromVariable[0]).toMatch(/^non-compliant\[Unverifiable\]: azurerm_servicebus_namespace_network_rule_set\.rules public_network_access_enabled = \$\{var\.pub\}/);
    const maybe = said(RULE, { ...bus(), ...ruleSet({ count: '${var.n}' }) }, SB, undefined, declared('n'));
    expect(maybe).toHaveLength(1);
    expect(maybe[0]).toMatch(/^non-compliant\[Unverifiable\]: azurerm_servicebus_namespace_network_rule_set\.rules\S* may not exist: .*; if it does: public_network_access_enabled not set \(default true\)$/);
    expect(said(RULE, { ...bus(), ...ruleSet({ count: '${var.n}', public_network_access_enabled: false }) }, SB, undefined, declared('n')))
      .toEqual(['compliant: private namespace, TLS >= 1.2']);
  });
});
