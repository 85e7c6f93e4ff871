import { IConstruct } from 'constructs';
import { CONTROLS, controlsOfDocument, findControl } from './controls';
import { isUnresolved } from '../props/tokens';

/**
 * How often restores are tested automatically (DP.BAK.4).
 */
export enum RestoreTestFrequency {
  /** Every day. */
  DAILY = 'daily',
  /** Every week. */
  WEEKLY = 'weekly',
  /** Every quarter. */
  QUARTERLY = 'quarterly',
}

/**
 * Every number a data-protection policy promises. Each prop is optional: the default is the
 * strictest promise made across the five policy documents the library serves.
 */
export interface DataProtectionPolicyProps {
  /**
   * A human-readable name for the policy, shown in the evidence report.
   *
   * @default 'Strictest common policy'
   */
  readonly name?: string;

  /**
   * The promised availability of the whole topology, in percent (DP.AVL.7).
   * Must be greater than 0 and less than 100.
   *
   * @default 99.95
   */
  readonly uptimePercent?: number;

  /**
   * The lowest TLS version any endpoint may accept (DP.ENC.1): `'1.2'` or `'1.3'`.
   *
   * @default '1.2'
   */
  readonly minTlsVersion?: string;

  /**
   * The number of regions the workload runs in (DP.AVL.2).
   *
   * @default 2
   */
  readonly regionCount?: number;

  /**
   * The number of availability zones every regional network spans (DP.AVL.1), 1 to 6.
   *
   * @default 3
   */
  readonly availabilityZonesPerRegion?: number;

  /**
   * Days database backups are kept (DP.BAK.2).
   *
   * @default 45
   */
  readonly databaseBackupRetentionDays?: number;

  /**
   * Days file and object backups are kept (DP.BAK.2).
   *
   * @default 60
   */
  readonly fileBackupRetentionDays?: number;

  /**
   * Whether every backup is copied to a second region (DP.BAK.3).
   *
   * @default true
   */
  readonly crossRegionBackupCopy?: boolean;

  /**
   * How often restores are tested (DP.BAK.4). Must not be empty; no duplicates.
   *
   * @default [DAILY, WEEKLY, QUARTERLY]
   */
  readonly restoreTestSchedules?: RestoreTestFrequency[];

  /**
   * Days logs are retained (DP.LOG.4).
   *
   * @default 365
   */
  readonly logRetentionDays?: number;

  /**
   * The only ports the internet may reach, on load balancers and accelerators (DP.NET.1).
   * Must not be empty; each 1 to 65535. A plaintext port whose listeners only redirect to HTTPS
   * (the standard port-80 redirect, which DP.ENC.1 allows) need not be listed.
   *
   * @default [443]
   */
  readonly allowedPublicPorts?: number[];

  /**
   * RSA key size for backup encryption keys where the cloud supports asymmetric backup keys
   * (DP.ENC.4, Azure): 2048, 3072 or 4096.
   *
   * @default 4096
   */
  readonly backupKeyBits?: number;

  /**
   * Minimum length of user passwords (DP.IAM.2), 6 to 99 (the range identity providers accept).
   *
   * @default 8
   */
  readonly minPasswordLength?: number;

  /**
   * Days after which customer data reaches its end of life and is expired by lifecycle rules
   * (DP.DAT.1).
   *
   * @default - no end of life: data is kept until deleted by the application
   */
  readonly dataEndOfLifeDays?: number;

  /**
   * Regions the workload and its backups may use (for example only European regions).
   *
   * @default - any region
   */
  readonly allowedRegions?: string[];

  /**
   * IDs of the controls this policy promises. Controls left out are reported as
   * `not-applicable` and their rules are not evaluated.
   *
   * @default - every control in the catalogue
   */
  readonly controls?: string[];
}

const TLS_VERSIONS = ['1.2', '1.3'];
const RSA_KEY_SIZES = [2048, 3072, 4096];
const FREQUENCIES: string[] = Object.values(RestoreTestFrequency);
const MAX_AZS = 6;
const PASSWORD_LENGTH = { min: 6, max: 99 };
const MAX_PORT = 65535;

/** Collects every problem so the user sees them all in one error. */
class Problems {
  private readonly items: string[] = [];

  public add(field: string, value: unknown, allowed: string): void {
    this.items.push(`${field}: ${JSON.stringify(value)} (allowed: ${allowed})`);
  }

  public throwIfAny(): void {
    if (this.items.length > 0) {
      throw new Error(`Invalid DataProtectionPolicy:\n  - ${this.items.join('\n  - ')}`);
    }
  }
}

function isWholeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && !isUnresolved(v);
}

/**
 * A commitment with the values of a policy (as `toJson()` writes them) in place of its
 * `[placeholders]`; a placeholder the values do not hold is left as it is.
 */
export function fillCommitment(commitment: string, values: { readonly [key: string]: any }): string {
  return commitment.replace(/\[(\w+)\]/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined || v === null) return whole;
    return Array.isArray(v) ? (v.length > 1 ? `${v.slice(0, -1).join(', ')} and ${v[v.length - 1]}` : String(v[0])) : String(v);
  });
}

/** The policy set on each scope with `applyTo`; a WeakMap so apps built in tests are collected. */
const POLICIES = new WeakMap<IConstruct, DataProtectionPolicy>();

/**
 * Every number a data-protection policy promises, in one immutable object that constructs read
 * their defaults from and rules read their thresholds from.
 *
 * `new DataProtectionPolicy()` gives the strictest promise across the five policy documents; one
 * static factory per document gives that document's promises.
 *
 * @example
 * const policy = new DataProtectionPolicy({ uptimePercent: 99.9, logRetentionDays: 400 });
 */
export class DataProtectionPolicy {
  /**
   * The policy in force at a scope: the one applied to the scope or its nearest ancestor with
   * `applyTo`, else `new DataProtectionPolicy()` (the strictest promise across the five documents).
   * Every construct of this library and both checks (`DataProtectionChecks`,
   * `AzureDataProtectionChecks`) use it when not given a `policy` prop.
   */
  public static of(scope: IConstruct): DataProtectionPolicy {
    const scopes = scope.node.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const found = POLICIES.get(scopes[i]);
      if (found) return found;
    }
    return new DataProtectionPolicy();
  }

  /**
   * Situm's security and reliability page (document 000, Azure).
   */
  public static situm(overrides: DataProtectionPolicyProps = {}): DataProtectionPolicy {
    return new DataProtectionPolicy({
      name: 'Situm security and reliability page (000)',
      // "SLA": at least 99.9% uptime.
      uptimePercent: 99.9,
      // "Encryption in transit": TLS 1.2 or higher on public networks.
      minTlsVersion: '1.2',
      // "Availability and Redundancy": one Azure region, zone-redundant services;
      // other regions only hold backup copies.
      regionCount: 1,
      availabilityZonesPerRegion: 3,
      // "Avoiding data losses": 45 days for database backups, 60 days for files such as images.
      databaseBackupRetentionDays: 45,
      fileBackupRetentionDays: 60,
      // "Redundant backup storage": backups replicated to other Azure regions within Europe.
      crossRegionBackupCopy: true,
      allowedRegions: [
        'westeurope', 'northeurope', 'francecentral', 'germanywestcentral',
        'swedencentral', 'switzerlandnorth', 'norwayeast', 'italynorth', 'polandcentral', 'spaincentral',
      ],
      // "Restoration & integrity tests": daily, weekly and quarterly.
      restoreTestSchedules: [RestoreTestFrequency.DAILY, RestoreTestFrequency.WEEKLY, RestoreTestFrequency.QUARTERLY],
      // "Avoiding data losses": backups encrypted with RSA 4096 asymmetric keys.
      backupKeyBits: 4096,
      // "Password policy": at least 8 characters.
      minPasswordLength: 8,
      // Not stated: library defaults for log retention and public ports.
      controls: controlsOfDocument('000'),
      ...overrides,
    });
  }

  /**
   * Sitasys's security policy (document 001, AWS).
   */
  public static sitasys(overrides: DataProtectionPolicyProps = {}): DataProtectionPolicy {
    return new DataProtectionPolicy({
      name: 'Sitasys security policy (001)',
      // "Cloud Infrastructure / AWS": a two-region setup with at least 3 AZs in each region.
      regionCount: 2,
      availabilityZonesPerRegion: 3,
      // "Encryption in Transit": web endpoints enforce TLS; 1.2 is the lowest version still safe.
      minTlsVersion: '1.2',
      // "Endpoints": only the Global Accelerator is public, on HTTPS.
      allowedPublicPorts: [443],
      // Not stated: library defaults for uptime, retention, key sizes and passwords.
      controls: controlsOfDocument('001'),
      ...overrides,
    });
  }

  /**
   * TeamBench's data protection policy (document 002).
   */
  public static teamBench(overrides: DataProtectionPolicyProps = {}): DataProtectionPolicy {
    return new DataProtectionPolicy({
      name: 'TeamBench data protection policy (002)',
      // "Data encryption" 1: TLS 1.2 with SHA-256.
      minTlsVersion: '1.2',
      // "Network security" 1: only a small number of servers and protocols reachable.
      allowedPublicPorts: [443],
      // "Availability" 2: data stored at multiple locations, backups copied elsewhere.
      crossRegionBackupCopy: true,
      // Not stated: library defaults for the numbers.
      controls: controlsOfDocument('002'),
      ...overrides,
    });
  }

  /**
   * Styku's Data Processing Agreement, Annex 2 (document 003).
   */
  public static styku(overrides: DataProtectionPolicyProps = {}): DataProtectionPolicy {
    return new DataProtectionPolicy({
      name: 'Styku DPA Annex 2 (003)',
      // "e) Infrastructure availability": a minimum of 99.95% uptime.
      uptimePercent: 99.95,
      // "e) Fault tolerance": replicated across multiple availability zones, i.e. at least two.
      availabilityZonesPerRegion: 2,
      // "c) Transmission Control": HTTPS everywhere; TLS 1.2 is the industry-standard floor.
      minTlsVersion: '1.2',
      // "e) Fault tolerance": backups kept in multiple durable stores.
      crossRegionBackupCopy: true,
      // Not stated: library defaults for the remaining numbers.
      controls: controlsOfDocument('003'),
      ...overrides,
    });
  }

  /**
   * The organization-based SaaS data protection policy (document 004).
   */
  public static organizationSaas(overrides: DataProtectionPolicyProps = {}): DataProtectionPolicy {
    return new DataProtectionPolicy({
      name: 'Organization-based SaaS data protection policy (004)',
      // Clause 4: TLS 1.2, AES-256 and SHA-2.
      minTlsVersion: '1.2',
      // Clause 9: only protocols essential to the service are open at the perimeter.
      allowedPublicPorts: [443],
      // Clause 13: backups tested daily, full restore exercises periodically (quarterly here).
      restoreTestSchedules: [RestoreTestFrequency.DAILY, RestoreTestFrequency.QUARTERLY],
      // Clause 13: data stored redundantly at multiple locations.
      crossRegionBackupCopy: true,
      // Not stated: library defaults for the remaining numbers.
      controls: controlsOfDocument('004'),
      ...overrides,
    });
  }

  /** @see DataProtectionPolicyProps.name */
  public readonly name: string;
  /** @see DataProtectionPolicyProps.uptimePercent */
  public readonly uptimePercent: number;
  /** @see DataProtectionPolicyProps.minTlsVersion */
  public readonly minTlsVersion: string;
  /** @see DataProtectionPolicyProps.regionCount */
  public readonly regionCount: number;
  /** @see DataProtectionPolicyProps.availabilityZonesPerRegion */
  public readonly availabilityZonesPerRegion: number;
  /** @see DataProtectionPolicyProps.databaseBackupRetentionDays */
  public readonly databaseBackupRetentionDays: number;
  /** @see DataProtectionPolicyProps.fileBackupRetentionDays */
  public readonly fileBackupRetentionDays: number;
  /** @see DataProtectionPolicyProps.crossRegionBackupCopy */
  public readonly crossRegionBackupCopy: boolean;
  /** @see DataProtectionPolicyProps.restoreTestSchedules */
  public readonly restoreTestSchedules: RestoreTestFrequency[];
  /** @see DataProtectionPolicyProps.logRetentionDays */
  public readonly logRetentionDays: number;
  /** @see DataProtectionPolicyProps.allowedPublicPorts */
  public readonly allowedPublicPorts: number[];
  /** @see DataProtectionPolicyProps.backupKeyBits */
  public readonly backupKeyBits: number;
  /** @see DataProtectionPolicyProps.minPasswordLength */
  public readonly minPasswordLength: number;
  /** @see DataProtectionPolicyProps.dataEndOfLifeDays */
  public readonly dataEndOfLifeDays?: number;
  /** @see DataProtectionPolicyProps.allowedRegions */
  public readonly allowedRegions?: string[];
  /** @see DataProtectionPolicyProps.controls */
  public readonly controls: string[];

  /**
   * @throws one error naming every invalid field, its value and what is allowed
   */
  constructor(props: DataProtectionPolicyProps = {}) {
    this.name = props.name ?? 'Strictest common policy';
    this.uptimePercent = props.uptimePercent ?? 99.95;
    this.minTlsVersion = props.minTlsVersion ?? '1.2';
    this.regionCount = props.regionCount ?? 2;
    this.availabilityZonesPerRegion = props.availabilityZonesPerRegion ?? 3;
    this.databaseBackupRetentionDays = props.databaseBackupRetentionDays ?? 45;
    this.fileBackupRetentionDays = props.fileBackupRetentionDays ?? 60;
    this.crossRegionBackupCopy = props.crossRegionBackupCopy ?? true;
    this.restoreTestSchedules = [...(props.restoreTestSchedules ?? [
      RestoreTestFrequency.DAILY, RestoreTestFrequency.WEEKLY, RestoreTestFrequency.QUARTERLY,
    ])];
    this.logRetentionDays = props.logRetentionDays ?? 365;
    this.allowedPublicPorts = [...(props.allowedPublicPorts ?? [443])];
    this.backupKeyBits = props.backupKeyBits ?? 4096;
    this.minPasswordLength = props.minPasswordLength ?? 8;
    this.dataEndOfLifeDays = props.dataEndOfLifeDays;
    this.allowedRegions = props.allowedRegions ? [...props.allowedRegions] : undefined;
    this.controls = [...(props.controls ?? CONTROLS.map((c) => c.id))];
    this.validate();
    Object.freeze(this.restoreTestSchedules);
    Object.freeze(this.allowedPublicPorts);
    Object.freeze(this.controls);
    if (this.allowedRegions) Object.freeze(this.allowedRegions);
  }

  /**
   * Make this the policy of `scope` and everything below it (an App, a Stage, a stack): constructs
   * and checks created there without a `policy` prop use it. A `policy` prop still wins.
   *
   * @example
   * const app = new App();
   * DataProtectionPolicy.teamBench({ logRetentionDays: 400 }).applyTo(app);
   * Validations.of(app).addPlugins(new DataProtectionChecks(app));
   */
  public applyTo(scope: IConstruct): void {
    const existing = POLICIES.get(scope);
    if (existing && existing !== this) {
      throw new Error(`DataProtectionPolicy.applyTo: ${scope.node.path || 'the app'} already has the policy "${existing.name}"; `
        + 'apply one policy per scope (a child scope may have its own).');
    }
    POLICIES.set(scope, this);
  }

  /**
   * A control's commitment with this policy's numbers in place of its `[placeholders]`, e.g.
   * "Logs are encrypted and retained >= 400 days." for DP.LOG.4: what a violation is measured against.
   */
  public commitmentOf(controlId: string): string {
    const control = findControl(controlId);
    return control ? fillCommitment(control.commitment, this.toJson()) : '';
  }

  /**
   * Whether this policy promises the given control.
   */
  public promises(controlId: string): boolean {
    return this.controls.includes(controlId);
  }

  /**
   * The policy's values as plain JSON, as written into the evidence report.
   */
  public toJson(): { [key: string]: any } {
    return {
      name: this.name,
      uptimePercent: this.uptimePercent,
      minTlsVersion: this.minTlsVersion,
      regionCount: this.regionCount,
      availabilityZonesPerRegion: this.availabilityZonesPerRegion,
      databaseBackupRetentionDays: this.databaseBackupRetentionDays,
      fileBackupRetentionDays: this.fileBackupRetentionDays,
      crossRegionBackupCopy: this.crossRegionBackupCopy,
      restoreTestSchedules: [...this.restoreTestSchedules],
      logRetentionDays: this.logRetentionDays,
      allowedPublicPorts: [...this.allowedPublicPorts],
      backupKeyBits: this.backupKeyBits,
      minPasswordLength: this.minPasswordLength,
      dataEndOfLifeDays: this.dataEndOfLifeDays ?? null,
      allowedRegions: this.allowedRegions ? [...this.allowedRegions] : null,
      controls: [...this.controls],
    };
  }

  private validate(): void {
    const p = new Problems();
    const positiveDays = (field: string, v: unknown) => {
      if (!isWholeNumber(v) || v <= 0) p.add(field, v, 'a whole number of days greater than 0');
    };

    if (typeof this.name !== 'string' || this.name.trim() === '') p.add('name', this.name, 'a non-empty string');
    if (typeof this.uptimePercent !== 'number' || isUnresolved(this.uptimePercent)
      || !(this.uptimePercent > 0 && this.uptimePercent < 100)) {
      p.add('uptimePercent', this.uptimePercent, 'a number greater than 0 and less than 100');
    }
    if (!TLS_VERSIONS.includes(this.minTlsVersion)) {
      p.add('minTlsVersion', this.minTlsVersion, TLS_VERSIONS.map((v) => `'${v}'`).join(' or '));
    }
    if (!isWholeNumber(this.regionCount) || this.regionCount < 1) {
      p.add('regionCount', this.regionCount, 'a whole number of at least 1');
    }
    if (!isWholeNumber(this.availabilityZonesPerRegion) || this.availabilityZonesPerRegion < 1
      || this.availabilityZonesPerRegion > MAX_AZS) {
      p.add('availabilityZonesPerRegion', this.availabilityZonesPerRegion, `a whole number from 1 to ${MAX_AZS}`);
    }
    positiveDays('databaseBackupRetentionDays', this.databaseBackupRetentionDays);
    positiveDays('fileBackupRetentionDays', this.fileBackupRetentionDays);
    positiveDays('logRetentionDays', this.logRetentionDays);
    if (this.dataEndOfLifeDays !== undefined) positiveDays('dataEndOfLifeDays', this.dataEndOfLifeDays);
    if (typeof this.crossRegionBackupCopy !== 'boolean') {
      p.add('crossRegionBackupCopy', this.crossRegionBackupCopy, 'true or false');
    }

    const schedules = this.restoreTestSchedules as string[];
    const badSchedules = schedules.filter((s) => !FREQUENCIES.includes(s));
    if (schedules.length === 0 || badSchedules.length > 0 || new Set(schedules).size !== schedules.length) {
      p.add('restoreTestSchedules', schedules, `a non-empty list without duplicates of ${FREQUENCIES.map((f) => `'${f}'`).join(', ')}`);
    }

    const ports = this.allowedPublicPorts;
    if (ports.length === 0 || new Set(ports).size !== ports.length
      || ports.some((port) => !isWholeNumber(port) || port < 1 || port > MAX_PORT)) {
      p.add('allowedPublicPorts', ports, `a non-empty list without duplicates of whole numbers from 1 to ${MAX_PORT}`);
    }
    if (!RSA_KEY_SIZES.includes(this.backupKeyBits)) {
      p.add('backupKeyBits', this.backupKeyBits, RSA_KEY_SIZES.join(', '));
    }
    if (!isWholeNumber(this.minPasswordLength) || this.minPasswordLength < PASSWORD_LENGTH.min
      || this.minPasswordLength > PASSWORD_LENGTH.max) {
      p.add('minPasswordLength', this.minPasswordLength, `a whole number from ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max}`);
    }

    if (this.allowedRegions !== undefined) {
      const regions = this.allowedRegions;
      if (regions.length === 0 || new Set(regions).size !== regions.length
        || regions.some((r) => typeof r !== 'string' || !/^[a-z0-9-]+$/.test(r))) {
        p.add('allowedRegions', regions, 'a non-empty list without duplicates of region names such as eu-west-1 or westeurope');
      } else if (isWholeNumber(this.regionCount) && regions.length < this.regionCount) {
        p.add('allowedRegions', regions, `at least regionCount (${this.regionCount}) regions`);
      }
    }

    const unknownControls = this.controls.filter((id) => !findControl(id));
    if (this.controls.length === 0 || unknownControls.length > 0 || new Set(this.controls).size !== this.controls.length) {
      p.add('controls', unknownControls.length > 0 ? unknownControls : this.controls,
        'a non-empty list without duplicates of control IDs from the catalogue (DP.ENC.1 ... DP.DAT.1)');
    }
    p.throwIfAny();
  }
}
