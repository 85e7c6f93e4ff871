import { AppFinding, AppRule, RuleContext, stackPathsOf } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, NON_COMPLIANT, Severity, unverifiable } from '../../../core/engine';
import { boolValue } from '../private/values';

/**
 * DP.LOG.1: the app has an audit trail: at least one multi-region CloudTrail trail among the
 * evaluated stacks. Reported on the first stack when there is none (acknowledge there if the
 * organization's trail lives in another account).
 */
export const AuditTrailPresent: AppRule = {
  name: 'AuditTrailPresent',
  controlId: 'DP.LOG.1',
  level: Severity.ERROR,
  info: 'The app has no multi-region audit trail.',
  explanation: 'DP.LOG.1 promises a multi-region audit trail. Add an AuditTrail, or acknowledge this finding '
    + 'on the stack with the name of the organization trail that already records this account.',
  fix: 'Add an AuditTrail (multi-region), or acknowledge on the stack naming the organization trail.',
  evaluate(context: RuleContext, stacks): AppFinding[] {
    const paths = stackPathsOf(stacks);
    const trails = context.lookup.resourcesOfType('AWS::CloudTrail::Trail').filter((t) => paths.has(t.stackPath));
    const flags = trails.map((t) => ({ trail: t, flag: resolveValue(t.properties.IsMultiRegionTrail, t.stackPath, context.lookup) }));
    const multiRegion = flags.filter(({ flag }) => flag.known && boolValue(flag.value, false) === true);
    if (multiRegion.length > 0) return multiRegion.map(({ trail }) => ({ resource: trail, result: compliant('a multi-region trail') }));
    if (stacks.length === 0) return [];
    const unknown = flags.find(({ flag }) => !flag.known);
    if (unknown) return [{ resource: unknown.trail, result: unverifiable(`IsMultiRegionTrail is ${unknown.flag.why}`) }];
    return [{ stackPath: stacks[0].path, result: NON_COMPLIANT, detail: `${trails.length} trail(s), none multi-region` }];
  },
};
