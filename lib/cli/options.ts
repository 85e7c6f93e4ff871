import * as fs from 'fs';
import { CheckInputError } from './errors';
import { parseJsonOrYaml } from './parse';
import { DataProtectionPolicy, DataProtectionPolicyProps } from '../core/policy/policy';

/** The policy presets `--policy` accepts by name. */
export const POLICY_PRESETS: { readonly [name: string]: (overrides?: DataProtectionPolicyProps) => DataProtectionPolicy } = {
  situm: (o) => DataProtectionPolicy.situm(o),
  sitasys: (o) => DataProtectionPolicy.sitasys(o),
  teamBench: (o) => DataProtectionPolicy.teamBench(o),
  styku: (o) => DataProtectionPolicy.styku(o),
  organizationSaas: (o) => DataProtectionPolicy.organizationSaas(o),
};

/**
 * `--policy`: a preset name (`situm`, `sitasys`, `teamBench`, `styku`, `organizationSaas`, case and
 * dashes ignored), or a JSON/YAML file of `DataProtectionPolicy` props (optionally with
 * `"preset": "<name>"` to start from a preset). Absent: the strictest common policy.
 */
export function readPolicy(value: string | undefined): DataProtectionPolicy {
  if (value === undefined) return new DataProtectionPolicy();
  const preset = presetNamed(value);
  if (preset) return preset();
  if (!fs.existsSync(value)) {
    throw new CheckInputError(`--policy ${value}: neither a preset (${Object.keys(POLICY_PRESETS).join(', ')}) nor a file`);
  }
  const props = parseJsonOrYaml(value, fs.readFileSync(value, 'utf8'));
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw new CheckInputError(`${value}: expected an object of DataProtectionPolicy props (minTlsVersion, regionCount, logRetentionDays, ...)`);
  }
  // null stands for "not set" (as DataProtectionPolicy.toJson() and the report's policy write it).
  const given = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
  const { preset: base, ...rest } = given as { preset?: string } & DataProtectionPolicyProps;
  try {
    if (base !== undefined) {
      const from = presetNamed(String(base));
      if (!from) throw new CheckInputError(`${value}: "preset": "${base}" is not one of ${Object.keys(POLICY_PRESETS).join(', ')}`);
      return from(rest);
    }
    return new DataProtectionPolicy(rest);
  } catch (e) {
    if (e instanceof CheckInputError) throw e;
    throw new CheckInputError(`${value}: not a valid policy: ${(e as Error).message}`);
  }
}

function presetNamed(name: string): ((o?: DataProtectionPolicyProps) => DataProtectionPolicy) | undefined {
  const key = Object.keys(POLICY_PRESETS).find((k) => k.toLowerCase() === name.replace(/[-_\s]/g, '').toLowerCase());
  return key ? POLICY_PRESETS[key] : undefined;
}

/** One reviewed finding from `--acknowledgements`. */
export interface FileAcknowledgement {
  /** A rule ID (`AzureStorageMinTls`, `DataProtection-S3BucketCMK[Unverifiable]`), a control ID (`DP.BAK.6`), or `NotJudged`. */
  readonly id: string;
  /** Why the control does not apply or how it is met another way. */
  readonly reason: string;
  /** A construct path, logical ID or Terraform address; absent: everything checked. */
  readonly scope?: string;
}

/** The ID that acknowledges content the checks could not judge (a module call, an AzAPI or SAM resource). */
export const NOT_JUDGED_ID = 'NotJudged';

/**
 * `--acknowledgements`: a JSON or YAML file, a list (or `{ acknowledgements: [...] }`) of
 * `{ id, reason, scope? }` (`address` or `path` are accepted for `scope`). A reason is mandatory.
 */
export function readAcknowledgements(file: string | undefined): FileAcknowledgement[] {
  if (file === undefined) return [];
  if (!fs.existsSync(file)) throw new CheckInputError(`--acknowledgements ${file}: no such file`);
  const doc = parseJsonOrYaml(file, fs.readFileSync(file, 'utf8'));
  const list = Array.isArray(doc) ? doc : (doc as { acknowledgements?: unknown })?.acknowledgements;
  if (!Array.isArray(list)) {
    throw new CheckInputError(`${file}: expected a list of { id, reason, scope } (or { acknowledgements: [...] })`);
  }
  return list.map((entry, i) => {
    const where = `${file}: acknowledgement ${i + 1}`;
    if (typeof entry !== 'object' || entry === null) throw new CheckInputError(`${where}: expected an object { id, reason, scope }`);
    const e = entry as { [key: string]: unknown };
    const id = e.id ?? e.rule ?? e.control;
    if (typeof id !== 'string' || id.trim() === '') throw new CheckInputError(`${where}: "id" is missing: expected a rule ID, a control ID (DP.BAK.6) or ${NOT_JUDGED_ID}`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new CheckInputError(`${where} (${id}): "reason" is missing or empty: every acknowledgement needs a reason`);
    }
    const scope = e.scope ?? e.address ?? e.path;
    if (scope !== undefined && typeof scope !== 'string') throw new CheckInputError(`${where} (${id}): "scope" must be a string`);
    return { id: id.trim(), reason: e.reason.trim(), ...(scope ? { scope } : {}) };
  });
}
