// Network rules (DP.NET.1, 2, 4, 5) on Terraform JSON in the shapes HCL converters and modules
// write: blocks as one-element lists, separate rule resources joined by name, dynamic blocks over
// variable defaults, count toggles, references between resources.
import { azurerm, COMPLIANT, NON_COMPLIANT, Resources, UNVERIFIABLE, verdicts, verdictsIn } from './helpers';
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
  const gateway = (o: object, extra: Resources = {}): Resources => ({
    ...extra,
    azurerm_application_gateway: { agw: [{
      name: 'agw', sku: [{ name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }],
      frontend_ip_configuration: [{ name: 'public', public_ip_address_id: '${azurerm_public_ip.agw.id}' }], ...o,
    }] },
  });
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
