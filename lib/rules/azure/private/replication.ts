import { sourceNote, unknownDetail } from './values';
import { compliant, nonCompliant, RuleResult, unverifiable } from '../../../core/engine';
import { TerraformResourceView } from '../../../terraform/model';

/** Compliant when the storage account's `account_replication_type` is one of `types`. */
export function replicationVerdict(resource: TerraformResourceView, types: readonly string[]): RuleResult {
  const type = resource.config.account_replication_type;
  if (typeof type !== 'string' || type.includes('${')) return unverifiable(unknownDetail(resource, 'account_replication_type', type));
  const detail = `account_replication_type = ${JSON.stringify(type)}${sourceNote(resource, 'account_replication_type')}`;
  return types.includes(type.toUpperCase()) ? compliant(detail) : nonCompliant(detail);
}
