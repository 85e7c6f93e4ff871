import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { compliant, failing, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { describePermission, portRange } from '../private/ingress';
import { AMQP, AMQPS, SG_TYPES, EXPLANATION, hasBroker, permissionsOf } from '../private/messaging';
import { findingsResult } from '../private/values';

/**
 * DP.NET.4: no security group rule (ingress or egress) opens plaintext AMQP (5672). The rule judges
 * only what is about message brokers: a permission that opens exactly the AMQP ports (5671, 5672)
 * anywhere, and, in an app with a broker (Amazon MQ, or a network routed over VPC peering), any
 * permission whose range covers 5672. Rules opening every port are left to the perimeter rules; a
 * group that opens no AMQP port is not applicable. Finding: `[PlaintextAmqp]`.
 */
export const SecurityGroupPlaintextAmqp: ResourceRule = {
  name: 'SecurityGroupPlaintextAmqp',
  controlId: 'DP.NET.4',
  resourceTypes: SG_TYPES,
  level: Severity.ERROR,
  info: 'A security group rule allows plaintext AMQP (5672).',
  explanation: EXPLANATION,
  fix: 'Open 5671 (AMQPS) instead of 5672 toward the broker.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const broker = hasBroker(context);
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    for (const rule of permissionsOf(resource, context)) {
      if (rule.unreadable) {
        if (broker) failures.push(unverifiable('a security group rule is an expression the template computes at deployment'));
        continue;
      }
      const range = portRange(rule);
      if (range === undefined) {
        if (broker) failures.push(unverifiable(`${rule.portsUnknown}: it could open plaintext AMQP (5672)`));
        continue;
      }
      if (range === null || range[1] - range[0] >= 65535) continue;
      const exactlyAmqp = range[0] >= AMQPS && range[1] <= AMQP;
      if (!exactlyAmqp && !broker) continue;
      if (range[0] <= AMQP && AMQP <= range[1]) failures.push(failing('PlaintextAmqp', `${describePermission(rule, range)} opens plaintext AMQP (5672)`));
      else if (range[0] <= AMQPS && AMQPS <= range[1]) evidence.push(describePermission(rule, range));
    }
    if (failures.length > 0) return findingsResult(failures);
    return evidence.length > 0 ? compliant(`AMQPS only: ${evidence.join('; ')}`) : NOT_APPLICABLE;
  },
};
