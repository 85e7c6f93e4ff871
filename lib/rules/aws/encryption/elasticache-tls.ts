import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';
import { boolValue, UNVERIFIABLE } from '../private/values';

/**
 * DP.ENC.1: an ElastiCache replication group or cache cluster requires TLS from its clients:
 * transit encryption on, and not in the `preferred` mode that still accepts plaintext.
 * (Serverless caches always require TLS.)
 */
export const ElastiCacheTLS: ResourceRule = {
  name: 'ElastiCacheTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  level: Severity.ERROR,
  info: 'The ElastiCache cache accepts connections without TLS.',
  explanation: 'DP.ENC.1 promises TLS on every endpoint. Set TransitEncryptionEnabled: true and, where '
    + 'TransitEncryptionMode is set, use required (preferred still accepts plaintext).',
  evaluate(resource: ResourceView): RuleResult {
    const p = resource.properties;
    const on = boolValue(p.TransitEncryptionEnabled, false);
    if (on === undefined) return [UNVERIFIABLE];
    if (!on) return NON_COMPLIANT;
    const mode = p.TransitEncryptionMode;
    if (mode === undefined || mode === 'required') return COMPLIANT;
    return typeof mode === 'string' ? NON_COMPLIANT : [UNVERIFIABLE];
  },
};
