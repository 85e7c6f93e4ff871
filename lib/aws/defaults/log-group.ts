import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { DataKey } from '../encryption/data-key';
import { logRetentionAtLeast } from '../private/log-retention';

/**
 * A log group that keeps DP.ENC.2 and DP.LOG.4: encrypted with its own DataKey that CloudWatch Logs
 * may use, kept at least the policy's `logRetentionDays`, retained when its stack is deleted.
 */
export function encryptedLogGroup(
  scope: Construct, id: string, keyId: string, policy: DataProtectionPolicy, purpose: string, logGroupName?: string,
): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    logGroupName,
    encryptionKey: new DataKey(scope, keyId, { services: ['logs'], description: `${purpose} of ${scope.node.path}` }),
    retention: logRetentionAtLeast(policy.logRetentionDays),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
