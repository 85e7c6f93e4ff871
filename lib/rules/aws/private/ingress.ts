import { isIntrinsic } from './values';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';

/** One ingress (or egress) permission, wherever it was declared, with its values resolved. */
export interface IngressRule {
  /** The security group the permission opens. */
  readonly group?: ResourceView;
  /** `tcp`, `udp`, `icmp`, `-1` (everything) or a protocol number, lower-cased; undefined when unknown. */
  readonly protocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** IPv4 or IPv6 CIDR peer, resolved; undefined when the peer is not a CIDR or is unknown. */
  readonly cidr?: string;
  /** Whether the peer is another security group or a prefix list rather than a CIDR. */
  readonly nonCidrSource: boolean;
  /** Whether the permission itself is an intrinsic the rule cannot read. */
  readonly unreadable: boolean;
  /** Why the CIDR is not known (names the value and where it comes from). */
  readonly cidrUnknown?: string;
  /** Why the protocol or a port is not known. */
  readonly portsUnknown?: string;
  /** Where resolved values came from, when not literals ("the default of parameter OpsCidr"). */
  readonly via: readonly string[];
}

function toRule(p: any, group: ResourceView | undefined, stackPath: string, context: RuleContext): IngressRule {
  if (isIntrinsic(p) || typeof p !== 'object' || p === null) {
    return { group, nonCidrSource: false, unreadable: true, via: [] };
  }
  const via: string[] = [];
  const field = (name: string): { value?: unknown; why?: string } => {
    if (p[name] === undefined) return {};
    const r = resolveValue(p[name], stackPath, context.lookup);
    if (!r.known) return { why: `${name} is ${r.why}` };
    if (r.via) via.push(`${name}: ${r.via}`);
    return { value: r.value };
  };
  const cidrField = p.CidrIp !== undefined ? 'CidrIp' : p.CidrIpv6 !== undefined ? 'CidrIpv6' : undefined;
  const cidr = cidrField ? field(cidrField) : {};
  const protocol = field('IpProtocol');
  const from = field('FromPort');
  const to = field('ToPort');
  const asNumber = (v: unknown) => (v === undefined ? undefined : Number(v));
  const isPort = (v: unknown) => Number.isInteger(asNumber(v));
  const portBased = ['tcp', 'udp', '6', '17'].includes(String(protocol.value).toLowerCase());
  const portsUnknown = protocol.why ?? from.why ?? to.why ?? (portBased && !(isPort(from.value) && isPort(to.value))
    ? `the ports of a ${String(protocol.value).toLowerCase()} entry are FromPort ${JSON.stringify(from.value) ?? '(not set)'}, ToPort ${JSON.stringify(to.value) ?? '(not set)'}, not a port range`
    : undefined);
  return {
    group,
    protocol: protocol.value === undefined ? undefined : String(protocol.value).toLowerCase(),
    fromPort: asNumber(from.value),
    toPort: asNumber(to.value),
    ...(typeof cidr.value === 'string' ? { cidr: cidr.value } : {}),
    nonCidrSource: cidrField === undefined && (p.SourceSecurityGroupId !== undefined || p.SourceSecurityGroupName !== undefined
      || p.SourcePrefixListId !== undefined),
    unreadable: false,
    ...(cidr.why ? { cidrUnknown: cidr.why } : {}),
    ...(portsUnknown ? { portsUnknown } : {}),
    via,
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
    if (!Array.isArray(inline)) return [toRule(inline, resource, resource.stackPath, context)];
    return inline.map((p) => toRule(p, resource, resource.stackPath, context));
  }
  const group = referencedResource(resource.properties.GroupId, resource.stackPath, context.lookup);
  return [toRule(resource.properties, group, resource.stackPath, context)];
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
    if (!Array.isArray(inline)) return [toRule(inline, resource, resource.stackPath, context)];
    return inline.map((p: any) => toRule(isIntrinsic(p) ? p : { ...p, SourceSecurityGroupId: p?.DestinationSecurityGroupId,
      SourcePrefixListId: p?.DestinationPrefixListId }, resource, resource.stackPath, context));
  }
  const p = resource.properties;
  const group = referencedResource(p.GroupId, resource.stackPath, context.lookup);
  return [toRule({ ...p, CidrIp: p.CidrIp ?? p.DestinationCidrIp, SourceSecurityGroupId: p.DestinationSecurityGroupId,
    SourcePrefixListId: p.DestinationPrefixListId }, group, resource.stackPath, context)];
}

/**
 * The port range a permission opens: [from, to], [0, 65535] for all traffic, undefined when the
 * protocol or a port is unknown. ICMP and other non-port protocols return null (no TCP/UDP port is
 * opened).
 */
export function portRange(rule: IngressRule): [number, number] | null | undefined {
  if (rule.protocol === undefined) return rule.portsUnknown ? undefined : null;
  if (rule.protocol === '-1' || rule.protocol === 'all') return [0, 65535];
  if (!['tcp', 'udp', '6', '17'].includes(rule.protocol)) return null;
  if (rule.portsUnknown) return undefined;
  const from = rule.fromPort;
  const to = rule.toPort;
  if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to)) return undefined;
  return from === -1 ? [0, 65535] : [from, to];
}

/** A permission in words: "tcp 22 from 203.0.113.0/24". */
export function describePermission(rule: IngressRule, range: [number, number] | null | undefined = portRange(rule)): string {
  const ports = range === null ? (rule.protocol ?? '?') : range === undefined ? `${rule.protocol ?? '?'} (ports unknown)`
    : range[0] === 0 && range[1] === 65535 ? 'all ports' : range[0] === range[1] ? `${rule.protocol} ${range[0]}` : `${rule.protocol} ${range[0]}-${range[1]}`;
  const peer = rule.cidr ?? (rule.nonCidrSource ? 'a security group or prefix list' : 'an unknown peer');
  const via = rule.via.length > 0 ? ` (${rule.via.join('; ')})` : '';
  return `${ports} from ${peer}${via}`;
}
