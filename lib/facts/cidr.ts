/** An IPv4 CIDR block as [first address, last address] (unsigned 32-bit), or undefined if malformed. */
export function ipv4Range(cidr: string): [number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(address / size) * size;
  return [first, first + size - 1];
}

/** Whether IPv4 CIDR `inner` lies entirely within one of `outers`; undefined if any is malformed. */
export function ipv4Within(inner: string, outers: readonly string[]): boolean | undefined {
  const i = ipv4Range(inner);
  if (!i) return undefined;
  for (const outer of outers) {
    const o = ipv4Range(outer);
    if (!o) return undefined;
    if (i[0] >= o[0] && i[1] <= o[1]) return true;
  }
  return false;
}

/** The whole IPv4 or IPv6 internet. */
export function isAnywhere(cidr: unknown): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

/** The IPv4 block of `bits` prefix length starting `offset` addresses into `cidr` (e.g. the second /24 of a /16). */
export function ipv4Block(cidr: string, offset: number, bits: number): string | undefined {
  const range = ipv4Range(cidr);
  if (!range) return undefined;
  const start = range[0] + offset;
  const size = 2 ** (32 - bits);
  if (start % size !== 0 || start + size - 1 > range[1]) return undefined;
  return `${[24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join('.')}/${bits}`;
}
