import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { APP_TYPES, availabilityBudget, DATA_TYPES, ENTRY_TYPES, GATEWAY_TYPES } from '../private/budget';

/** The resource of a configuration the budget is reported on: its first entry point, else its first compute, else its first data service. */
function anchorOf(context: AzureRuleContext): TerraformResourceView | undefined {
  for (const types of [ENTRY_TYPES, APP_TYPES, GATEWAY_TYPES, DATA_TYPES]) {
    for (const type of types) {
      const found = context.lookup.ofType(type).find((r) => r.uncertainExistence === undefined);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * DP.AVL.7: the availability the topology's published Azure SLAs allow meets `uptimePercent`.
 * Within a region the services the workload uses are in series (each counted once); regions that
 * run the workload are in parallel behind the entry point, which is in series with them; a data
 * service some region can only reach elsewhere is in series too. One finding per configuration, on
 * its entry point (else its first compute or data service), with the formula, which the report shows
 * under Topology. The SLA figures are in lib/facts/azure-slas.ts.
 */
export const AzureAvailabilityBudget: AzureResourceRule = {
  name: 'AzureAvailabilityBudget',
  controlId: 'DP.AVL.7',
  resourceTypes: [...ENTRY_TYPES, ...APP_TYPES, ...GATEWAY_TYPES, ...DATA_TYPES],
  covers: 'computed availability from published SLAs vs `uptimePercent`',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'The availability the topology can promise is below the policy\'s uptime.',
  explanation: 'DP.AVL.7 promises that the computed availability meets uptimePercent. Run the application tier in a second '
    + 'region behind Front Door, and use configurations with higher commitments (zone-redundant HA PostgreSQL 99.99% over '
    + 'no HA 99.9%; RA-GZRS storage, whose read-access copy serves the paired region).',
  fix: 'Add a region behind the entry point or use services with higher SLAs until the formula reaches uptimePercent.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (anchorOf(context) !== resource) return NOT_APPLICABLE;
    const budget = availabilityBudget(context.lookup);
    if (!budget) return NOT_APPLICABLE;
    if ('unknown' in budget) return unverifiable(budget.unknown);
    const promised = context.policy.uptimePercent;
    const detail = `${budget.formula} (promised ${promised}%)`;
    // Products of percentages carry rounding noise in the last digits.
    return budget.availability >= promised / 100 - 1e-12 ? compliant(detail) : nonCompliant(detail);
  },
};
