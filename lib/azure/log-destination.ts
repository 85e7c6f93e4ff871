import { Construct } from 'constructs';
import { AzurePlacement } from './placement';

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

/** What a construct needs to send its logs and alerts somewhere. */
export interface AzureLogDestinationConfig {
  /** ID of the Log Analytics workspace that receives diagnostic logs (DP.LOG.1) and log alert queries. */
  readonly workspaceId: string;
  /** IDs of the action groups every alert notifies (DP.MON.1, DP.BAK.5). */
  readonly actionGroupIds: string[];
  /** Resource group and region for alert rules. */
  readonly alertPlacement: AzurePlacement;
  /**
   * The workspace's GUID (its "workspace ID" in the portal) and region, for traffic analytics of
   * network flow logs.
   * @default - no traffic analytics
   */
  readonly workspaceGuid?: string;
  /** @see workspaceGuid */
  readonly workspaceLocation?: string;
  /**
   * Storage account that keeps network flow log records (VNet flow logs need one besides the workspace).
   * @default - networks bound to this destination keep no flow logs
   */
  readonly flowLogStorageAccountId?: string;
}

/**
 * Where an Azure construct of this library sends its diagnostic logs and pages people, the way
 * `IBucketNotificationDestination` works in aws-s3: every construct that takes a `logs` prop wires
 * its own diagnostic settings and alerts to the destination it is given, so adding a construct
 * never means editing the destination. `CentralLogAnalytics` is one; an existing workspace and
 * action group can be another (`AzureLogDestination.fromIds`).
 */
export interface IAzureLogDestination {
  /**
   * Called once by each construct that sends logs here.
   * @param scope the construct that will create its diagnostic settings and alerts
   */
  bind(scope: Construct): AzureLogDestinationConfig;
}

/** Log destinations that exist outside this app. */
export class AzureLogDestination {
  /** A workspace and action groups created elsewhere (another stack, the platform team). */
  public static fromIds(config: AzureLogDestinationConfig): IAzureLogDestination {
    return { bind: () => config };
  }

  private constructor() {}
}
