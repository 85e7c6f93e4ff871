import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, Outcome, RuleResult, Severity, verdictsOf } from '../../../core/engine';
import { settingVerdict, unknownValue } from '../private/values';

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
  fix: 'Set transitEncryptionEnabled: true (and transitEncryptionMode: \'required\').',
  info: 'The ElastiCache cache accepts connections without TLS.',
  explanation: 'DP.ENC.1 promises TLS on every endpoint. Set TransitEncryptionEnabled: true and, where '
    + 'TransitEncryptionMode is set, use required (preferred still accepts plaintext).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const enabled = settingVerdict(p.TransitEncryptionEnabled, false, true, 'TransitEncryptionEnabled', resource, context);
    if (verdictsOf(enabled).some((v) => v.outcome !== Outcome.COMPLIANT)) return enabled;
    const mode = resolveValue(p.TransitEncryptionMode, resource.stackPath, context.lookup);
    if (!mode.known) return unknownValue('TransitEncryptionMode', p.TransitEncryptionMode, resource, context);
    if (mode.value === undefined || mode.value === 'required') return compliant('clients must use TLS');
    return nonCompliant(`TransitEncryptionMode ${String(mode.value)} still accepts plaintext clients`);
  },
};
