import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { PropErrors } from '../../core/props/prop-errors';

/**
 * Props for KpiAlarms.
 */
export interface KpiAlarmsProps {
  /** The topic every alarm pages (e.g. an IncidentTopic). */
  readonly alertTopic: sns.ITopic;
  /**
   * Width of the anomaly band in standard deviations.
   *
   * @default 2
   */
  readonly bandWidth?: number;
  /**
   * How many 5-minute periods a metric must stay out of its band before the alarm fires.
   *
   * @default 3
   */
  readonly evaluationPeriods?: number;
}

/**
 * Anomaly-detection alarms on the KPIs of what it is given, all paging one topic (DP.MON.1).
 * Each `watch*` method adds alarms for one resource:
 *
 * - load balancer: 5xx count and p99 response time above their bands;
 * - ECS service: CPU and memory above their bands;
 * - Aurora cluster: replica lag and connections above their bands.
 */
export class KpiAlarms extends Construct {
  /** Every alarm created. */
  public readonly alarms: cloudwatch.Alarm[] = [];
  private readonly topic: sns.ITopic;
  private readonly bandWidth: number;
  private readonly periods: number;

  constructor(scope: Construct, id: string, props: KpiAlarmsProps) {
    super(scope, id);
    const errors = PropErrors.of('KpiAlarms', this);
    errors.check(props.bandWidth === undefined || (props.bandWidth > 0 && props.bandWidth <= 10), 'bandWidth', props.bandWidth, 'a number above 0, at most 10');
    errors.check(props.evaluationPeriods === undefined || (Number.isInteger(props.evaluationPeriods) && props.evaluationPeriods >= 1),
      'evaluationPeriods', props.evaluationPeriods, 'a whole number of at least 1');
    errors.throwIfAny();
    this.topic = props.alertTopic;
    this.bandWidth = props.bandWidth ?? 2;
    this.periods = props.evaluationPeriods ?? 3;
  }

  /** 5xx responses and response time outside their bands, and any unhealthy target. */
  public watchLoadBalancer(id: string, loadBalancer: elbv2.ApplicationLoadBalancer): void {
    const m = loadBalancer.metrics;
    this.anomaly(`${id}5xx`, m.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: Duration.minutes(5), statistic: 'Sum' }));
    this.anomaly(`${id}Latency`, m.targetResponseTime({ period: Duration.minutes(5), statistic: 'p99' }));
  }

  /** CPU and memory utilization outside their bands. */
  public watchService(id: string, service: ecs.BaseService): void {
    this.anomaly(`${id}Cpu`, service.metricCpuUtilization({ period: Duration.minutes(5) }));
    this.anomaly(`${id}Memory`, service.metricMemoryUtilization({ period: Duration.minutes(5) }));
  }

  /** Replica lag and connections outside their bands. */
  public watchDatabase(id: string, cluster: rds.DatabaseCluster): void {
    this.anomaly(`${id}ReplicaLag`, cluster.metric('AuroraReplicaLag', { period: Duration.minutes(5), statistic: 'Maximum' }));
    this.anomaly(`${id}Connections`, cluster.metricDatabaseConnections({ period: Duration.minutes(5) }));
  }

  /** An alarm on any metric, outside its band. */
  public watchMetric(id: string, metric: cloudwatch.IMetric): cloudwatch.Alarm {
    return this.anomaly(id, metric);
  }

  private anomaly(id: string, metric: cloudwatch.IMetric): cloudwatch.Alarm {
    const alarm = new cloudwatch.AnomalyDetectionAlarm(this, id, {
      metric,
      stdDevs: this.bandWidth,
      evaluationPeriods: this.periods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
