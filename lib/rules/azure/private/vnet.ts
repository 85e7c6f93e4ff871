import { blocks, isExpression, referencedResource } from './values';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** The subnet IDs a resource is placed in (gateway, Bastion, NIC and private endpoint IP configurations). */
export function subnetIdsOf(resource: TerraformResourceView): unknown[] {
  const c = resource.config;
  const ids: unknown[] = [];
  if (c.subnet_id !== undefined) ids.push(c.subnet_id);
  for (const name of ['gateway_ip_configuration', 'ip_configuration']) {
    for (const b of blocks(c[name])) if (b.subnet_id !== undefined) ids.push(b.subnet_id);
  }
  if (c.infrastructure_subnet_id !== undefined) ids.push(c.infrastructure_subnet_id);
  return ids;
}

/**
 * The virtual network of a subnet ID: through the `azurerm_subnet` it references (joined to its
 * VNet by `virtual_network_name`), or the VNet named in a literal subnet ID.
 */
export function vnetOfSubnetId(id: unknown, lookup: TerraformLookup): TerraformResourceView | undefined {
  const subnet = referencedResource(id, lookup);
  if (subnet?.type === 'azurerm_subnet') return vnetOfSubnet(subnet, lookup);
  if (subnet?.type === 'azurerm_virtual_network') return subnet;
  if (typeof id === 'string' && !isExpression(id)) {
    const m = /\/virtualNetworks\/([^/]+)\/subnets\//i.exec(id);
    if (m) return lookup.ofType('azurerm_virtual_network').find((v) => v.config.name === m[1]);
  }
  return undefined;
}

/** The VNet an `azurerm_subnet` belongs to (by reference, else by literal name and resource group). */
export function vnetOfSubnet(subnet: TerraformResourceView, lookup: TerraformLookup): TerraformResourceView | undefined {
  const vnets = lookup.ofType('azurerm_virtual_network');
  const byRef = vnets.find((v) => subnet.references?.has(v.address));
  if (byRef) return byRef;
  const name = subnet.config.virtual_network_name;
  return vnets.find((v) => v.config.name === name && (subnet.config.resource_group_name === undefined
    || v.config.resource_group_name === undefined || v.config.resource_group_name === subnet.config.resource_group_name));
}

/** The subnets of a VNet: separate `azurerm_subnet` resources joined to it. */
export function subnetsOf(vnet: TerraformResourceView, lookup: TerraformLookup): TerraformResourceView[] {
  return lookup.ofType('azurerm_subnet').filter((s) => vnetOfSubnet(s, lookup) === vnet);
}
