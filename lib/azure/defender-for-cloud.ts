import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { SecurityCenterAutomation } from '@cdktf/provider-azurerm/lib/security-center-automation';
import { SecurityCenterContact } from '@cdktf/provider-azurerm/lib/security-center-contact';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { Construct } from 'constructs';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { logAlert } from './private/monitoring';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** The Defender for Cloud plans that watch the data services of this library, with their sub-plans. */
const PLANS: readonly { readonly resourceType: string; readonly subplan?: string }[] = [
  { resourceType: 'StorageAccounts', subplan: 'DefenderForStorageV2' },
  { resourceType: 'OpenSourceRelationalDatabases' },
  { resourceType: 'KeyVaults', subplan: 'PerKeyVault' },
];

/** Props of `DefenderForCloud`. */
export interface DefenderForCloudProps {
  /**
   * The policy: allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region of the alert export. */
  readonly placement: AzurePlacement;
  /** Who receives Defender's security alerts by e-mail (at least one). */
  readonly emailAddresses: string[];
  /**
   * Workspace that receives every security alert, with a log alert paging its action group.
   * @default - e-mail only
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * Automated detection of security events on the data services (DP.MON.2): Defender for Cloud on
 * the Standard tier for storage accounts (with malware scanning and sensitive-data threat
 * detection: DefenderForStorageV2), open-source relational databases and Key Vaults, alert e-mails
 * to the security contact, and, with `logs`, every alert exported to the central workspace where a
 * log alert pages the operations team. Plans are per subscription: one per subscription.
 */
export class DefenderForCloud extends Construct {
  /** The plans, by resource type. */
  public readonly plans: SecurityCenterSubscriptionPricing[];

  constructor(scope: Construct, id: string, props: DefenderForCloudProps) {
    const errors = new PropErrors('DefenderForCloud', `${scope.node.path}/${id}`);
    errors.check(props.emailAddresses.length > 0 && props.emailAddresses.every((e) => /^[^@\s]+@[^@\s]+$/.test(e)),
      'emailAddresses', props.emailAddresses, 'at least one e-mail address');
    checkRegion(errors, 'placement.location', props.placement.location, props.policy ?? DataProtectionPolicy.of(scope));
    errors.throwIfAny();
    super(scope, id);
    this.plans = PLANS.map((p) => new SecurityCenterSubscriptionPricing(this, p.resourceType, {
      tier: 'Standard', resourceType: p.resourceType, ...(p.subplan ? { subplan: p.subplan } : {}),
    }));
    new SecurityCenterContact(this, 'Contact', {
      name: 'security',
      email: props.emailAddresses.join(';'),
      alertNotifications: true,
      alertsToAdmins: true,
    });
    if (props.logs) {
      const logs = props.logs.bind(this);
      const client = new DataAzurermClientConfig(this, 'Client');
      new SecurityCenterAutomation(this, 'ExportAlerts', {
        name: `${id.toLowerCase()}-alerts-to-workspace`,
        location: props.placement.location,
        resourceGroupName: props.placement.resourceGroupName,
        scopes: [`/subscriptions/${client.subscriptionId}`],
        source: [{ eventSource: 'Alerts' }],
        action: [{ type: 'loganalytics', resourceId: logs.workspaceId }],
      });
      logAlert(this, 'SecurityAlerts', logs, `${id.toLowerCase()}-security-alerts`,
        'Defender for Cloud raised a security alert on a data service.',
        'SecurityAlert | where AlertSeverity in ("High", "Medium") | summarize alerts = count() by AlertName, CompromisedEntity');
    }
  }
}
