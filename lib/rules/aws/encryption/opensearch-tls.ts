import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { failing as failingVerdict, Outcome, RuleResult, Severity, Verdict, verdictsOf } from '../../../core/engine';
import { OPENSEARCH_DEFAULT_TLS_POLICY, OPENSEARCH_TLS_POLICIES } from '../../../facts/tls-policies';
import { findingsResult, isIntrinsic, settingVerdict, tlsPolicyVerdict, unknownValue } from '../private/values';

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
  fix: 'Set enforceHttps: true, tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2_PFS and nodeToNodeEncryption: true.',
  info: 'The OpenSearch domain accepts plaintext or TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Set DomainEndpointOptions '
    + 'EnforceHTTPS: true with TLSSecurityPolicy Policy-Min-TLS-1-2-PFS-2023-10 (the default accepts TLS 1.0), '
    + 'and NodeToNodeEncryptionOptions Enabled: true.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const endpoint = p.DomainEndpointOptions;
    if (isIntrinsic(endpoint)) return unknownValue('DomainEndpointOptions', endpoint, resource, context);
    if (isIntrinsic(p.NodeToNodeEncryptionOptions)) return unknownValue('NodeToNodeEncryptionOptions', p.NodeToNodeEncryptionOptions, resource, context);
    const failing: (string | Verdict)[] = [];
    const aspect = (v: RuleResult, finding: string) => {
      for (const verdict of verdictsOf(v)) {
        if (verdict.outcome === Outcome.UNVERIFIABLE) failing.push(verdict);
        else if (verdict.outcome === Outcome.NON_COMPLIANT) failing.push(failingVerdict(finding, verdict.detail));
      }
    };
    aspect(settingVerdict(endpoint?.EnforceHTTPS, false, true, 'EnforceHTTPS', resource, context), 'EnforceHTTPS');
    aspect(tlsPolicyVerdict(OPENSEARCH_TLS_POLICIES, endpoint?.TLSSecurityPolicy, OPENSEARCH_DEFAULT_TLS_POLICY, 'TLSSecurityPolicy', resource, context), 'TLSSecurityPolicy');
    aspect(settingVerdict(p.NodeToNodeEncryptionOptions?.Enabled, false, true, 'NodeToNodeEncryptionOptions.Enabled', resource, context), 'NodeToNode');
    return findingsResult(failing);
  },
};
