import { NOT_APPLICABLE, RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { ipv4Within } from '../../../facts/cidr';
import { portRange } from '../private/ingress';
import { findingsResult, UNVERIFIABLE } from '../private/values';
import { AMQPS, HTTPS, SG_TYPES, EXPLANATION, permissionsOf, peerCidrs } from '../private/messaging';

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
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const peers = peerCidrs(context);
    if (peers.length === 0) return NOT_APPLICABLE;
    const failing: (string | Verdict)[] = [];
    let towardPeer = false;
    for (const rule of permissionsOf(resource, context)) {
      if (rule.unreadable) {
        failing.push(UNVERIFIABLE);
        continue;
      }
      if (typeof rule.cidr !== 'string' || rule.cidr === '0.0.0.0/0') continue;
      const inside = ipv4Within(rule.cidr, peers);
      if (!inside) continue;
      towardPeer = true;
      const range = portRange(rule);
      if (range === undefined) failing.push(UNVERIFIABLE);
      else if (range && range[0] === AMQPS && range[1] === AMQPS) continue;
      else if (range && range[0] === HTTPS && range[1] === HTTPS) failing.push('ManagementApi');
      else failing.push('OtherPort');
    }
    if (!towardPeer && failing.length === 0) return NOT_APPLICABLE;
    return findingsResult(failing);
  },
};
