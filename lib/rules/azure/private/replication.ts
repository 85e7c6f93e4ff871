import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { TerraformResourceView } from '../rule';
import { UNVERIFIABLE } from './values';

/** Compliant when the storage account's `account_replication_type` is one of `types`. */
export function replicationVerdict(resource: TerraformResourceView, types: readonly string[]): NagRuleResult {
  const type = resource.config.account_replication_type;
  if (typeof type !== 'string' || type.includes('${')) return [UNVERIFIABLE];
  return types.includes(type.toUpperCase()) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
