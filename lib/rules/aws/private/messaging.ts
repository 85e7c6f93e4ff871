import { egressRulesOf, ingressRulesOf, IngressRule } from './ingress';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';

export const AMQP = 5672;

export const AMQPS = 5671;

export const HTTPS = 443;

export const SG_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'];

export const EXPLANATION = 'DP.NET.4 promises private message brokers: AMQP over VPC peering or a private broker, '
  + 'AMQPS (5671) only. Use CloudAmqpPeering or PrivateRabbitMq, which do this by default.';

export function permissionsOf(resource: ResourceView, context: RuleContext): IngressRule[] {
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') return ingressRulesOf(resource, context);
  if (resource.type === 'AWS::EC2::SecurityGroupEgress') return egressRulesOf(resource, context);
  return [...ingressRulesOf(resource, context), ...egressRulesOf(resource, context)];
}

/** The CIDR blocks the app routes to VPC peering connections; built once per evaluation. */
export function peerCidrs(context: RuleContext): string[] {
  return context.lookup.memo('peer-cidrs', () => context.lookup.resourcesOfType('AWS::EC2::Route')
    .filter((r) => r.properties.VpcPeeringConnectionId !== undefined && typeof r.properties.DestinationCidrBlock === 'string')
    .map((r) => r.properties.DestinationCidrBlock as string));
}

/**
 * Whether the app has a message broker for DP.NET.4 to judge: an Amazon MQ broker, or a network
 * it routes to over VPC peering (a hosted broker such as CloudAMQP). Built once per evaluation.
 */
export function hasBroker(context: RuleContext): boolean {
  return context.lookup.memo('has-broker', () => context.lookup.resourcesOfType('AWS::AmazonMQ::Broker').length > 0
    || peerCidrs(context).length > 0);
}

/** Route tables with a route to an internet gateway; built once per evaluation. */
export function publicRouteTables(context: RuleContext): Set<ResourceView> {
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
