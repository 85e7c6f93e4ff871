import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView, RuleContext } from '../../rule';
import { ipv4Within } from '../private/cidr';
import { egressRulesOf, ingressRulesOf, IngressRule, portRange } from '../private/ingress';
import { referencedResource } from '../private/refs';
import { boolValue, findingsResult, UNVERIFIABLE } from '../private/values';

const AMQP = 5672;
const AMQPS = 5671;
const HTTPS = 443;
const SG_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'];
const EXPLANATION = 'DP.NET.4 promises private message brokers: AMQP over VPC peering or a private broker, '
  + 'AMQPS (5671) only. Use CloudAmqpPeering or PrivateRabbitMq, which do this by default.';

function permissionsOf(resource: ResourceView, context: RuleContext): IngressRule[] {
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') return ingressRulesOf(resource, context);
  if (resource.type === 'AWS::EC2::SecurityGroupEgress') return egressRulesOf(resource, context);
  return [...ingressRulesOf(resource, context), ...egressRulesOf(resource, context)];
}

/**
 * DP.NET.4: an Amazon MQ broker is not publicly accessible and runs as a cluster (RabbitMQ) or an
 * active/standby pair (ActiveMQ). Findings: `[Public]`, `[SingleInstance]`.
 */
export const AmazonMQBrokerPrivate: ResourceRule = {
  name: 'AmazonMQBrokerPrivate',
  controlId: 'DP.NET.4',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  level: NagMessageLevel.ERROR,
  info: 'The message broker is public or runs on a single instance.',
  explanation: EXPLANATION,
  evaluate(resource: ResourceView): NagRuleResult {
    const p = resource.properties;
    const failing: string[] = [];
    const pub = boolValue(p.PubliclyAccessible, false);
    if (pub === undefined) failing.push(UNVERIFIABLE);
    else if (pub) failing.push('Public');
    if (typeof p.DeploymentMode !== 'string') failing.push(UNVERIFIABLE);
    else if (!['CLUSTER_MULTI_AZ', 'ACTIVE_STANDBY_MULTI_AZ'].includes(p.DeploymentMode)) failing.push('SingleInstance');
    return findingsResult(failing);
  },
};

/**
 * DP.NET.4: no security group rule (ingress or egress) opens plaintext AMQP (5672) explicitly.
 * Rules opening every port (protocol -1 or 0-65535) are judged by the perimeter rules, not here.
 */
export const SecurityGroupPlaintextAmqp: ResourceRule = {
  name: 'SecurityGroupPlaintextAmqp',
  controlId: 'DP.NET.4',
  resourceTypes: SG_TYPES,
  level: NagMessageLevel.ERROR,
  info: 'A security group rule allows plaintext AMQP (5672).',
  explanation: EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const failing: string[] = [];
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

/** The CIDR blocks the app routes to VPC peering connections; built once per evaluation. */
function peerCidrs(context: RuleContext): string[] {
  return context.lookup.memo('peer-cidrs', () => context.lookup.resourcesOfType('AWS::EC2::Route')
    .filter((r) => r.properties.VpcPeeringConnectionId !== undefined && typeof r.properties.DestinationCidrBlock === 'string')
    .map((r) => r.properties.DestinationCidrBlock as string));
}

/**
 * DP.NET.4: security group rules toward a peered network (a CIDR the app routes to a VPC peering
 * connection) allow AMQPS (5671) only; HTTPS (443, e.g. the CloudAMQP management API) is a finding
 * of its own to acknowledge. Findings: `[OtherPort]`, `[ManagementApi]`.
 */
export const PeeringTrafficAmqps: ResourceRule = {
  name: 'PeeringTrafficAmqps',
  controlId: 'DP.NET.4',
  resourceTypes: SG_TYPES,
  level: NagMessageLevel.ERROR,
  info: 'A security group allows traffic to or from a peered broker network other than AMQPS.',
  explanation: EXPLANATION + ' Acknowledge [ManagementApi] when HTTPS to the broker\'s management API is intended.',
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const peers = peerCidrs(context);
    if (peers.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    const failing: string[] = [];
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
    if (!towardPeer && failing.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    return findingsResult(failing);
  },
};

/** Route tables with a route to an internet gateway; built once per evaluation. */
function publicRouteTables(context: RuleContext): Set<ResourceView> {
  return context.lookup.memo('public-route-tables', () => {
    const out = new Set<ResourceView>();
    for (const route of context.lookup.resourcesOfType('AWS::EC2::Route')) {
      const gw = route.properties.GatewayId;
      const isIgw = (typeof gw === 'string' && gw.startsWith('igw-'))
        || referencedResource(gw, route.stackPath, context.lookup)?.type === 'AWS::EC2::InternetGateway';
      const table = referencedResource(route.properties.RouteTableId, route.stackPath, context.lookup);
      if (isIgw && table) out.add(table);
    }
    return out;
  });
}

/**
 * DP.NET.4: a route to a VPC peering connection lives only in a private route table (one without
 * a route to an internet gateway).
 */
export const PeeringRoutePrivate: ResourceRule = {
  name: 'PeeringRoutePrivate',
  controlId: 'DP.NET.4',
  resourceTypes: ['AWS::EC2::Route'],
  level: NagMessageLevel.ERROR,
  info: 'A route to the peered broker network leaves from a public route table.',
  explanation: EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    if (resource.properties.VpcPeeringConnectionId === undefined) return NagRuleCompliance.NOT_APPLICABLE;
    const table = referencedResource(resource.properties.RouteTableId, resource.stackPath, context.lookup);
    if (!table) return [UNVERIFIABLE];
    return publicRouteTables(context).has(table) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  },
};
