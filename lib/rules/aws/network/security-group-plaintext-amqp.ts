import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { portRange } from '../private/ingress';
import { findingsResult, UNVERIFIABLE } from '../private/values';
import { AMQP, SG_TYPES, EXPLANATION, permissionsOf } from '../private/messaging';

/**
 * DP.NET.4: no security group rule (ingress or egress) opens plaintext AMQP (5672) explicitly.
 * Rules opening every port (protocol -1 or 0-65535) are judged by the perimeter rules, not here.
 */
export const SecurityGroupPlaintextAmqp: ResourceRule = {
  name: 'SecurityGroupPlaintextAmqp',
  controlId: 'DP.NET.4',
  resourceTypes: SG_TYPES,
  level: Severity.ERROR,
  info: 'A security group rule allows plaintext AMQP (5672).',
  explanation: EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failing: (string | Verdict)[] = [];
    for (const rule of permissionsOf(resource, context)) {
      if (rule.unreadable) {
        failing.push(UNVERIFIABLE);
        continue;
      }
      const range = portRange(rule);
      if (range === undefined) failing.push(UNVERIFIABLE);
      else if (range && range[1] - range[0] < 65535 && range[0] <= AMQP && AMQP <= range[1]) failing.push('PlaintextAmqp');
    }
    return findingsResult(failing);
  },
};
