import { AppFinding, AppRule, RuleContext, stackPathsOf } from '../../../cloudformation/model';
import { compliant, nonCompliant, Severity, unverifiable } from '../../../core/engine';
import { Stacks } from '../private/topology';
import { unplacedStacks, workloadPlacement } from '../private/workload';

/**
 * DP.AVL.2: the workload (load balancers, services, databases, tables, data buckets) runs in at
 * least `regionCount` regions. Stacks without an explicit region are counted as possibly one more
 * region each: unverifiable when the promise depends on them.
 */
export const MultiRegionWorkload: AppRule = {
  name: 'MultiRegionWorkload',
  controlId: 'DP.AVL.2',
  covers: 'regions running load balancers, services, functions, APIs, databases, tables, data buckets; stacks without an explicit region may be one more',
  level: Severity.ERROR,
  info: 'The workload runs in fewer regions than the policy promises.',
  explanation: 'DP.AVL.2 promises the workload in at least regionCount regions. Deploy the regional stacks in '
    + 'that many regions and front them with a GlobalEndpoint.',
  fix: 'Deploy the regional stacks (with explicit env regions) to regionCount regions, e.g. with MultiRegionDeployment.',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const placement = workloadPlacement(context, stackPathsOf(stacks));
    const known = placement.byRegion.size;
    const unplaced = placement.byUnplacedStack.size;
    if (known + unplaced === 0 || stacks.length === 0) return [];
    const promised = context.policy.regionCount;
    const regions = [...placement.byRegion.keys()].sort();
    const detail = `workload regions: ${[...regions, ...(unplaced > 0 ? [`${unplaced} stack(s) without an explicit region`] : [])].join(', ')} (promised: ${promised})`;
    // Stacks without a region may share one with each other or with a known region, or not.
    if (known >= promised) return [{ stackPath: stacks[0].path, result: compliant(detail) }];
    if (known + unplaced < promised) return [{ stackPath: stacks[0].path, result: nonCompliant(detail) }];
    return [{ stackPath: stacks[0].path, result: unverifiable(`${unplacedStacks(placement)} may run in ${promised - known} more region(s) or not; ${detail}`) }];
  },
};
