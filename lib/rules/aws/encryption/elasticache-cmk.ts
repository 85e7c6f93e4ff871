import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, encryptedWithCustomerKey } from '../private/values';

/**
 * DP.ENC.2: ElastiCache replication groups and serverless caches are encrypted at rest with a
 * customer-managed key. Stand-alone cache clusters cannot be encrypted at rest: non-compliant.
 */
export const ElastiCacheCMK: ResourceRule = {
  name: 'ElastiCacheCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::ServerlessCache', 'AWS::ElastiCache::CacheCluster'],
  level: Severity.ERROR,
  fix: 'Set atRestEncryptionEnabled: true with kmsKeyId: a customer-managed key (DataKey); stand-alone cache clusters cannot be encrypted.',
  info: 'The ElastiCache cache is not encrypted at rest with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    // A stand-alone cache cluster has no at-rest encryption setting at all: it cannot keep the promise.
    if (resource.type === 'AWS::ElastiCache::CacheCluster') return NON_COMPLIANT;
    if (resource.type === 'AWS::ElastiCache::ServerlessCache') return customerManagedKeyVerdict(p.KmsKeyId, resource, context);
    return encryptedWithCustomerKey(p.AtRestEncryptionEnabled, p.KmsKeyId, resource, context, { encrypted: 'AtRestEncryptionEnabled', key: 'KmsKeyId' });
  },
};
