import { ContainerApp } from '@cdktf/provider-azurerm/lib/container-app';
import { ContainerAppEnvironment } from '@cdktf/provider-azurerm/lib/container-app-environment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { anomalyAlert } from './private/monitoring';
import type { IAzureNetwork } from './secure-virtual-network';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';

/** Zones of an Azure region: the fewest replicas that put one in each. */
const ZONES = 3;

/** What an entry point needs to send traffic to an app over Private Link. */
export interface IPrivateOrigin {
  /** Host name the origin answers on (its TLS certificate's name). */
  readonly originHostName: string;
  /** ID of the resource Front Door's private endpoint connects to. */
  readonly privateLinkTargetId: string;
  /** Front Door's name for the kind of target (`managedEnvironments`, `sites`, `blob`). */
  readonly privateLinkTargetType: string;
  /** Region of the target. */
  readonly location: string;
}

/** Props of a `ZoneRedundantApp`. */
export interface ZoneRedundantAppProps {
  /**
   * The policy: allowed regions, zones per region.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region. */
  readonly placement: AzurePlacement;
  /** The network whose delegated app subnet hosts the environment. */
  readonly network: IAzureNetwork;
  /** Container image, e.g. `situm.azurecr.io/platform-api:1.42.0`. */
  readonly image: string;
  /**
   * App name (2-32 lower-case letters, digits and hyphens).
   * @default - the construct id in lower case
   */
  readonly name?: string;
  /**
   * Port the container listens on.
   * @default 8080
   */
  readonly targetPort?: number;
  /**
   * HTTP path that answers 200 when a replica can serve: readiness and liveness probes, and Front Door's health probe.
   * @default '/healthz'
   */
  readonly healthPath?: string;
  /**
   * Replicas that always run (at least 2, and one per zone by default).
   * @default - the policy's availabilityZonesPerRegion, at most 3 (one per zone)
   */
  readonly minReplicas?: number;
  /**
   * Replicas the HTTP scale rule may add up to.
   * @default 10
   */
  readonly maxReplicas?: number;
  /**
   * Concurrent requests per replica before another one is added.
   * @default 50
   */
  readonly concurrentRequestsPerReplica?: number;
  /**
   * vCPUs and memory of the container (a Consumption profile pair such as 0.5 / '1Gi').
   * @default 0.5 and '1Gi'
   */
  readonly cpu?: number;
  /** @see cpu */
  readonly memory?: string;
  /**
   * Workspace for the environment's logs, and for an anomaly alert on the app's request rate.
   * @default - logs are streamed only (DP.LOG.1 has nothing to show; DP.MON.1 no KPI alarm)
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * The application tier of one region on Azure Container Apps, keeping the availability promises: a
 * zone-redundant environment (workload profiles, internal load balancer, public network access
 * off: Front Door reaches it over Private Link) in the network's delegated subnet, and a container
 * app that keeps a replica in every zone (`min_replicas`), scales out on concurrent HTTP requests,
 * never scales to zero, accepts HTTPS only, and rolls out new revisions only once their readiness
 * probe passes (the old revision keeps the traffic until then).
 */
export class ZoneRedundantApp extends Construct implements IPrivateOrigin {
  /** The Container Apps environment. */
  public readonly environment: ContainerAppEnvironment;
  /** The container app. */
  public readonly app: ContainerApp;
  /** @inheritdoc */
  public readonly originHostName: string;
  /** @inheritdoc */
  public readonly privateLinkTargetId: string;
  /** @inheritdoc */
  public readonly privateLinkTargetType = 'managedEnvironments';
  /** @inheritdoc */
  public readonly location: string;

  constructor(scope: Construct, id: string, props: ZoneRedundantAppProps) {
    const errors = new PropErrors('ZoneRedundantApp', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const min = props.minReplicas ?? Math.max(2, Math.min(policy.availabilityZonesPerRegion, ZONES));
    const max = props.maxReplicas ?? 10;
    const port = props.targetPort ?? 8080;
    const name = props.name ?? id.toLowerCase();
    errors.check(Number.isInteger(min) && min >= 2, 'minReplicas', min, 'a whole number of at least 2 (no single point of failure, DP.AVL.4)');
    errors.check(Number.isInteger(max) && max > min && max <= 1000, 'maxReplicas', max, `a whole number above minReplicas (${min}) and at most 1000`);
    errors.check(Number.isInteger(port) && port >= 1 && port <= 65535, 'targetPort', port, 'a port from 1 to 65535');
    if (!Token.isUnresolved(name)) errors.check(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(name), 'name', name, '2-32 lower-case letters, digits and hyphens, starting with a letter');
    errors.check(props.network.location === props.placement.location, 'network', props.network.location, `a network in the app's region (${props.placement.location})`);
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    errors.throwIfAny();
    super(scope, id);
    const logs = props.logs?.bind(this);
    const health = props.healthPath ?? '/healthz';

    this.environment = new ContainerAppEnvironment(this, 'Environment', {
      name: `cae-${name}-${props.placement.location}`,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      infrastructureSubnetId: props.network.appSubnetId,
      internalLoadBalancerEnabled: true,
      zoneRedundancyEnabled: true,
      publicNetworkAccess: 'Disabled',
      workloadProfile: [{ name: 'Consumption', workloadProfileType: 'Consumption' }],
      ...(logs ? { logsDestination: 'log-analytics', logAnalyticsWorkspaceId: logs.workspaceId } : {}),
    });
    const probe = { transport: 'HTTP', port, path: health };
    this.app = new ContainerApp(this, 'App', {
      name,
      resourceGroupName: props.placement.resourceGroupName,
      containerAppEnvironmentId: this.environment.id,
      workloadProfileName: 'Consumption',
      revisionMode: 'Single',
      template: {
        minReplicas: min,
        maxReplicas: max,
        httpScaleRule: [{ name: 'concurrent-requests', concurrentRequests: String(props.concurrentRequestsPerReplica ?? 50) }],
        container: [{
          name,
          image: props.image,
          cpu: props.cpu ?? 0.5,
          memory: props.memory ?? '1Gi',
          readinessProbe: [{ ...probe, intervalSeconds: 5, failureCountThreshold: 3 }],
          livenessProbe: [{ ...probe, intervalSeconds: 10, failureCountThreshold: 3, initialDelay: 10 }],
        }],
      },
      ingress: {
        externalEnabled: true,
        allowInsecureConnections: false,
        targetPort: port,
        transport: 'auto',
        trafficWeight: [{ latestRevision: true, percentage: 100 }],
      },
    });
    this.originHostName = this.app.ingress.fqdn;
    this.privateLinkTargetId = this.environment.id;
    this.location = props.placement.location;

    if (logs) {
      anomalyAlert(this, `${id}Requests`, logs, {
        scope: this.app.id,
        metricNamespace: 'Microsoft.App/containerApps',
        metricName: 'Requests',
        aggregation: 'Total',
        description: `Requests to ${this.node.path} deviate from their usual pattern.`,
      });
    }
  }
}
