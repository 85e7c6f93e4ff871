import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { compliant, failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { ipv4Within } from '../../../facts/cidr';
import { describePermission, portRange } from '../private/ingress';
import { AMQPS, HTTPS, SG_TYPES, EXPLANATION, permissionsOf, peerCidrs } from '../private/messaging';
import { findingsResult } from '../private/values';

/**
 * DP.NET.4: security group rules toward a peered network (a CIDR the app routes to a VPC peering
 * connection) allow AMQPS (5671) only; HTTPS (443, e.g. the CloudAMQP management API) is a finding
 * of its own to acknowledge. Findings: `[OtherPort]`, `[ManagementApi]`.
 */
export const PeeringTrafficAmqps: ResourceRule = {
  name: 'PeeringTrafficAmqps',
  controlId: 'DP.NET.4',
  resourceTypes: SG_TYPES,
  covers: 'rules toward a CIDR routed to a peering connection',
  level: Severity.ERROR,
  info: 'A security group allows traffic to or from a peered broker network other than AMQPS.',
  explanation: EXPLANATION + ' Acknowledge [ManagementApi] when HTTPS to the broker\'s management API is intended.',
  fix: 'Allow only 5671 (AMQPS) toward the peered broker network (CloudAmqpPeering does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const peers = peerCidrs(context);
    if (peers.length === 0) return NOT_APPLICABLE;
    const failing: (string | Verdict)[] = [];
    let towardPeer = false;
    const evidence: string[] = [];
    for (const rule of permissionsOf(resource, context)) {
      if (rule.unreadable) {
        failing.push(unverifiable('a security group rule is an expression the template computes at deployment'));
        continue;
      }
      if (rule.cidr === undefined) {
        if (rule.cidrUnknown) failing.push(unverifiable(`${rule.cidrUnknown}: it may be the peered network`));
        continue;
      }
      if (rule.cidr === '0.0.0.0/0') continue;
      const inside = ipv4Within(rule.cidr, peers);
      if (!inside) continue;
      towardPeer = true;
      const range = portRange(rule);
      if (range === undefined) failing.push(unverifiable(`${rule.portsUnknown} toward the peered network ${rule.cidr}`));
      else if (range && range[0] === AMQPS && range[1] === AMQPS) evidence.push(describePermission(rule, range));
      else if (range && range[0] === HTTPS && range[1] === HTTPS) failing.push(failingVerdict('ManagementApi', `${describePermission(rule, range)}: HTTPS to the broker's management API`));
      else failing.push(failingVerdict('OtherPort', `${describePermission(rule, range)} toward the peered network`));
    }
    if (!towardPeer && failing.length === 0) return NOT_APPLICABLE;
    return failing.length > 0 ? findingsResult(failing) : compliant(`AMQPS only toward the peered network: ${evidence.join('; ')}`);
  },
};
