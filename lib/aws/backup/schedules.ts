import * as events from 'aws-cdk-lib/aws-events';
import { RestoreTestFrequency } from '../../core/policy/policy';

/** When backups run (UTC): daily incremental at 03:00, weekly full on Sunday at 04:00. */
export const DAILY_BACKUP = events.Schedule.cron({ minute: '0', hour: '3' });
export const WEEKLY_BACKUP = events.Schedule.cron({ minute: '0', hour: '4', weekDay: 'SUN' });

/** When restore tests run (UTC), and how far back each looks for the latest recovery point. */
export const RESTORE_TEST_SCHEDULES: { [f: string]: { expression: string; windowDays: number } } = {
  [RestoreTestFrequency.DAILY]: { expression: 'cron(0 6 * * ? *)', windowDays: 1 },
  [RestoreTestFrequency.WEEKLY]: { expression: 'cron(0 6 ? * MON *)', windowDays: 7 },
  [RestoreTestFrequency.QUARTERLY]: { expression: 'cron(0 6 1 1,4,7,10 ? *)', windowDays: 31 },
};

/** AWS Backup keeps continuous (point-in-time) recovery points at most this long. */
export const CONTINUOUS_BACKUP_MAX_DAYS = 35;
