import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { isIntrinsic } from './values';

/** One ingress permission, wherever it was declared (inline on the group, or its own resource). */
export interface IngressRule {
  /** The security group the permission opens. */
  readonly group?: ResourceView;
  /** `tcp`, `udp`, `icmp`, `-1` (everything) or a protocol number, lower-cased. */
  readonly protocol: unknown;
  readonly fromPort: unknown;
  readonly toPort: unknown;
  /** IPv4 or IPv6 CIDR source, if the source is a CIDR. */
  readonly cidr: unknown;
  /** Whether the source is another security group or a prefix list rather than a CIDR. */
  readonly nonCidrSource: boolean;
  /** Whether the permission itself is an intrinsic the rule cannot read. */
  readonly unreadable: boolean;
}

function toRule(p: any, group: ResourceView | undefined): IngressRule {
  if (isIntrinsic(p) || typeof p !== 'object' || p === null) {
    return { group, protocol: undefined, fromPort: undefined, toPort: undefined, cidr: undefined, nonCidrSource: false, unreadable: true };
  }
  const cidr = p.CidrIp ?? p.CidrIpv6;
  return {
    group,
    protocol: typeof p.IpProtocol === 'string' ? p.IpProtocol.toLowerCase() : p.IpProtocol,
    fromPort: p.FromPort,
    toPort: p.ToPort,
    cidr,
    nonCidrSource: cidr === undefined && (p.SourceSecurityGroupId !== undefined || p.SourceSecurityGroupName !== undefined
      || p.SourcePrefixListId !== undefined),
    unreadable: false,
  };
}

/**
 * The ingress permissions a resource declares: every inline rule of an AWS::EC2::SecurityGroup, or
 * the single rule of an AWS::EC2::SecurityGroupIngress (with the group it opens, when known).
 */
export function ingressRulesOf(resource: ResourceView, context: RuleContext): IngressRule[] {
  if (resource.type === 'AWS::EC2::SecurityGroup') {
    const inline = resource.properties.SecurityGroupIngress;
    if (inline === undefined) return [];
    if (!Array.isArray(inline)) return [toRule(inline, resource)];
    return inline.map((p) => toRule(p, resource));
  }
  const group = referencedResource(resource.properties.GroupId, resource.stackPath, context.lookup);
  return [toRule(resource.properties, group)];
}

/**
 * The egress permissions a resource declares: every inline egress rule of an AWS::EC2::SecurityGroup,
 * or the single rule of an AWS::EC2::SecurityGroupEgress (whose peer is `DestinationCidrIp` /
 * `DestinationSecurityGroupId`).
 */
export function egressRulesOf(resource: ResourceView, context: RuleContext): IngressRule[] {
  if (resource.type === 'AWS::EC2::SecurityGroup') {
    const inline = resource.properties.SecurityGroupEgress;
    if (inline === undefined) return [];
    if (!Array.isArray(inline)) return [toRule(inline, resource)];
    return inline.map((p: any) => toRule(isIntrinsic(p) ? p : { ...p, SourceSecurityGroupId: p?.DestinationSecurityGroupId,
      SourcePrefixListId: p?.DestinationPrefixListId }, resource));
  }
  const p = resource.properties;
  const group = referencedResource(p.GroupId, resource.stackPath, context.lookup);
  return [toRule({ ...p, CidrIp: p.CidrIp ?? p.DestinationCidrIp, SourceSecurityGroupId: p.DestinationSecurityGroupId,
    SourcePrefixListId: p.DestinationPrefixListId }, group)];
}

/**
 * The port range a permission opens: [from, to], [0, 65535] for all traffic, undefined when a port
 * is unresolved. ICMP and other non-port protocols return null (no TCP/UDP port is opened).
 */
export function portRange(rule: IngressRule): [number, number] | null | undefined {
  const protocol = String(rule.protocol);
  if (protocol === '-1' || protocol === 'all') return [0, 65535];
  if (!['tcp', 'udp', '6', '17'].includes(protocol)) return null;
  const from = Number(rule.fromPort);
  const to = Number(rule.toPort);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return undefined;
  return from === -1 ? [0, 65535] : [from, to];
}
