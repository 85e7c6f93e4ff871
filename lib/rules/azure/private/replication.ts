import { COMPLIANT, NON_COMPLIANT, RuleResult } from '../../../core/engine';
import { TerraformResourceView } from '../../../terraform/model';
import { UNVERIFIABLE } from './values';

/** Compliant when the storage account's `account_replication_type` is one of `types`. */
export function replicationVerdict(resource: TerraformResourceView, types: readonly string[]): RuleResult {
  const type = resource.config.account_replication_type;
  if (typeof type !== 'string' || type.includes('${')) return [UNVERIFIABLE];
  return types.includes(type.toUpperCase()) ? COMPLIANT : NON_COMPLIANT;
}
