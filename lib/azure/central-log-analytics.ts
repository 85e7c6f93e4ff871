import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { Construct } from 'constructs';
import { IBackupKey } from './backup-key';
import { GeoRedundantStorage } from './geo-redundant-storage';
import { AnomalyAlertOptions, AzureLogDestinationConfig, IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { PREVENT_DESTROY } from './private/lifecycle';
import { anomalyAlert, diagnosticSetting } from './private/monitoring';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** Interactive retention Log Analytics accepts on a workspace. */
const MAX_WORKSPACE_RETENTION_DAYS = 730;

/** Props of a `CentralLogAnalytics`. */
export interface CentralLogAnalyticsProps {
  /**
   * The policy: log retention, allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
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

/**
 * The Azure side of central logging and monitoring: a Log Analytics workspace keeping logs for the
 * policy's `logRetentionDays` and an action group paging the operations team. It is an
 * `IAzureLogDestination`: give it as `logs` to the library's constructs and each sends its own
 * diagnostic logs here and raises its own alerts (dynamic-threshold KPI alerts, failed backup
 * jobs) through the action group. `addDiagnostics` and `addAnomalyAlert` do the same for
 * resources of your own.
 */
export class CentralLogAnalytics extends Construct implements IAzureLogDestination {
  /** The workspace. */
  public readonly workspace: LogAnalyticsWorkspace;
  /** The action group every alert notifies. */
  public readonly actionGroup: MonitorActionGroup;
  private readonly placement: AzurePlacement;
  private readonly policy: DataProtectionPolicy;
  private archive?: GeoRedundantStorage;

  constructor(scope: Construct, id: string, props: CentralLogAnalyticsProps) {
    const errors = new PropErrors('CentralLogAnalytics', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const retention = policy.logRetentionDays;
    errors.check(retention <= MAX_WORKSPACE_RETENTION_DAYS, 'policy.logRetentionDays', retention,
      `at most ${MAX_WORKSPACE_RETENTION_DAYS} days (a workspace's interactive retention); longer needs archive tables, not built here`);
    errors.check(props.emailAddresses.length > 0 && props.emailAddresses.every((e) => /^[^@\s]+@[^@\s]+$/.test(e)),
      'emailAddresses', props.emailAddresses, 'at least one e-mail address');
    checkRegion(errors, 'placement.location', props.placement.location, policy);
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
    this.policy = policy;
  }

  /** The flow-log archive, once `archiveFlowLogs` created it. */
  public get flowLogArchive(): GeoRedundantStorage | undefined {
    return this.archive;
  }

  /**
   * Create the archive of network flow log records: a GeoRedundantStorage account encrypted with
   * `key` (in the workspace's region) that virtual networks bound to this destination afterwards
   * keep their VNet flow logs in; traffic analytics sends them on to the workspace. Call it before
   * creating the networks (the keys' vault usually needs this destination first).
   */
  public archiveFlowLogs(key: IBackupKey): GeoRedundantStorage {
    if (this.archive) {
      throw new Error(`CentralLogAnalytics ${this.node.path}: archiveFlowLogs was already called (one archive per destination).`);
    }
    // Network Watcher writes flow logs into this container.
    this.archive = new GeoRedundantStorage(this, 'FlowLogArchive', {
      policy: this.policy, placement: this.placement, key, containerNames: ['insights-logs-flowlogflowevent'], logs: this,
    });
    return this.archive;
  }

  /** @inheritdoc */
  public bind(_scope: Construct): AzureLogDestinationConfig {
    return {
      workspaceId: this.workspace.id,
      actionGroupIds: [this.actionGroup.id],
      alertPlacement: this.placement,
      workspaceGuid: this.workspace.workspaceId,
      workspaceLocation: this.placement.location,
      ...(this.archive ? { flowLogStorageAccountId: this.archive.account.id } : {}),
    };
  }

  /**
   * Send the logs (and metrics) of a resource of your own to the workspace.
   * @param categoryGroups log category groups, e.g. `allLogs` or `audit`
   * @param dedicated write to resource-specific tables
   */
  public addDiagnostics(id: string, targetResourceId: string, categoryGroups: string[] = ['allLogs'], dedicated = false): MonitorDiagnosticSetting {
    return diagnosticSetting(this, id, this.bind(this), targetResourceId, categoryGroups, dedicated);
  }

  /** A metric alert with dynamic thresholds (Azure's anomaly detection) on a resource of your own that pages the action group. */
  public addAnomalyAlert(id: string, options: AnomalyAlertOptions): MonitorMetricAlert {
    return anomalyAlert(this, id, this.bind(this), options);
  }
}
