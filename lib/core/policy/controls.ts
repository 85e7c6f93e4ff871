/**
 * One technical promise of a policy, with a stable ID.
 *
 * IDs are a contract: users acknowledge findings by them, the evidence report is keyed by them.
 * Never renumber or reuse one.
 */
export interface Control {
  /** Stable ID, e.g. `DP.ENC.2`. */
  readonly id: string;
  /** Short title for tables. */
  readonly title: string;
  /** The commitment in our own words; `[name]` marks a value read from the policy object. */
  readonly commitment: string;
  /** IDs of the policy documents the commitment comes from (see `POLICY_DOCUMENTS`). */
  readonly sourceDocuments: string[];
  /**
   * What the control is about, in the singular ("message broker"): an app with none of it has
   * nothing to judge, and the report says so ("no message broker in this app").
   */
  readonly appliesTo: string;
}

/**
 * The control catalogue: every technical promise of the five policies (mirrors `CONTROLS.md`).
 */
export const CONTROLS: readonly Control[] = [
  {
    id: 'DP.ENC.1',
    title: 'Encryption in transit',
    commitment: 'Data in transit uses TLS >= [minTlsVersion] on every endpoint; plaintext listeners only redirect to HTTPS.',
    sourceDocuments: ['000', '001', '002', '003', '004'],
    appliesTo: 'endpoint that carries data (listener, API, distribution, bucket, database, cache, storage account)',
  },
  {
    id: 'DP.ENC.2',
    title: 'Encryption at rest with customer-managed keys',
    commitment: 'Every data store is encrypted at rest with AES-256 under a customer-managed key.',
    sourceDocuments: ['000', '001', '002', '003', '004'],
    appliesTo: 'data store',
  },
  {
    id: 'DP.ENC.3',
    title: 'Key rotation and retention',
    commitment: 'Encryption keys rotate automatically and are never deleted with the stack.',
    sourceDocuments: ['000'],
    appliesTo: 'encryption key',
  },
  {
    id: 'DP.ENC.4',
    title: 'Dedicated backup key',
    commitment: 'Backup data is encrypted with a dedicated key; on Azure an RSA key of [backupKeyBits] bits in a purge-protected Key Vault.',
    sourceDocuments: ['000'],
    appliesTo: 'backup vault or backup key',
  },
  {
    id: 'DP.BAK.1',
    title: 'Daily incremental and weekly full backups',
    commitment: 'Stateful data is backed up incrementally every day and in full every week.',
    sourceDocuments: ['000'],
    appliesTo: 'backup plan or backup policy',
  },
  {
    id: 'DP.BAK.2',
    title: 'Backup retention per data class',
    commitment: 'Backups are retained >= [databaseBackupRetentionDays] days for databases and >= [fileBackupRetentionDays] days for files.',
    sourceDocuments: ['000'],
    appliesTo: 'backup plan or backup policy',
  },
  {
    id: 'DP.BAK.3',
    title: 'Cross-region backup copies',
    commitment: 'Every backup is copied to a second region.',
    sourceDocuments: ['000', '002', '003', '004'],
    appliesTo: 'backup plan, backup vault or database backup',
  },
  {
    id: 'DP.BAK.4',
    title: 'Automated restore tests',
    commitment: 'Restores are tested automatically on a [restoreTestSchedules] schedule.',
    sourceDocuments: ['000', '004'],
    appliesTo: 'backup plan or backup vault',
  },
  {
    id: 'DP.BAK.5',
    title: 'Backup failure alerts',
    commitment: 'A failed backup, copy or restore job alerts the operations team.',
    sourceDocuments: ['002', '004'],
    appliesTo: 'backup vault',
  },
  {
    id: 'DP.BAK.6',
    title: 'Every stateful resource is backed up',
    commitment: 'Every stateful resource is selected by a backup plan (by reference or by tag).',
    sourceDocuments: ['002', '003', '004'],
    appliesTo: 'stateful resource',
  },
  {
    id: 'DP.BAK.7',
    title: 'Immutable backups',
    commitment: 'Backups are immutable: vault lock / deletion of recovery points blocked.',
    sourceDocuments: ['000', '003'],
    appliesTo: 'backup vault',
  },
  {
    id: 'DP.AVL.1',
    title: 'Multi-AZ networks',
    commitment: 'Every regional network spans >= [availabilityZonesPerRegion] availability zones.',
    sourceDocuments: ['001', '003'],
    appliesTo: 'regional network or zonal service',
  },
  {
    id: 'DP.AVL.2',
    title: 'Multi-region workload',
    commitment: 'The workload runs in >= [regionCount] regions.',
    sourceDocuments: ['001'],
    appliesTo: 'workload resource (load balancer, service, function, API, database, table, data bucket)',
  },
  {
    id: 'DP.AVL.3',
    title: 'Replicated databases',
    commitment: 'Databases replicate from 1 primary to >= 1 secondary in another AZ.',
    sourceDocuments: ['003'],
    appliesTo: 'database',
  },
  {
    id: 'DP.AVL.4',
    title: 'No single point of failure',
    commitment: 'No single point of failure: compute, NAT and load balancing exist in every AZ.',
    sourceDocuments: ['002', '003', '004'],
    appliesTo: 'compute, NAT or load-balancing resource',
  },
  {
    id: 'DP.AVL.5',
    title: 'Autoscaling and zero-downtime deployments',
    commitment: 'Services autoscale and deploy with zero downtime (rolling, with automatic rollback).',
    sourceDocuments: ['001'],
    appliesTo: 'service',
  },
  {
    id: 'DP.AVL.6',
    title: 'Redundant, versioned storage',
    commitment: 'Object and file storage is redundant and versioned.',
    sourceDocuments: ['000', '002', '003', '004'],
    appliesTo: 'object or file storage',
  },
  {
    id: 'DP.AVL.7',
    title: 'Availability budget',
    commitment: "The topology's computed availability meets [uptimePercent].",
    sourceDocuments: ['000', '003'],
    appliesTo: 'workload resource (load balancer, service, function, API, database, table, data bucket)',
  },
  {
    id: 'DP.NET.1',
    title: 'Closed perimeter',
    commitment: 'The internet reaches only load balancers / accelerators, only on [allowedPublicPorts] (and on plaintext ports whose listeners only redirect to HTTPS, as DP.ENC.1 allows).',
    sourceDocuments: ['002', '004'],
    appliesTo: 'resource the internet could reach (security group, instance, database, public storage)',
  },
  {
    id: 'DP.NET.2',
    title: 'DDoS protection',
    commitment: 'Public entry points are protected against DDoS (Shield Advanced on the accelerator).',
    sourceDocuments: ['001', '002', '004'],
    appliesTo: 'public entry point',
  },
  {
    id: 'DP.NET.3',
    title: 'Global Accelerator in every region',
    commitment: 'A Global Accelerator fronts the workload with an endpoint group in every region.',
    sourceDocuments: ['001'],
    appliesTo: 'workload resource (load balancer, service, function, API, database, table, data bucket)',
  },
  {
    id: 'DP.NET.4',
    title: 'Private message brokers',
    commitment: 'Message brokers are private: AMQP over VPC peering or a private broker, AMQPS (5671) only.',
    sourceDocuments: ['001'],
    appliesTo: 'message broker',
  },
  {
    id: 'DP.NET.5',
    title: 'Administrative access through VPN and MFA',
    commitment: 'Administrative access only through a VPN with mutual TLS / SSO and MFA; no SSH or RDP from the internet.',
    sourceDocuments: ['002', '004'],
    appliesTo: 'administrative access path (VPN endpoint, security group admitting SSH or RDP)',
  },
  {
    id: 'DP.LOG.1',
    title: 'Central audit trail',
    commitment: 'A multi-region audit trail with log-file validation lands in a central, encrypted, locked archive.',
    sourceDocuments: ['000', '002', '003', '004'],
    appliesTo: 'workload to audit',
  },
  {
    id: 'DP.LOG.2',
    title: 'Data access logging',
    commitment: 'Every access to customer data is logged (object-level data events, database audit logs).',
    sourceDocuments: ['000', '002', '004'],
    appliesTo: 'store of customer data',
  },
  {
    id: 'DP.LOG.3',
    title: 'Network and edge logging',
    commitment: 'Network and edge traffic is logged (VPC flow logs, load balancer and accelerator logs).',
    sourceDocuments: ['000', '001', '003'],
    appliesTo: 'network, load balancer or accelerator',
  },
  {
    id: 'DP.LOG.4',
    title: 'Log encryption and retention',
    commitment: 'Logs are encrypted and retained >= [logRetentionDays] days.',
    sourceDocuments: ['002', '004'],
    appliesTo: 'log group or log store',
  },
  {
    id: 'DP.MON.1',
    title: 'KPI anomaly alarms',
    commitment: 'KPIs carry anomaly-detection alarms that page an encrypted incident topic.',
    sourceDocuments: ['000', '001', '003'],
    appliesTo: 'resource with KPIs (load balancer, service, database)',
  },
  {
    id: 'DP.MON.2',
    title: 'Automated security event detection',
    commitment: 'Security events are detected automatically and alert the incident topic.',
    sourceDocuments: ['002', '003', '004'],
    appliesTo: 'workload region',
  },
  {
    id: 'DP.IAM.1',
    title: 'Least privilege',
    commitment: 'Service roles follow least privilege: no wildcard actions on wildcard resources.',
    sourceDocuments: ['001'],
    appliesTo: 'role or policy',
  },
  {
    id: 'DP.IAM.2',
    title: 'Authentication everywhere',
    commitment: 'Every user-facing endpoint requires authentication; password policies demand >= [minPasswordLength] characters.',
    sourceDocuments: ['000', '002', '003', '004'],
    appliesTo: 'user-facing endpoint or user directory',
  },
  {
    id: 'DP.DAT.1',
    title: 'Data end of life and tenant isolation',
    commitment: 'Data has a documented end of life: lifecycle expiry and tenant-isolated storage.',
    sourceDocuments: ['000', '002', '004'],
    appliesTo: 'store of customer data',
  },
];

const CONTROLS_BY_ID = new Map(CONTROLS.map((c) => [c.id, c]));

/**
 * Look up a control by ID.
 *
 * @returns the control, or `undefined` for an ID the catalogue does not hold
 */
export function findControl(id: string): Control | undefined {
  return CONTROLS_BY_ID.get(id);
}

/**
 * IDs of the controls a given policy document promises.
 */
export function controlsOfDocument(documentId: string): string[] {
  return CONTROLS.filter((c) => c.sourceDocuments.includes(documentId)).map((c) => c.id);
}
