/**
 * The status of a control in the evidence report.
 */
export enum ControlStatus {
  /** Evidence: at least one compliant finding, and nothing open or acknowledged. */
  MET = 'met',
  /** At least one finding is non-compliant (or unverifiable, or a rule error) and not acknowledged. */
  VIOLATED = 'violated',
  /** No unacknowledged violation, but at least one finding was acknowledged with a reason. */
  ACKNOWLEDGED = 'acknowledged',
  /**
   * Nothing to judge: the policy does not promise the control, nothing in the app is subject to
   * its rules, or the control has no meaning on this cloud. The control's `reason` says which.
   */
  NOT_APPLICABLE = 'not-applicable',
  /** No rule checks this control on this cloud yet: it needs manual evidence. Never reported as met. */
  NOT_AUTOMATED = 'not-automated',
}

/**
 * The status of one finding (one rule on one resource).
 */
export enum FindingStatus {
  /** The resource keeps the promise. */
  COMPLIANT = 'compliant',
  /** The resource breaks the promise, or the rule could not verify that it keeps it. */
  NON_COMPLIANT = 'non-compliant',
  /** Non-compliant, but acknowledged with a reason. */
  ACKNOWLEDGED = 'acknowledged',
  /** The rule does not apply to this resource. */
  NOT_APPLICABLE = 'not-applicable',
}

/**
 * One rule's verdict on one resource.
 */
export interface EvidenceFinding {
  /** Full rule ID, with the finding suffix where the rule gave one (`DataProtection-S3BucketCMK[Unverifiable]`). */
  readonly ruleId: string;
  /** The control the rule provides evidence for. */
  readonly controlId: string;
  /** Construct path of the stack holding the resource. */
  readonly stack: string;
  /** Logical ID in that stack's template. */
  readonly logicalId: string;
  /** CloudFormation resource type. */
  readonly resourceType: string;
  /** Construct path of the resource. */
  readonly constructPath: string;
  /** Template file, relative to the directory the report is written to. */
  readonly templatePath: string;
  /** The verdict. */
  readonly status: FindingStatus;
  /** For acknowledged findings: the reason given. */
  readonly reason?: string;
  /** For acknowledged findings: the ID as acknowledged and the construct it was recorded on. */
  readonly acknowledgedId?: string;
  /** @see acknowledgedId */
  readonly acknowledgedAt?: string;
  /** Extra detail, e.g. why a value could not be verified, or a rule error. */
  readonly detail?: string;
}

/**
 * One control with its status and evidence.
 */
export interface ControlEvidence {
  /** Control ID, e.g. `DP.ENC.2`. */
  readonly id: string;
  /** Short title. */
  readonly title: string;
  /** The commitment in our words. */
  readonly commitment: string;
  /** Policy documents the control comes from. */
  readonly sourceDocuments: string[];
  /** Whether the policy in force promises this control. */
  readonly promised: boolean;
  /** IDs of the rules that check the control (empty: not automated). */
  readonly rules: string[];
  /** The control's status. */
  readonly status: ControlStatus;
  /**
   * Why the control has its status, in words an auditor can sign: the evidence behind `met`, what
   * is open, or why nothing was judged (not promised, nothing in the app it applies to, no rule on
   * this cloud).
   */
  readonly reason: string;
  /** Every finding of the control's rules. */
  readonly findings: EvidenceFinding[];
}

/**
 * What a rule checks, for readers of the report and for SARIF rule metadata.
 */
export interface RuleDescription {
  /** `DataProtection-<Name>`. */
  readonly ruleId: string;
  /** The control it provides evidence for. */
  readonly controlId: string;
  /** Why it was triggered. */
  readonly info: string;
  /** Why it exists and how to fix a violation. */
  readonly explanation: string;
  /** How to fix a violation, in one line. */
  readonly fix?: string;
  /** `error` or `warning`. */
  readonly level: string;
}

/**
 * One acknowledgement recorded in the checked stacks, of any pack (DataProtection, cdk-nag's packs,
 * the CloudFormation validator): what an auditor reviews besides the findings.
 */
export interface AcknowledgementRecord {
  /** The pack the rule belongs to, e.g. `AwsSolutions`, `NIST.800.53.R5`, `DataProtection`. */
  readonly pack: string;
  /** The rule ID as acknowledged, e.g. `AwsSolutions-IAM4[Policy::...]`. */
  readonly ruleId: string;
  /** Why the rule does not apply or how the promise is kept another way. */
  readonly reason: string;
  /** Construct path the acknowledgement was recorded on (it covers everything below it). */
  readonly constructPath: string;
}

/**
 * An acknowledgement of this library's rules that covered no finding: stale, mistyped, or recorded
 * on the wrong construct.
 */
export interface UnusedAcknowledgementRecord extends AcknowledgementRecord {
  /** Why it matched nothing. */
  readonly why: string;
}

/**
 * Content of the checked infrastructure code that no rule could see into (a Terraform module call
 * that is not expanded, an AzAPI resource, a SAM resource before its transform): never evidence of
 * compliance, and an open item until reviewed.
 */
export interface NotJudgedRecord {
  /** The input (file or directory) it is in. */
  readonly source: string;
  /** Its address or logical ID. */
  readonly address: string;
  /** What it is and how to get it judged. */
  readonly detail: string;
  /** Why a reviewer accepts it, when acknowledged. */
  readonly acknowledgedReason?: string;
}

/**
 * Counts for a quick look.
 */
export interface EvidenceSummary {
  /** Number of controls per status. */
  readonly controls: { [status: string]: number };
  /** Number of findings per status. */
  readonly findings: { [status: string]: number };
  /** Number of acknowledgements recorded in the checked stacks, per pack. */
  readonly acknowledgementsByPack: { [pack: string]: number };
}

/** What a node of the topology picture is. */
export enum TopologyKind {
  /** A global entry point: an accelerator, a CDN or a global load balancer with a WAF. */
  ENTRY = 'entry',
  /** A regional load balancer or gateway. */
  LOAD_BALANCER = 'load-balancer',
  /** Compute that serves the workload: a container service, an auto scaling group, an app. */
  SERVICE = 'service',
  /** A database (primary). */
  DATABASE = 'database',
  /** A database replica. */
  REPLICA = 'replica',
  /** Object or file storage. */
  STORAGE = 'storage',
  /** A backup vault. */
  BACKUP_VAULT = 'backup-vault',
}

/** One thing in the topology picture. */
export interface TopologyNode {
  /** Unique within the topology. */
  readonly id: string;
  /** What it is. */
  readonly kind: TopologyKind;
  /** What the picture says: type, name and what matters for availability ("Aurora PostgreSQL, writer + 1 reader"). */
  readonly label: string;
  /** Its region; none for global entry points. */
  readonly region?: string;
}

/** A relation the picture draws: traffic, replication or a backup copy. */
export interface TopologyEdge {
  /** Node ID it starts at. */
  readonly from: string;
  /** Node ID it ends at. */
  readonly to: string;
  /** What flows ("routes", "replicates", "copies backups"). */
  readonly label: string;
}

/** A region of the topology and the availability zones the workload's networks or services span there (if known). */
export interface TopologyRegion {
  /** Region name, e.g. `eu-central-1` or `westeurope`. */
  readonly name: string;
  /** Zones, e.g. `eu-central-1a` or `zone 1`. */
  readonly zones: string[];
}

/** The workload's shape, for the report's picture: regions and their zones, and what runs where. */
export interface Topology {
  /** The regions the workload uses. */
  readonly regions: TopologyRegion[];
  /** Entry points, load balancers, services, databases, replicas, storage and backup vaults. */
  readonly nodes: TopologyNode[];
  /** Traffic, replication and backup copies between them. */
  readonly edges: TopologyEdge[];
}

/** One picture of several configurations judged together (their regions merged). */
export function mergeTopologies(parts: readonly Topology[]): Topology {
  const zones = new Map<string, Set<string>>();
  for (const region of parts.flatMap((t) => t.regions)) {
    let set = zones.get(region.name);
    if (!set) zones.set(region.name, set = new Set());
    region.zones.forEach((z) => set!.add(z));
  }
  return {
    regions: [...zones].sort(([a], [b]) => a.localeCompare(b)).map(([name, z]) => ({ name, zones: [...z].sort() })),
    nodes: parts.flatMap((t) => t.nodes),
    edges: parts.flatMap((t) => t.edges),
  };
}

/** The tool that wrote a report. */
export interface ToolInfo {
  /** `cdk-data-protection`. */
  readonly name: string;
  /** Its version. */
  readonly version: string;
}

/**
 * The evidence report: what the JSON, Markdown and SARIF files are written from.
 */
export interface EvidenceReport {
  /** Version of this report's format. */
  readonly schemaVersion: string;
  /** The tool that produced it. */
  readonly tool: ToolInfo;
  /** The policy values used. */
  readonly policy: { [key: string]: any };
  /** Counts. */
  readonly summary: EvidenceSummary;
  /** Every control of the catalogue, in catalogue order. */
  readonly controls: ControlEvidence[];
  /** Every rule the checks evaluated. */
  readonly rules: RuleDescription[];
  /** Every acknowledgement recorded in the checked stacks, of every pack, with its reason. */
  readonly acknowledgements: AcknowledgementRecord[];
  /** Acknowledgements of this library's rules that covered no finding. */
  readonly unusedAcknowledgements: UnusedAcknowledgementRecord[];
  /** The shape of the judged workload, when the engine could read one. */
  readonly topology?: Topology;
  /** Content the checks could not judge (`cdk-data-protection check` on Terraform and SAM); absent when none. */
  readonly notJudged?: NotJudgedRecord[];
}

/** The report format version; bump on any breaking change to the JSON shape. */
export const REPORT_SCHEMA_VERSION = '1.2.0';
