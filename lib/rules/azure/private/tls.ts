/**
 * TLS versions as Azure writes them (`TLS1_2` on storage accounts, `TLSv1.2` on PostgreSQL) as
 * numbers, so they compare with the policy's `minTlsVersion` ('1.2'). `undefined` when the value
 * is an expression or not a TLS version.
 */
export function azureTlsVersion(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^TLS(?:v)?(\d)[._](\d)$/i.exec(value.trim());
  return m ? Number(`${m[1]}.${m[2]}`) : undefined;
}
