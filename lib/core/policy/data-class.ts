/**
 * What kind of data a resource holds. Backup retention (DP.BAK.2), end of life (DP.DAT.1) and log
 * handling (DP.LOG.4) depend on it. Constructs tag what they create; users tag their own resources.
 */
export enum DataClass {
  /** Databases and tables: kept `databaseBackupRetentionDays` in backups. */
  DATABASE = 'database',
  /** Files and objects: kept `fileBackupRetentionDays` in backups; expire at `dataEndOfLifeDays`. */
  FILES = 'files',
  /** Logs and audit trails: kept `logRetentionDays`; not customer data subject to end of life. */
  LOGS = 'logs',
}

/** The tag key that carries a resource's DataClass. */
export const DATA_CLASS_TAG = 'dp:data-class';
