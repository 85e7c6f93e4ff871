import { COMPLIANT, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, isExpression, unknownDetail } from '../private/values';

/** DP.AVL.6: blob storage keeps versions and soft-deletes blobs and containers. */
export const AzureStorageVersioning: AzureResourceRule = {
  name: 'AzureStorageVersioning',
  controlId: 'DP.AVL.6',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account does not version blobs or does not soft-delete blobs and containers.',
  explanation: 'DP.AVL.6 promises versioned storage. Set blob_properties.versioning_enabled: true with a '
    + 'delete_retention_policy and a container_delete_retention_policy (GeoRedundantStorage does).',
  evaluate(resource: TerraformResourceView): RuleResult {
    const kind = resource.config.account_kind ?? 'StorageV2';
    if (kind === 'FileStorage') return NOT_APPLICABLE;
    const raw = resource.config.blob_properties;
    if (isExpression(kind)) return unverifiable(unknownDetail(resource, 'account_kind', kind));
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'blob_properties', raw));
    const props = block(raw);
    if (!props) return nonCompliant('no blob_properties: no versioning and no soft delete');
    const versioning = boolValue(props.versioning_enabled, false);
    if (versioning === undefined) return unverifiable(unknownDetail(resource, 'blob_properties.versioning_enabled', props.versioning_enabled));
    if (isExpression(props.delete_retention_policy) || isExpression(props.container_delete_retention_policy)) {
      return unverifiable(unknownDetail(resource, 'blob_properties retention policies', props.delete_retention_policy));
    }
    const missing = [
      ...(versioning ? [] : ['versioning_enabled is false']),
      ...(block(props.delete_retention_policy) ? [] : ['no delete_retention_policy']),
      ...(block(props.container_delete_retention_policy) ? [] : ['no container_delete_retention_policy']),
    ];
    return missing.length === 0 ? COMPLIANT : nonCompliant(missing.join(', '));
  },
};
