import { COMPLIANT, NON_COMPLIANT, Severity } from '../../../core/engine';
import { AppFinding, AppRule, RuleContext } from '../../../cloudformation/model';
import { GLOBAL_ACCELERATOR_SLA, REGIONAL_SLAS } from '../private/sla';
import { workloadByRegion } from '../private/workload';
import { Stacks, pct } from '../private/topology';

/**
 * DP.AVL.7: the topology's availability, computed from published SLAs, meets `uptimePercent`.
 * Within a region the services the workload uses are in series (each counted once); regions are in
 * parallel (each runs the workload, traffic fails over between them); a Global Accelerator in front
 * is in series with the regions. The report shows the computation next to the promise.
 */
export const AvailabilityBudget: AppRule = {
  name: 'AvailabilityBudget',
  controlId: 'DP.AVL.7',
  covers: 'computed availability vs `uptimePercent`',
  level: Severity.ERROR,
  info: 'The availability the topology can promise is below the policy\'s uptime.',
  explanation: 'DP.AVL.7 promises the computed availability meets uptimePercent. Add a region behind a Global '
    + 'Accelerator, or use services with higher commitments (Aurora over single RDS, for example).',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const byRegion = workloadByRegion(context, new Set(stacks.map((s) => s.path)));
    if (byRegion.size === 0 || stacks.length === 0) return [];
    const parts: string[] = [];
    let allDown = 1;
    for (const [region, resources] of [...byRegion.entries()].sort()) {
      const slas = [...new Map(resources.map((r) => [REGIONAL_SLAS[r.type].service, REGIONAL_SLAS[r.type]])).values()];
      const regional = slas.reduce((a, s) => a * (s.percent / 100), 1);
      allDown *= 1 - regional;
      parts.push(`${region || '(unknown)'}: ${slas.map((s) => `${s.service} ${s.percent}%`).join(' x ')} = ${pct(regional)}`);
    }
    const accelerated = context.lookup.resourcesOfType('AWS::GlobalAccelerator::Accelerator').length > 0;
    const total = (1 - allDown) * (accelerated ? GLOBAL_ACCELERATOR_SLA.percent / 100 : 1);
    const promised = context.policy.uptimePercent / 100;
    const formula = `${accelerated ? `${GLOBAL_ACCELERATOR_SLA.service} ${GLOBAL_ACCELERATOR_SLA.percent}% x ` : ''}`
      + `${byRegion.size > 1 ? 'parallel' : 'region'}(${parts.join('; ')}) = ${pct(total)} (promised ${context.policy.uptimePercent}%)`;
    return [{ stackPath: stacks[0].path, result: total >= promised ? COMPLIANT : NON_COMPLIANT, detail: formula }];
  },
};
