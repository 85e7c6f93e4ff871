/**
 * The lowest TLS version each named AWS TLS policy accepts, as a number (1.0, 1.1, 1.2, 1.3;
 * SSLv3 is 0.3). One table per service, so a new AWS policy name is one line here and one pinned
 * test case. Names not listed are reported as unverifiable, never assumed safe.
 */

/** Elastic Load Balancing (ALB HTTPS and NLB TLS listeners). */
export const ELB_SSL_POLICIES: { readonly [name: string]: number } = {
  'ELBSecurityPolicy-2015-05': 1.0,
  'ELBSecurityPolicy-2016-08': 1.0,
  'ELBSecurityPolicy-TLS-1-0-2015-04': 1.0,
  'ELBSecurityPolicy-TLS-1-1-2017-01': 1.1,
  'ELBSecurityPolicy-TLS-1-2-2017-01': 1.2,
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': 1.2,
  'ELBSecurityPolicy-FS-2018-06': 1.0,
  'ELBSecurityPolicy-FS-1-1-2019-08': 1.1,
  'ELBSecurityPolicy-FS-1-2-2019-08': 1.2,
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': 1.2,
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': 1.2,
  'ELBSecurityPolicy-TLS13-1-0-2021-06': 1.0,
  'ELBSecurityPolicy-TLS13-1-1-2021-06': 1.1,
  'ELBSecurityPolicy-TLS13-1-2-2021-06': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': 1.2,
  'ELBSecurityPolicy-TLS13-1-3-2021-06': 1.3,
  'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04': 1.0,
  'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04': 1.1,
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04': 1.2,
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04': 1.3,
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09': 1.0,
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09': 1.3,
  'ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09': 1.0,
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09': 1.2,
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09': 1.3,
};

/** The policy an HTTPS/TLS listener gets when `SslPolicy` is omitted. */
export const ELB_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/** CloudFront viewer certificates (`MinimumProtocolVersion`). */
export const CLOUDFRONT_PROTOCOL_VERSIONS: { readonly [name: string]: number } = {
  'SSLv3': 0.3,
  'TLSv1': 1.0,
  'TLSv1_2016': 1.0,
  'TLSv1.1_2016': 1.1,
  'TLSv1.2_2018': 1.2,
  'TLSv1.2_2019': 1.2,
  'TLSv1.2_2021': 1.2,
  'TLSv1.2_2025': 1.2,
  'TLSv1.3_2025': 1.3,
};

/** The protocol version a custom-certificate distribution gets when `MinimumProtocolVersion` is omitted. */
export const CLOUDFRONT_DEFAULT_PROTOCOL_VERSION = 'TLSv1';

/** API Gateway security policies (REST API and domain names). */
export const API_GATEWAY_SECURITY_POLICIES: { readonly [name: string]: number } = {
  TLS_1_0: 1.0,
  TLS_1_2: 1.2,
  SecurityPolicy_TLS13_1_3_2025_09: 1.3,
  SecurityPolicy_TLS13_1_3_FIPS_2025_09: 1.3,
  SecurityPolicy_TLS13_1_2_2021_06: 1.2,
  SecurityPolicy_TLS13_1_2_PQ_2025_09: 1.2,
  SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09: 1.2,
  SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09: 1.2,
  SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09: 1.2,
  // The edge policies' names do not spell out a minimum; counted at the lowest version they may
  // accept so a 1.3-only promise is never passed on a guess.
  SecurityPolicy_TLS13_2025_EDGE: 1.2,
  SecurityPolicy_TLS12_PFS_2025_EDGE: 1.2,
  SecurityPolicy_TLS12_2018_EDGE: 1.2,
};

/** OpenSearch / Elasticsearch domain endpoints (`TLSSecurityPolicy`). */
export const OPENSEARCH_TLS_POLICIES: { readonly [name: string]: number } = {
  'Policy-Min-TLS-1-0-2019-07': 1.0,
  'Policy-Min-TLS-1-2-2019-07': 1.2,
  'Policy-Min-TLS-1-2-PFS-2023-10': 1.2,
};

/** The policy a domain gets when `TLSSecurityPolicy` is omitted. */
export const OPENSEARCH_DEFAULT_TLS_POLICY = 'Policy-Min-TLS-1-0-2019-07';

/**
 * Judge a named TLS policy against the policy's minimum (`'1.2'` / `'1.3'`):
 * true = meets it, false = accepts an older version, undefined = unknown name or unresolved.
 */
export function meetsMinimumTls(table: { readonly [name: string]: number }, name: unknown, minTlsVersion: string): boolean | undefined {
  if (typeof name !== 'string' || !(name in table)) return undefined;
  return table[name] >= Number(minTlsVersion);
}
