import { COMPLIANT, NON_COMPLIANT, Severity } from '../../../core/engine';
import { AppFinding, AppRule, RuleContext } from '../../../cloudformation/model';
import { workloadByRegion } from '../private/workload';
import { Stacks } from '../private/topology';

/**
 * DP.AVL.2: the workload (load balancers, services, databases, tables, data buckets) runs in at
 * least `regionCount` regions.
 */
export const MultiRegionWorkload: AppRule = {
  name: 'MultiRegionWorkload',
  controlId: 'DP.AVL.2',
  covers: 'regions running load balancers, services, databases, tables, data buckets',
  level: Severity.ERROR,
  info: 'The workload runs in fewer regions than the policy promises.',
  explanation: 'DP.AVL.2 promises the workload in at least regionCount regions. Deploy the regional stacks in '
    + 'that many regions and front them with a GlobalEndpoint.',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const byRegion = workloadByRegion(context, new Set(stacks.map((s) => s.path)));
    if (byRegion.size === 0 || stacks.length === 0) return [];
    const regions = [...byRegion.keys()].map((r) => r || '(unknown)').sort();
    return [{
      stackPath: stacks[0].path,
      result: byRegion.size >= context.policy.regionCount ? COMPLIANT : NON_COMPLIANT,
      detail: `workload regions: ${regions.join(', ')} (promised: ${context.policy.regionCount})`,
    }];
  },
};
