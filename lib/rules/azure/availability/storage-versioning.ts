import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, isExpression, boolValue, UNVERIFIABLE } from '../private/values';

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
    if (isExpression(raw) || isExpression(kind)) return [UNVERIFIABLE];
    const props = block(raw);
    if (!props) return NON_COMPLIANT;
    const versioning = boolValue(props.versioning_enabled, false);
    if (versioning === undefined) return [UNVERIFIABLE];
    const softDelete = block(props.delete_retention_policy) && block(props.container_delete_retention_policy);
    return versioning && softDelete ? COMPLIANT : NON_COMPLIANT;
  },
};
