import { blocks, isExpression, unknownDetail } from './values';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** One security rule of a network security group, inline or a separate `azurerm_network_security_rule`. */
export interface SecurityRule {
  /** The rule's name. */
  readonly name: string;
  /** The resource that declares it (the NSG for inline rules). */
  readonly declaredBy: TerraformResourceView;
  /** The rule's arguments. */
  readonly rule: { [key: string]: any };
}

/** The rules of an NSG and what could not be read. */
export interface NsgRules {
  readonly rules: SecurityRule[];
  /** Unknown parts (a dynamic block over a variable without default, a rule that may not exist). */
  readonly unknowns: string[];
}

/**
 * Whether a separate `azurerm_network_security_rule` belongs to `nsg`: it names the NSG by a
 * reference (`network_security_group_name = azurerm_network_security_group.x.name`), or by the
 * same literal name in the same resource group.
 */
export function ruleBelongsTo(rule: TerraformResourceView, nsg: TerraformResourceView): boolean {
  if (rule.references?.has(nsg.address)) return true;
  const name = rule.config.network_security_group_name;
  const group = rule.config.resource_group_name;
  return typeof name === 'string' && !isExpression(name) && name === nsg.config.name
    && (group === undefined || nsg.config.resource_group_name === undefined || group === nsg.config.resource_group_name);
}

/** Every rule of an NSG: inline `security_rule` blocks and separate rule resources that join it. */
export function rulesOf(nsg: TerraformResourceView, lookup: TerraformLookup): NsgRules {
  const unknowns: string[] = [];
  const rules: SecurityRule[] = [];
  const inline = nsg.config.security_rule;
  if (isExpression(inline)) unknowns.push(unknownDetail(nsg, 'security_rule', inline));
  else for (const r of blocks(inline)) rules.push({ name: String(r.name ?? '(unnamed)'), declaredBy: nsg, rule: r });
  for (const r of lookup.ofType('azurerm_network_security_rule')) {
    if (!ruleBelongsTo(r, nsg)) continue;
    if (r.uncertainExistence !== undefined) unknowns.push(`${r.address} may not exist: ${r.uncertainExistence}`);
    rules.push({ name: String(r.config.name ?? r.address), declaredBy: r, rule: r.config });
  }
  return { rules, unknowns };
}

/** The NSG a separate rule joins, if the configuration declares it. */
export function nsgOfRule(rule: TerraformResourceView, lookup: TerraformLookup): TerraformResourceView | undefined {
  return lookup.ofType('azurerm_network_security_group').find((n) => ruleBelongsTo(rule, n));
}

/** Source prefixes that mean "anywhere on the internet". */
const INTERNET = new Set(['*', 'internet', 'any', '0.0.0.0', '0.0.0.0/0', '::/0']);

/** Whether a source prefix is the internet (`*`, `Internet`, `0.0.0.0/0`, `::/0`, any `/0`). */
export function isInternetSource(prefix: string): boolean {
  const p = prefix.trim().toLowerCase();
  return INTERNET.has(p) || /\/0$/.test(p);
}

/** A range of ports, inclusive. */
export type PortRange = readonly [number, number];

/** What one side of a rule says: known values, or the reason they are unknown. */
type Read<T> = { value: T } | { unknown: string };

function listOf(rule: SecurityRule, single: string, plural: string): Read<unknown[]> {
  const one = rule.rule[single];
  const many = rule.rule[plural];
  for (const [name, v] of [[single, one], [plural, many]] as const) {
    if (isExpression(v)) return { unknown: unknownDetail(rule.declaredBy, `${rule.name}.${name}`, v) };
  }
  const values = [...(one !== undefined && one !== null && one !== '' ? [one] : []), ...(Array.isArray(many) ? many : [])];
  for (const v of values) {
    if (isExpression(v)) return { unknown: unknownDetail(rule.declaredBy, `${rule.name}.${plural}`, v) };
  }
  return { value: values };
}

/** The source prefixes of a rule (application security groups are not the internet). */
export function sourcesOf(rule: SecurityRule): Read<string[]> {
  const read = listOf(rule, 'source_address_prefix', 'source_address_prefixes');
  return 'unknown' in read ? read : { value: read.value.map(String) };
}

/** The destination ports of a rule as ranges (`*` is every port); undefined entries are unreadable. */
export function portsOf(rule: SecurityRule): Read<PortRange[]> {
  const read = listOf(rule, 'destination_port_range', 'destination_port_ranges');
  if ('unknown' in read) return read;
  const ranges: PortRange[] = [];
  for (const v of read.value) {
    const text = String(v).trim();
    if (text === '*') {
      ranges.push([0, 65535]);
    } else if (/^\d+$/.test(text)) {
      ranges.push([Number(text), Number(text)]);
    } else if (/^\d+\s*-\s*\d+$/.test(text)) {
      const [lo, hi] = text.split('-').map((x) => Number(x.trim()));
      ranges.push([Math.min(lo, hi), Math.max(lo, hi)]);
    } else {
      return { unknown: `${rule.name} has a destination port ${JSON.stringify(v)} this reader does not understand` };
    }
  }
  return { value: ranges };
}

/** `22`, `20-25`, `*`. */
export function describeRange([lo, hi]: PortRange): string {
  if (lo === 0 && hi === 65535) return '*';
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/** Whether a rule allows traffic in the given direction (`Inbound`, `Outbound`), case as Azure accepts it. */
export function allows(rule: SecurityRule, direction: string): Read<boolean> {
  const { access, direction: dir } = rule.rule;
  for (const [name, v] of [['access', access], ['direction', dir]] as const) {
    if (isExpression(v)) return { unknown: unknownDetail(rule.declaredBy, `${rule.name}.${name}`, v) };
  }
  return { value: String(access).toLowerCase() === 'allow' && String(dir).toLowerCase() === direction.toLowerCase() };
}

/** Whether a rule's protocol carries ports (TCP, UDP or any): ICMP, ESP and AH have none. */
export function carriesPorts(rule: SecurityRule): Read<boolean> {
  const p = rule.rule.protocol;
  if (isExpression(p)) return { unknown: unknownDetail(rule.declaredBy, `${rule.name}.protocol`, p) };
  return { value: p === undefined || ['tcp', 'udp', '*'].includes(String(p).toLowerCase()) };
}

/** What an inbound internet-facing rule opens. */
export interface InternetOpening {
  readonly rule: SecurityRule;
  /** The internet sources it names. */
  readonly sources: string[];
  /** The destination port ranges it opens. */
  readonly ports: PortRange[];
}

/**
 * The inbound Allow rules of an NSG that admit the internet (with the ports they open), and the
 * reasons some rules could not be read. Deny rules are not subtracted: a reviewer reads an Allow
 * rule from the internet as an opening.
 */
export function internetOpenings(nsg: TerraformResourceView, lookup: TerraformLookup): { openings: InternetOpening[]; unknowns: string[] } {
  const { rules, unknowns } = rulesOf(nsg, lookup);
  const openings: InternetOpening[] = [];
  for (const rule of rules) {
    const allowed = allows(rule, 'Inbound');
    if ('unknown' in allowed) { unknowns.push(allowed.unknown); continue; }
    if (!allowed.value) continue;
    const ported = carriesPorts(rule);
    if ('unknown' in ported) { unknowns.push(ported.unknown); continue; }
    if (!ported.value) continue;
    const sources = sourcesOf(rule);
    if ('unknown' in sources) { unknowns.push(sources.unknown); continue; }
    const internet = sources.value.filter(isInternetSource);
    if (internet.length === 0) continue;
    const ports = portsOf(rule);
    if ('unknown' in ports) { unknowns.push(ports.unknown); continue; }
    openings.push({ rule, sources: internet, ports: ports.value });
  }
  return { openings, unknowns };
}

/** The part of `ranges` outside the `allowed` ports, as ranges. */
export function outside(ranges: readonly PortRange[], allowed: readonly number[]): PortRange[] {
  const out: PortRange[] = [];
  const sorted = [...new Set(allowed)].sort((a, b) => a - b);
  for (const [lo, hi] of ranges) {
    let start = lo;
    for (const p of sorted) {
      if (p < start || p > hi) continue;
      if (p > start) out.push([start, p - 1]);
      start = p + 1;
    }
    if (start <= hi) out.push([start, hi]);
  }
  return out;
}

/** Whether any of the ranges contains the port. */
export function covers(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some(([lo, hi]) => port >= lo && port <= hi);
}
