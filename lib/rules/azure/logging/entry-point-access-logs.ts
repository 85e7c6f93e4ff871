import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { categoriesReaching } from '../private/monitoring';

/** The access-log category of each entry point type. */
const ACCESS_LOG: { readonly [type: string]: string } = {
  azurerm_cdn_frontdoor_profile: 'FrontDoorAccessLog',
  azurerm_application_gateway: 'ApplicationGatewayAccessLog',
};

/**
 * DP.LOG.3: every request through an entry point is logged: a diagnostic setting on the Front Door
 * profile sends FrontDoorAccessLog, on an Application Gateway ApplicationGatewayAccessLog (or the
 * `allLogs` group), to a workspace, storage account or event hub.
 */
export const AzureEntryPointAccessLogs: AzureResourceRule = {
  name: 'AzureEntryPointAccessLogs',
  controlId: 'DP.LOG.3',
  resourceTypes: Object.keys(ACCESS_LOG),
  covers: 'Front Door and Application Gateway access logs',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'Requests through this entry point are not logged.',
  explanation: 'DP.LOG.3 promises that edge traffic is logged. Add an azurerm_monitor_diagnostic_setting on the Front Door '
    + 'profile (FrontDoorAccessLog, FrontDoorWebApplicationFirewallLog) or the Application Gateway '
    + '(ApplicationGatewayAccessLog, ApplicationGatewayFirewallLog), or category_group "allLogs", sending to the central '
    + 'workspace (FrontDoorEntryPoint with logs does).',
  fix: 'Send the entry point\'s access log category (or allLogs) to the central workspace.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const coverage = categoriesReaching(resource, context.lookup, [ACCESS_LOG[resource.type]], { groups: ['allLogs'], workspaceOnly: false });
    if ('unknown' in coverage) return unverifiable(coverage.unknown);
    return coverage.covered ? compliant(coverage.detail) : nonCompliant(coverage.why);
  },
};
