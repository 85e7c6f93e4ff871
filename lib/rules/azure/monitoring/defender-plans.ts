import { compliant, failing, findingsResult, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { everywhere } from '../private/everywhere';
import { blocks, boolValue, isExpression, mentions, unknownDetail } from '../private/values';

/** The Defender for Cloud plan (`resource_type` of azurerm_security_center_subscription_pricing) that watches each data service. */
export const DEFENDER_PLAN: { readonly [type: string]: string } = {
  azurerm_storage_account: 'StorageAccounts',
  azurerm_postgresql_flexible_server: 'OpenSourceRelationalDatabases',
  azurerm_mysql_flexible_server: 'OpenSourceRelationalDatabases',
  azurerm_mssql_server: 'SqlServers',
  azurerm_cosmosdb_account: 'CosmosDbs',
  azurerm_key_vault: 'KeyVaults',
};

const PRICING = 'azurerm_security_center_subscription_pricing';
const CONTACT = 'azurerm_security_center_contact';
const AUTOMATION = 'azurerm_security_center_automation';


/** The plan type of a pricing resource: `resource_type`, `VirtualMachines` when absent (the provider default). */
function planOf(pricing: TerraformResourceView): unknown {
  return pricing.config.resource_type ?? 'VirtualMachines';
}

/** How Defender alerts reach people: an e-mail contact with alert notifications, or a workflow automation on alerts. */
function alerting(context: AzureRuleContext): { ok?: string; unknown?: string; why: string } {
  const unknowns: string[] = [];
  const off: string[] = [];
  for (const c of everywhere(context.lookup, CONTACT)) {
    const on = boolValue(c.config.alert_notifications, false);
    if (on === undefined) unknowns.push(unknownDetail(c, 'alert_notifications', c.config.alert_notifications));
    else if (!on) off.push(`${c.address} has alert_notifications = false`);
    else if (c.uncertainExistence === undefined) return { ok: `${c.address} e-mails security alerts`, why: '' };
  }
  for (const a of everywhere(context.lookup, AUTOMATION)) {
    const onAlerts = blocks(a.config.source).some((s) => s.event_source === 'Alerts');
    const enabled = boolValue(a.config.enabled, true);
    if (onAlerts && enabled && a.uncertainExistence === undefined) return { ok: `${a.address} forwards security alerts`, why: '' };
  }
  return {
    ...(unknowns.length > 0 ? { unknown: unknowns.join('; ') } : {}),
    why: off.length > 0 ? off.join('; ') : 'no security contact with alert_notifications and no workflow automation on alerts: Defender\'s alerts reach nobody',
  };
}

/**
 * DP.MON.2: security events on the data services are detected and alerted. Each storage account,
 * database server and Key Vault is watched by its Defender for Cloud plan (an
 * `azurerm_security_center_subscription_pricing` with that `resource_type` on the Standard tier;
 * `resource_type` defaults to VirtualMachines, which watches no data service; for storage also a
 * per-account `azurerm_security_center_storage_defender`), and Defender's alerts reach people (a
 * security contact with `alert_notifications = true`, or a workflow automation on alerts). Pricing
 * resources that switch a data plan off and contacts that mute alerts are findings of their own.
 * Findings on data services: `[Plan]`, `[Alerts]`.
 */
export const AzureDefenderPlans: AzureResourceRule = {
  name: 'AzureDefenderPlans',
  controlId: 'DP.MON.2',
  resourceTypes: [...Object.keys(DEFENDER_PLAN), PRICING, CONTACT],
  covers: 'Defender plans for storage, databases and Key Vault; alert notifications',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'Security events on this data service are not detected by Defender for Cloud, or its alerts reach nobody.',
  explanation: 'DP.MON.2 promises that security events are detected automatically and alert the team. Add an '
    + 'azurerm_security_center_subscription_pricing on tier "Standard" for each of StorageAccounts, '
    + 'OpenSourceRelationalDatabases (or SqlServers, CosmosDbs) and KeyVaults, and an azurerm_security_center_contact with '
    + 'alert_notifications = true (DefenderForCloud does both). Plans are per subscription: a plan managed elsewhere needs '
    + 'an acknowledgement naming where.',
  fix: 'Turn on the Defender plan of the resource type (tier "Standard") and a security contact with alert_notifications = true.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === PRICING) {
      const plan = planOf(resource);
      if (isExpression(plan)) return unverifiable(unknownDetail(resource, 'resource_type', plan));
      if (!Object.values(DEFENDER_PLAN).includes(String(plan))) return NOT_APPLICABLE;
      const tier = resource.config.tier;
      if (isExpression(tier)) return unverifiable(unknownDetail(resource, 'tier', tier));
      return tier === 'Standard' ? compliant(`Defender for ${plan} on`) : nonCompliant(`Defender for ${plan} is switched off (tier = ${JSON.stringify(tier)})`);
    }
    if (resource.type === CONTACT) {
      const on = boolValue(resource.config.alert_notifications, false);
      if (on === undefined) return unverifiable(unknownDetail(resource, 'alert_notifications', resource.config.alert_notifications));
      return on ? compliant('security alerts are e-mailed') : nonCompliant('alert_notifications = false: security alerts are not e-mailed');
    }
    const wanted = DEFENDER_PLAN[resource.type];
    const failures: Verdict[] = [];
    const pricings = everywhere(context.lookup, PRICING);
    const unknown = pricings.find((p) => isExpression(planOf(p)) || (planOf(p) === wanted && isExpression(p.config.tier)));
    const on = pricings.find((p) => planOf(p) === wanted && p.config.tier === 'Standard' && p.uncertainExistence === undefined);
    const perAccount = resource.type === 'azurerm_storage_account'
      && everywhere(context.lookup, 'azurerm_security_center_storage_defender').some((d) => mentions(d.config.storage_account_id, resource) && d.uncertainExistence === undefined);
    let planDetail = '';
    if (on) {
      planDetail = `${on.address} (${wanted}, Standard)`;
    } else if (perAccount) {
      planDetail = 'Defender for Storage on the account';
    } else if (unknown) {
      failures.push(unverifiable(unknown.uncertainExistence ?? unknownDetail(unknown, 'resource_type', planOf(unknown))));
    } else {
      const off = pricings.find((p) => planOf(p) === wanted);
      failures.push(failing('Plan', off ? `${off.address} keeps Defender for ${wanted} on tier ${JSON.stringify(off.config.tier)}`
        : `no Defender for Cloud plan for ${wanted} (azurerm_security_center_subscription_pricing resource_type = "${wanted}", tier "Standard")`));
    }
    const alerts = alerting(context);
    if (!alerts.ok) failures.push(alerts.unknown ? unverifiable(alerts.unknown) : failing('Alerts', alerts.why));
    if (failures.length > 0) return findingsResult(failures);
    return compliant(`${planDetail}; ${alerts.ok}`);
  },
};
