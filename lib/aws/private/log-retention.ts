import * as logs from 'aws-cdk-lib/aws-logs';

/** The retention periods CloudWatch Logs accepts, in days. */
const CLOUDWATCH_RETENTION_DAYS = Object.values(logs.RetentionDays)
  .filter((v): v is number => typeof v === 'number' && v > 0 && v !== logs.RetentionDays.INFINITE)
  .sort((a, b) => a - b);

/**
 * The shortest CloudWatch Logs retention that keeps logs at least `days` (CloudWatch accepts only
 * certain values): never shorter than the policy promises.
 */
export function logRetentionAtLeast(days: number): logs.RetentionDays {
  const fit = CLOUDWATCH_RETENTION_DAYS.find((d) => d >= days);
  return (fit ?? logs.RetentionDays.INFINITE) as logs.RetentionDays;
}
