import { compliant, failing, findingsResult, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { categoriesReaching, isLogStore } from '../private/monitoring';
import { isExpression, mentions, referrersOfType, unknownDetail } from '../private/values';

/** The data-plane log categories of a storage service: every read, write and delete request. */
export const STORAGE_ACCESS_CATEGORIES = ['StorageRead', 'StorageWrite', 'StorageDelete'];

/** Storage services, the resources that show a service is in use, and the service's name in a sub-resource ID. */
const SERVICES: readonly { readonly name: string; readonly users: readonly string[]; readonly sub: string }[] = [
  { name: 'Blob', users: ['azurerm_storage_container'], sub: '/blobServices/default' },
  { name: 'File', users: ['azurerm_storage_share'], sub: '/fileServices/default' },
  { name: 'Table', users: ['azurerm_storage_table'], sub: '/tableServices/default' },
  { name: 'Queue', users: ['azurerm_storage_queue'], sub: '/queueServices/default' },
];

/**
 * DP.LOG.2: every read, write and delete on a storage account's data is logged centrally: for its
 * blob service (and for file, table and queue services the configuration uses), a diagnostic
 * setting on the service (`<account id>/blobServices/default`; the account itself has no data-plane
 * logs) sends StorageRead, StorageWrite and StorageDelete (or the `allLogs` group; `audit` alone is unverifiable) to a
 * Log Analytics workspace. Accounts that only receive logs are not customer data.
 */
export const AzureStorageDataAccessLogs: AzureResourceRule = {
  name: 'AzureStorageDataAccessLogs',
  controlId: 'DP.LOG.2',
  resourceTypes: ['azurerm_storage_account'],
  covers: 'StorageRead/Write/Delete of every service in use, to a workspace',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'Reads, writes or deletes of the storage account\'s data are not logged to a Log Analytics workspace.',
  explanation: 'DP.LOG.2 promises that every access to customer data is logged. Add an azurerm_monitor_diagnostic_setting '
    + 'whose target_resource_id is "<account id>/blobServices/default" (and the file, table or queue service where used) '
    + 'with enabled_log categories StorageRead, StorageWrite and StorageDelete (or category_group "allLogs"; "audit" is not evidence: Azure decides its members) and a '
    + 'log_analytics_workspace_id (GeoRedundantStorage with logs does).',
  fix: 'Send StorageRead, StorageWrite and StorageDelete of <account id>/blobServices/default to the central workspace.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (isLogStore(resource, context.lookup)) return NOT_APPLICABLE;
    const kind = resource.config.account_kind;
    if (isExpression(kind)) return unverifiable(unknownDetail(resource, 'account_kind', kind));
    const usesAccount = (u: TerraformResourceView) => mentions(u.config.storage_account_id ?? u.config.storage_account_name, resource)
      || u.references?.has(resource.address);
    const used = SERVICES.filter((s) => s.name === (kind === 'FileStorage' ? 'File' : 'Blob')
      || referrersOfType(resource, s.users, context.lookup).some(usesAccount));
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    for (const service of used) {
      const coverage = categoriesReaching(resource, context.lookup, STORAGE_ACCESS_CATEGORIES,
        { subResource: service.sub, groups: ['allLogs'], workspaceOnly: true });
      if ('unknown' in coverage) {
        failures.push(unverifiable(coverage.unknown));
      } else if (coverage.covered) {
        evidence.push(coverage.detail);
      } else {
        // The 'audit' category group holds what Azure decides it holds: that it carries every read,
        // write and delete is not something the configuration shows, so it is never evidence here.
        const viaAudit = categoriesReaching(resource, context.lookup, STORAGE_ACCESS_CATEGORIES,
          { subResource: service.sub, groups: ['allLogs', 'audit'], workspaceOnly: true });
        if (!('unknown' in viaAudit) && viaAudit.covered) {
          failures.push(unverifiable(`${service.name} service logs reach the workspace only through the category group "audit", `
            + 'whose members Azure decides; send category_group "allLogs" or StorageRead, StorageWrite and StorageDelete'));
        } else {
          failures.push(failing(service.name, coverage.why));
        }
      }
    }
    const result = findingsResult(failures);
    return failures.length === 0 ? compliant(evidence.join('; ')) : result;
  },
};
