import { AppFinding, AppRule, RuleContext, stackPathsOf } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, NON_COMPLIANT, nonCompliant, Severity, unverifiable } from '../../../core/engine';
import { Stacks } from '../private/topology';
import { unplacedStacks, workloadPlacement } from '../private/workload';

/**
 * DP.NET.3: a Global Accelerator fronts the workload with an endpoint group in every region that runs
 * it. Reported on the accelerator, or on the first stack when there is none.
 */
export const AcceleratorCoverage: AppRule = {
  name: 'AcceleratorCoverage',
  controlId: 'DP.NET.3',
  covers: 'an endpoint group in every workload region',
  level: Severity.ERROR,
  info: 'The workload is not fronted by a Global Accelerator in every region it runs in.',
  explanation: 'DP.NET.3 promises a Global Accelerator with an endpoint group in every workload region. Add a '
    + 'GlobalEndpoint and addRegion() for each region.',
  fix: 'Front the workload with a GlobalEndpoint and addRegion() for every region it runs in.',
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const placement = workloadPlacement(context, stackPathsOf(stacks));
    if (placement.byRegion.size + placement.byUnplacedStack.size === 0 || stacks.length === 0) return [];
    const accelerators = context.lookup.resourcesOfType('AWS::GlobalAccelerator::Accelerator');
    if (accelerators.length === 0) return [{ stackPath: stacks[0].path, result: NON_COMPLIANT, detail: 'no accelerator' }];
    const covered = new Set<string>();
    let unknownGroup: string | undefined;
    for (const g of context.lookup.resourcesOfType('AWS::GlobalAccelerator::EndpointGroup')) {
      const region = resolveValue(g.properties.EndpointGroupRegion, g.stackPath, context.lookup);
      if (region.known && typeof region.value === 'string') covered.add(region.value);
      else unknownGroup = unknownGroup ?? `EndpointGroupRegion of ${g.logicalId} is ${region.why ?? 'not a region name'}`;
    }
    const missing = [...placement.byRegion.keys()].filter((r) => !covered.has(r));
    const result = (() => {
      if (missing.length > 0 && !unknownGroup) return nonCompliant(`no endpoint group in ${missing.join(', ')}`);
      if (missing.length > 0) return unverifiable(`${unknownGroup}; no other endpoint group covers ${missing.join(', ')}`);
      if (placement.byUnplacedStack.size > 0) return unverifiable(`${unplacedStacks(placement)}: whether an endpoint group covers their region is known only at deployment`);
      return compliant(`endpoint groups in ${[...covered].sort().join(', ')}`);
    })();
    return accelerators.map((a) => ({ resource: a, result }));
  },
};
