import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { meetsMinimumTls, OPENSEARCH_DEFAULT_TLS_POLICY, OPENSEARCH_TLS_POLICIES } from '../../../facts/tls-policies';
import { boolValue, findingsResult, isIntrinsic, UNVERIFIABLE } from '../private/values';

/**
 * DP.ENC.1: an OpenSearch / Elasticsearch domain enforces HTTPS with a TLS policy that meets the
 * minimum and encrypts node-to-node traffic. Findings: `[EnforceHTTPS]`, `[TLSSecurityPolicy]`,
 * `[NodeToNode]`.
 */
export const OpenSearchTLS: ResourceRule = {
  name: 'OpenSearchTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  level: Severity.ERROR,
  info: 'The OpenSearch domain accepts plaintext or TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Set DomainEndpointOptions '
    + 'EnforceHTTPS: true with TLSSecurityPolicy Policy-Min-TLS-1-2-PFS-2023-10 (the default accepts TLS 1.0), '
    + 'and NodeToNodeEncryptionOptions Enabled: true.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const endpoint = p.DomainEndpointOptions;
    if (isIntrinsic(endpoint) || isIntrinsic(p.NodeToNodeEncryptionOptions)) return [UNVERIFIABLE];
    const failing: (string | Verdict)[] = [];
    const https = boolValue(endpoint?.EnforceHTTPS, false);
    if (https === undefined) failing.push(UNVERIFIABLE);
    else if (!https) failing.push('EnforceHTTPS');
    const meets = meetsMinimumTls(OPENSEARCH_TLS_POLICIES, endpoint?.TLSSecurityPolicy ?? OPENSEARCH_DEFAULT_TLS_POLICY,
      context.policy.minTlsVersion);
    if (meets === undefined) failing.push(UNVERIFIABLE);
    else if (!meets) failing.push('TLSSecurityPolicy');
    const n2n = boolValue(p.NodeToNodeEncryptionOptions?.Enabled, false);
    if (n2n === undefined) failing.push(UNVERIFIABLE);
    else if (!n2n) failing.push('NodeToNode');
    return findingsResult(failing);
  },
};
