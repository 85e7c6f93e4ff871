import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { CentralLogArchive } from './central-log-archive';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { encryptedLogGroup } from '../defaults/log-group';
import { acknowledgeRules, inCompliancePacks, REASONS } from '../private/third-party';

/**
 * Props for AuditTrail.
 */
export interface AuditTrailProps {
  /** The archive the trail writes to (its key encrypts the trail). */
  readonly archive: CentralLogArchive;
  /**
   * The policy whose log retention applies to the trail's log group.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Buckets whose object reads and writes are recorded (DP.LOG.2). @default - none */
  readonly dataBuckets?: s3.IBucket[];
  /** Tables whose item reads and writes are recorded (DP.LOG.2). @default - none */
  readonly dataTables?: dynamodb.ITable[];
  /**
   * Record data events for every bucket and table of the account (costs more, misses nothing).
   *
   * @default false
   */
  readonly allDataEvents?: boolean;
  /** Add CloudTrail Insights (unusual API call and error rates). @default false */
  readonly insights?: boolean;
}

/**
 * The audit trail (DP.LOG.1, DP.LOG.2): a multi-region CloudTrail trail with log-file validation,
 * encrypted with the archive's key, written to the locked CentralLogArchive and delivered to an
 * encrypted CloudWatch log group kept `logRetentionDays`, recording data events for the buckets and
 * tables it is given through advanced event selectors (so their cost can be scoped).
 */
export class AuditTrail extends Construct {
  /** The trail. */
  public readonly trail: cloudtrail.Trail;
  /** Where the trail also delivers events for analysis. */
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    this.logGroup = encryptedLogGroup(this, 'Events', 'LogKey', policy, 'Trail log group key');
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      bucket: props.archive.bucket,
      encryptionKey: props.archive.encryptionKey,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: this.logGroup,
      insightTypes: props.insights ? [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE] : undefined,
    });
    // CloudTrail's delivery role to CloudWatch Logs: CDK writes its one policy (put events into this log group).
    acknowledgeRules(this.trail, inCompliancePacks('IAMNoInlinePolicy'), REASONS.inlinePolicy);

    const selectors: cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] = [{
      name: 'Management events',
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }],
    }];
    const dataSelector = (name: string, type: string, arns?: string[]) => ({
      name,
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: [type] },
        ...(arns ? [{ field: 'resources.ARN', startsWith: arns }] : []),
      ],
    });
    if (props.allDataEvents) {
      selectors.push(dataSelector('All S3 objects', 'AWS::S3::Object'), dataSelector('All DynamoDB tables', 'AWS::DynamoDB::Table'));
    } else {
      if (props.dataBuckets?.length) selectors.push(dataSelector('Data buckets', 'AWS::S3::Object', props.dataBuckets.map((b) => `${b.bucketArn}/`)));
      if (props.dataTables?.length) selectors.push(dataSelector('Data tables', 'AWS::DynamoDB::Table', props.dataTables.map((t) => t.tableArn)));
    }
    (this.trail.node.defaultChild as cloudtrail.CfnTrail).advancedEventSelectors = selectors;
    this.trail.node.addDependency(props.archive.bucket);
  }
}
