import { COMPLIANT, NON_COMPLIANT, Severity } from '../../../core/engine';
import { AppFinding, AppRule, RuleContext } from '../../../cloudformation/model';
import { workloadByRegion } from '../private/workload';
import { Stacks } from '../private/topology';

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
  evaluate(context: RuleContext, stacks: Stacks): AppFinding[] {
    const byRegion = workloadByRegion(context, new Set(stacks.map((s) => s.path)));
    if (byRegion.size === 0 || stacks.length === 0) return [];
    const accelerators = context.lookup.resourcesOfType('AWS::GlobalAccelerator::Accelerator');
    if (accelerators.length === 0) return [{ stackPath: stacks[0].path, result: NON_COMPLIANT, detail: 'no accelerator' }];
    const covered = new Set(context.lookup.resourcesOfType('AWS::GlobalAccelerator::EndpointGroup').map((g) => g.properties.EndpointGroupRegion));
    const missing = [...byRegion.keys()].filter((r) => !covered.has(r));
    return accelerators.map((a) => ({
      resource: a,
      result: missing.length === 0 ? COMPLIANT : NON_COMPLIANT,
      detail: missing.length === 0 ? `endpoint groups in ${[...covered].sort().join(', ')}` : `no endpoint group in ${missing.join(', ')}`,
    }));
  },
};
