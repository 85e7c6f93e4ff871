import { AppFinding, AppRule, ResourceView, RuleContext, stackPathsOf } from '../../../cloudformation/model';
import { COMPLIANT, NON_COMPLIANT, Severity, unverifiable } from '../../../core/engine';
import { GLOBAL_ACCELERATOR_SLA, REGIONAL_SLAS, ServiceSla, slaOf } from '../private/sla';
import { Stacks, pct } from '../private/topology';
import { unplacedStacks, workloadPlacement } from '../private/workload';

/**
 * DP.AVL.7: the topology's availability, computed from published SLAs, meets `uptimePercent`. Each
 * resource counts at the tier it earns as configured (a Single-AZ RDS instance at RDS's Single-AZ
 * figure, one task or instance at the single-instance figure).
 * Within a region the services the workload uses are in series (each counted once); regions are in
 * parallel (each runs the workload, traffic fails over between them); a Global Accelerator in front
 * is in series with the regions. The report shows the computation next to the promise.
 */
export const AvailabilityBudget: AppRule = {
  name: 'AvailabilityBudget',
  controlId: 'DP.AVL.7',
  covers: 'computed availability vs `uptimePercent`, each service at the SLA tier it earns: Single-AZ databases and single tasks at the lower figures',
  level: Severity.ERROR,
  info: 'The availability the topology can promise is below the policy\'s uptime.',
  explanation: 'DP.AVL.7 promises the computed availability meets uptimePercent. Add a region behind a Global '
    + 'Accelerator, or use services with higher commitments (Aurora over single RDS, for example).',
  fix: 'Run the workload in a second region behind a GlobalEndpoint, or use services with higher commitments.',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const placement = workloadPlacement(context, stackPathsOf(stacks));
    const groups = [...[...placement.byRegion.entries()].sort(), ...[...placement.byUnplacedStack.entries()].map(([path, rs]) => [`region of ${path}`, rs] as const)];
    if (groups.length === 0 || stacks.length === 0) return [];
    const accelerated = context.lookup.resourcesOfType('AWS::GlobalAccelerator::Accelerator').length > 0;
    const promised = context.policy.uptimePercent / 100;
    const separate = budget(groups, accelerated, context.policy.uptimePercent, context);
    // Stacks without a region may share a region with others: if the budget is met with everything
    // in one region it holds wherever they run; if it fails with each in a region of its own it
    // fails wherever they run; otherwise it depends on where they are deployed.
    if (placement.byUnplacedStack.size === 0 || groups.length === 1) {
      return [{ stackPath: stacks[0].path, result: separate.total >= promised ? COMPLIANT : NON_COMPLIANT, detail: separate.formula }];
    }
    const together = budget([['one region', groups.flatMap(([, rs]) => rs)]], accelerated, context.policy.uptimePercent, context);
    if (together.total >= promised) return [{ stackPath: stacks[0].path, result: COMPLIANT, detail: together.formula }];
    if (separate.total < promised) return [{ stackPath: stacks[0].path, result: NON_COMPLIANT, detail: separate.formula }];
    return [{
      stackPath: stacks[0].path,
      result: unverifiable(`${unplacedStacks(placement)}: in separate regions ${separate.formula}; all in one region ${together.formula}`),
    }];
  },
};

/** The availability of regions in parallel (each the series of its services) behind an optional accelerator, and the computation in words. */
function budget(
  groups: readonly (readonly [string, readonly ResourceView[]])[], accelerated: boolean, promisedPercent: number, context: RuleContext,
): { total: number; formula: string } {
  const parts: string[] = [];
  let allDown = 1;
  for (const [region, resources] of groups) {
    // Each service once, at the lowest tier any of its resources earns (one single-AZ database is enough to lower it).
    const byService = new Map<string, ServiceSla>();
    for (const r of resources) {
      const sla = slaOf(r, context);
      const family = REGIONAL_SLAS[r.type].service;
      const seen = byService.get(family);
      if (!seen || sla.percent < seen.percent) byService.set(family, sla);
    }
    const slas = [...byService.values()];
    const regional = slas.reduce((a, s) => a * (s.percent / 100), 1);
    allDown *= 1 - regional;
    parts.push(`${region}: ${slas.map((s) => `${s.service} ${s.percent}%`).join(' x ')} = ${pct(regional)}`);
  }
  const total = (1 - allDown) * (accelerated ? GLOBAL_ACCELERATOR_SLA.percent / 100 : 1);
  const formula = `${accelerated ? `${GLOBAL_ACCELERATOR_SLA.service} ${GLOBAL_ACCELERATOR_SLA.percent}% x ` : ''}`
    + `${groups.length > 1 ? 'parallel' : 'region'}(${parts.join('; ')}) = ${pct(total)} (promised ${promisedPercent}%)`;
  return { total, formula };
}
