import { Construct } from 'constructs';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';
import { BACKUP_JOBS_TABLE } from '../rules/azure/backup/backup-failure-alerts';
import type { BackupKeyVault } from './backup-key';
import type { GeoRedundantStorage } from './geo-redundant-storage';
import type { PolicyBackupVault } from './policy-backup-vault';
import type { ProtectedPostgres } from './protected-postgres';
import { AzurePlacement, checkRegion } from './placement';
import { PREVENT_DESTROY } from './private/lifecycle';

/** Interactive retention Log Analytics accepts on a workspace. */
const MAX_WORKSPACE_RETENTION_DAYS = 730;

/** Props of a `CentralLogAnalytics`. */
export interface CentralLogAnalyticsProps {
  /** The policy: log retention, allowed regions. */
  readonly policy: DataProtectionPolicy;
  /** Resource group and region of the workspace. */
  readonly placement: AzurePlacement;
  /** Who is paged: e-mail addresses of the operations team (at least one). */
  readonly emailAddresses: string[];
  /**
   * Workspace name.
   * @default - '<id in lower case>-logs'
   */
  readonly name?: string;
}

/** A metric to watch with a dynamic-threshold (anomaly) alert. */
export interface AnomalyAlertOptions {
  /** Resource ID the metric belongs to. */
  readonly scope: string;
  /** Metric namespace, e.g. `Microsoft.Storage/storageAccounts`. */
  readonly metricNamespace: string;
  /** Metric name, e.g. `Transactions`. */
  readonly metricName: string;
  /** Aggregation: Average, Count, Minimum, Maximum or Total. */
  readonly aggregation: string;
  /** What the alert means to the person paged. */
  readonly description: string;
}

/**
 * The Azure side of central logging and monitoring: a Log Analytics workspace keeping logs for the
 * policy's `logRetentionDays`, an action group paging the operations team, diagnostic settings
 * for every resource the library's constructs create (they call `monitor*` when given `logs`),
 * dynamic-threshold alerts on API and database KPIs, and a log alert on failed backup jobs.
 */
export class CentralLogAnalytics extends Construct {
  /** The workspace. */
  public readonly workspace: LogAnalyticsWorkspace;
  /** The action group every alert notifies. */
  public readonly actionGroup: MonitorActionGroup;
  private readonly placement: AzurePlacement;

  constructor(scope: Construct, id: string, props: CentralLogAnalyticsProps) {
    const errors = new PropErrors('CentralLogAnalytics', `${scope.node.path}/${id}`);
    const retention = props.policy.logRetentionDays;
    errors.check(retention <= MAX_WORKSPACE_RETENTION_DAYS, 'policy.logRetentionDays', retention,
      `at most ${MAX_WORKSPACE_RETENTION_DAYS} days (a workspace's interactive retention); longer needs archive tables, not built here`);
    errors.check(props.emailAddresses.length > 0 && props.emailAddresses.every((e) => /^[^@\s]+@[^@\s]+$/.test(e)),
      'emailAddresses', props.emailAddresses, 'at least one e-mail address');
    checkRegion(errors, 'placement.location', props.placement.location, props.policy);
    errors.throwIfAny();
    super(scope, id);
    this.placement = props.placement;
    this.workspace = new LogAnalyticsWorkspace(this, 'Workspace', {
      name: props.name ?? `${id.toLowerCase()}-logs`,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      sku: 'PerGB2018',
      retentionInDays: Math.max(retention, 30),
      lifecycle: PREVENT_DESTROY,
    });
    this.actionGroup = new MonitorActionGroup(this, 'Operations', {
      name: `${id.toLowerCase()}-operations`,
      shortName: 'ops',
      resourceGroupName: props.placement.resourceGroupName,
      emailReceiver: props.emailAddresses.map((emailAddress, i) => ({ name: `ops-${i + 1}`, emailAddress, useCommonAlertSchema: true })),
    });
  }

  /**
   * Send a resource's logs (and metrics) to the workspace.
   * @param categoryGroups log category groups, e.g. `allLogs` or `audit`
   * @param dedicated write to resource-specific tables (Backup vaults need them for job alerts)
   */
  public addDiagnostics(id: string, targetResourceId: string, categoryGroups: string[] = ['allLogs'], dedicated = false): MonitorDiagnosticSetting {
    return new MonitorDiagnosticSetting(this, id, {
      name: 'central-log-analytics',
      targetResourceId,
      logAnalyticsWorkspaceId: this.workspace.id,
      ...(dedicated ? { logAnalyticsDestinationType: 'Dedicated' } : {}),
      enabledLog: categoryGroups.map((categoryGroup) => ({ categoryGroup })),
      enabledMetric: [{ category: 'AllMetrics' }],
    });
  }

  /** A metric alert with dynamic thresholds (Azure's anomaly detection) that pages the action group. */
  public addAnomalyAlert(id: string, options: AnomalyAlertOptions): MonitorMetricAlert {
    return new MonitorMetricAlert(this, id, {
      name: `${id.toLowerCase()}-anomaly`,
      resourceGroupName: this.placement.resourceGroupName,
      scopes: [options.scope],
      description: options.description,
      severity: 2,
      frequency: 'PT5M',
      windowSize: 'PT15M',
      dynamicCriteria: {
        metricNamespace: options.metricNamespace,
        metricName: options.metricName,
        aggregation: options.aggregation,
        operator: 'GreaterOrLessThan',
        alertSensitivity: 'Medium',
      },
      action: [{ actionGroupId: this.actionGroup.id }],
    });
  }

  /** Blob logs (every read, write and delete) and an anomaly alert on the account's API transactions. */
  public monitorStorage(storage: GeoRedundantStorage): void {
    const id = storage.node.id;
    this.addDiagnostics(`${id}BlobLogs`, `${storage.account.id}/blobServices/default`);
    this.addAnomalyAlert(`${id}Transactions`, {
      scope: storage.account.id,
      metricNamespace: 'Microsoft.Storage/storageAccounts',
      metricName: 'Transactions',
      aggregation: 'Total',
      description: `API calls to ${storage.node.path} deviate from their usual pattern.`,
    });
  }

  /** Server logs and an anomaly alert on CPU. */
  public monitorPostgres(database: ProtectedPostgres): void {
    const id = database.node.id;
    this.addDiagnostics(`${id}Logs`, database.server.id);
    this.addAnomalyAlert(`${id}Cpu`, {
      scope: database.server.id,
      metricNamespace: 'Microsoft.DBforPostgreSQL/flexibleServers',
      metricName: 'cpu_percent',
      aggregation: 'Average',
      description: `CPU of ${database.node.path} deviates from its usual pattern.`,
    });
  }

  /** Key Vault audit logs (every key operation). */
  public monitorKeyVault(vault: BackupKeyVault): void {
    this.addDiagnostics(`${vault.node.id}Audit`, vault.vault.id, ['audit']);
  }

  /**
   * Backup vault logs into resource-specific tables, and a log alert that pages the action group
   * when a backup or restore job fails.
   */
  public monitorBackupVault(vault: PolicyBackupVault): void {
    const id = vault.node.id;
    const setting = this.addDiagnostics(`${id}Logs`, vault.vault.id, ['allLogs'], true);
    new MonitorScheduledQueryRulesAlertV2(this, `${id}JobFailures`, {
      name: `${id.toLowerCase()}-job-failures`,
      location: this.placement.location,
      resourceGroupName: this.placement.resourceGroupName,
      scopes: [this.workspace.id],
      description: `A backup or restore job of ${vault.node.path} failed.`,
      severity: 1,
      evaluationFrequency: 'PT15M',
      windowDuration: 'PT15M',
      criteria: [{
        query: `${BACKUP_JOBS_TABLE} | where JobStatus == "Failed" | summarize failures = count() by JobOperation, BackupItemUniqueId`,
        timeAggregationMethod: 'Count',
        operator: 'GreaterThan',
        threshold: 0,
        failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
      }],
      action: { actionGroups: [this.actionGroup.id] },
      dependsOn: [setting],
    });
  }
}
