import { runTerraform } from '../../../lib/checks/terraform';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { FindingStatus } from '../../../lib/core/report/model';
import { AZURE_RULES } from '../../../lib/rules/azure';
import { pinFindings } from '../../meta/pinned-findings';
import { recordOutcomes } from '../../meta/rule-outcomes';

/** Every control promised, with a data end of life so DP.DAT.1 applies. */
export const ALL = new DataProtectionPolicy({ dataEndOfLifeDays: 730, regionCount: 1 });

/** Resources as Terraform JSON writes them: { type: { name: config } }. */
export type Resources = { [type: string]: { [name: string]: any } };

/**
 * The statuses one rule gives one resource, e.g. ['compliant'] or ['non-compliant'], with the
 * `[Unverifiable]` suffix kept: 'non-compliant[Unverifiable]'. Empty when not applicable.
 */
export function verdicts(rule: string, resources: Resources, address: string, policy = ALL): string[] {
  return verdictsIn(rule, { resource: resources }, address, policy);
}

/** `verdicts` on a whole configuration (with `terraform`, `variable`, `locals` blocks). */
export function verdictsIn(rule: string, config: { [key: string]: any }, address: string, policy = ALL): string[] {
  return findingsIn(rule, config, address, policy).map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}`);
}

/**
 * The findings one rule gives one resource of a configuration (not-applicable ones left out); records the outcomes.
 * Only that rule runs: what the others say is not this test's subject, and running every rule made every test
 * cover every rule, so the mutation run tried each mutant of a rule against all Azure tests.
 */
export function findingsIn(rule: string, config: { [key: string]: any }, address: string, policy = ALL) {
  const rules = AZURE_RULES.filter((r) => r.name === rule);
  if (rules.length !== 1) throw new Error(`No Azure rule named ${rule}`);
  const { findings } = runTerraform([{ name: 'S', config }], { policy }, rules);
  const out = findings
    .filter((f) => f.logicalId === address && f.ruleId.startsWith(`DataProtection-${rule}`) && f.status !== FindingStatus.NOT_APPLICABLE);
  recordOutcomes(rule, out.map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}`));
  pinFindings(rule, out);
  return out;
}

/** A `terraform { required_providers }` block pinning azurerm. */
export function azurerm(constraint: string): { [key: string]: any } {
  return { terraform: [{ required_providers: [{ azurerm: { source: 'hashicorp/azurerm', version: constraint } }] }] };
}

export const COMPLIANT = [FindingStatus.COMPLIANT as string];
export const NON_COMPLIANT = [FindingStatus.NON_COMPLIANT as string];
export const UNVERIFIABLE = [`${FindingStatus.NON_COMPLIANT}[Unverifiable]`];

/** A secure storage account, to vary one argument at a time. */
export function storage(overrides: { [k: string]: any } = {}): Resources {
  return {
    azurerm_storage_account: {
      sa: {
        account_replication_type: 'RAGZRS',
        min_tls_version: 'TLS1_2',
        infrastructure_encryption_enabled: true,
        allow_nested_items_to_be_public: false,
        customer_managed_key: { key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}', user_assigned_identity_id: 'x' },
        blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 7 }, container_delete_retention_policy: { days: 7 } },
        ...overrides,
      },
    },
  };
}

/** Each finding of one rule on one resource as `status[suffix]: detail`, so that branches reaching the same status are told apart. */
export function said(rule: string, resources: Resources, address: string, policy?: DataProtectionPolicy, config: object = {}): string[] {
  return findingsIn(rule, { ...config, resource: resources }, address, policy).map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}: ${f.detail}`);
}

/** `variable` blocks without default, to declare the variables a case references. */
export function declared(...names: string[]): { variable: { [name: string]: object } } {
  return { variable: Object.fromEntries(names.map((n) => [n, {}])) };
}

/** An Application Gateway `agw` with a WAF_v2 SKU and a public frontend, `o` over its arguments, beside `extra` resources. */
export function wafGateway(o: object, extra: Resources = {}): Resources {
  return {
    ...extra,
    azurerm_application_gateway: { agw: [{
      name: 'agw', sku: [{ name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }],
      frontend_ip_configuration: [{ name: 'public', public_ip_address_id: '${azurerm_public_ip.agw.id}' }], ...o,
    }] },
  };
}
