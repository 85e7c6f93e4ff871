import { block, isExpression, mentions, referrersOfType, settingFlag, unknownDetail } from './values';
import { Outcome, RuleResult, verdictsOf } from '../../../core/engine/verdict';
import { AzurermSetting } from '../../../terraform/azurerm-schema';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

const PUBLIC_ACCESS: { readonly [type: string]: AzurermSetting } = {
  azurerm_storage_account: 'storagePublicNetworkAccess',
  azurerm_key_vault: 'keyVaultPublicNetworkAccess',
  azurerm_postgresql_flexible_server: 'postgresPublicNetworkAccess',
};

/** What closes the public endpoint of a data service, in words, or why it is open or unknown. */
export type PublicEndpoint = { closed: true; how: string } | { closed: false; why: string } | { unknown: string };

/**
 * Whether the public endpoint of a storage account, Key Vault or PostgreSQL server is closed:
 * public network access off; or, for storage and Key Vault, a firewall that denies by default
 * (inline `network_rules` / `network_acls`, or a separate `azurerm_storage_account_network_rules`);
 * or, for PostgreSQL, injection into a delegated subnet (Azure then allows no public access).
 */
export function publicEndpoint(resource: TerraformResourceView, lookup: TerraformLookup): PublicEndpoint {
  const flag = settingFlag(resource, PUBLIC_ACCESS[resource.type], false);
  const verdicts = verdictsOf(flag as RuleResult);
  const detail = verdicts.map((v) => v.detail).filter((d) => d).join('; ');
  if (verdicts.every((v) => v.outcome === Outcome.COMPLIANT)) return { closed: true, how: detail || 'public network access off' };
  if (resource.type === 'azurerm_postgresql_flexible_server') {
    const subnet = resource.config.delegated_subnet_id;
    if (subnet !== undefined && subnet !== null && subnet !== '') return { closed: true, how: 'injected into a delegated subnet' };
  }
  const firewall = firewallOf(resource, lookup);
  if (firewall && 'unknown' in firewall) return firewall;
  if (firewall && firewall.action === 'Deny') return { closed: true, how: `${firewall.where}.default_action = "Deny"` };
  if (verdicts.some((v) => v.outcome === Outcome.UNVERIFIABLE)) return { unknown: detail };
  const open = firewall ? `${firewall.where}.default_action = ${JSON.stringify(firewall.action)}` : (resource.type === 'azurerm_postgresql_flexible_server' ? '' : 'no firewall denies by default');
  return { closed: false, why: [detail, open].filter((d) => d).join('; ') };
}

function firewallOf(resource: TerraformResourceView, lookup: TerraformLookup): { action: unknown; where: string } | { unknown: string } | undefined {
  if (resource.type === 'azurerm_key_vault') return read(resource, 'network_acls');
  if (resource.type !== 'azurerm_storage_account') return undefined;
  const separate = referrersOfType(resource, ['azurerm_storage_account_network_rules'], lookup)
    .filter((r) => mentions(r.config.storage_account_id, resource) && r.uncertainExistence === undefined);
  if (separate.length > 0) {
    const action = separate[0].config.default_action;
    if (isExpression(action)) return { unknown: unknownDetail(separate[0], 'default_action', action) };
    return { action, where: separate[0].address };
  }
  return read(resource, 'network_rules');
}

function read(resource: TerraformResourceView, name: string): { action: unknown; where: string } | { unknown: string } | undefined {
  const raw = resource.config[name];
  if (isExpression(raw)) return { unknown: unknownDetail(resource, name, raw) };
  const b = block(raw);
  if (!b) return undefined;
  if (isExpression(b.default_action)) return { unknown: unknownDetail(resource, `${name}.default_action`, b.default_action) };
  return { action: b.default_action, where: name };
}
