/**
 * Which azurerm provider version a configuration or plan runs with. Attribute names and defaults
 * differ between majors (see `azurerm-schema.ts`), so rules judge an absent value by the default
 * of every major the configuration can run with.
 */

/** Provider majors whose attribute names and defaults the reader knows. */
export const KNOWN_AZURERM_MAJORS: readonly number[] = [2, 3, 4, 5];

/** Majors assumed when nothing states a version: those a `terraform init` today could pick. */
export const ASSUMED_AZURERM_MAJORS: readonly number[] = [3, 4, 5];

/** The azurerm version a configuration runs with, as far as it can be known. */
export interface AzurermVersion {
  /** The majors the configuration can run with (ascending). */
  readonly majors: readonly number[];
  /** The exact version, when a lock file (or an exact pin) gives it. */
  readonly exact?: string;
  /** The version constraint as written. */
  readonly constraint?: string;
  /** Where the version comes from: `lock file`, `required_providers`, `plan`, `plan attributes`; absent when unknown. */
  readonly source?: string;
}

/** The version when nothing states one. */
export const UNKNOWN_AZURERM: AzurermVersion = { majors: ASSUMED_AZURERM_MAJORS };

/** Whether the version is known to one major. */
export function singleMajor(version: AzurermVersion): number | undefined {
  return version.majors.length === 1 ? version.majors[0] : undefined;
}

/** The version in words, for a finding's detail: "azurerm 4 (required_providers \"~> 4.20\")". */
export function describeAzurerm(version: AzurermVersion): string {
  if (!version.source) {
    return `azurerm version not stated (${majorList(version.majors)} assumed)`;
  }
  const what = version.exact ? `azurerm ${version.exact}` : `azurerm ${majorList(version.majors)}`;
  const how = version.exact && version.source === 'lock file' ? 'from the lock file'
    : version.constraint ? `${version.source} "${version.constraint}"` : `from the ${version.source}`;
  return `${what} (${how})`;
}

/** "3", "3 or 4", "3, 4 or 5". */
export function majorList(majors: readonly number[]): string {
  if (majors.length <= 1) return majors.join('');
  return `${majors.slice(0, -1).join(', ')} or ${majors[majors.length - 1]}`;
}

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The majors a Terraform version constraint (`~> 3.90`, `>= 3.36.0, < 5.0.0`, `= 2.99.0`, `4.55.0`)
 * allows, among the known ones; `undefined` when the constraint cannot be read.
 */
export function majorsAllowedBy(constraint: string): number[] | undefined {
  let lo: { v: Version; incl: boolean } = { v: [0, 0, 0], incl: true };
  let hi: { v: Version; incl: boolean } | undefined;
  const raiseLo = (v: Version, incl: boolean) => {
    const c = compare(v, lo.v);
    if (c > 0 || (c === 0 && !incl)) lo = { v, incl };
  };
  const lowerHi = (v: Version, incl: boolean) => {
    if (!hi) {
      hi = { v, incl };
      return;
    }
    const c = compare(v, hi.v);
    if (c < 0 || (c === 0 && !incl)) hi = { v, incl };
  };
  for (const part of constraint.split(',').map((p) => p.trim()).filter((p) => p)) {
    const m = /^(~>|>=|<=|!=|=|>|<)?\s*(.+)$/.exec(part);
    if (!m) return undefined;
    const v = parseVersion(m[2]);
    if (!v) return undefined;
    const segments = m[2].trim().replace(/^v/, '').split(/[-+]/)[0].split('.').length;
    switch (m[1] ?? '=') {
      case '=': raiseLo(v, true); lowerHi(v, true); break;
      case '>=': raiseLo(v, true); break;
      case '>': raiseLo(v, false); break;
      case '<=': lowerHi(v, true); break;
      case '<': lowerHi(v, false); break;
      case '!=': break;
      case '~>': {
        raiseLo(v, true);
        const upper: Version = segments >= 3 ? [v[0], v[1] + 1, 0] : [v[0] + 1, 0, 0];
        lowerHi(upper, false);
        break;
      }
    }
  }
  const majors: number[] = [];
  const first = KNOWN_AZURERM_MAJORS[0];
  const last = KNOWN_AZURERM_MAJORS[KNOWN_AZURERM_MAJORS.length - 1];
  for (let major = 0; major <= last; major++) {
    // Does [major.0.0, (major+1).0.0) meet [lo, hi]?
    const start: Version = [major, 0, 0];
    const end: Version = [major + 1, 0, 0];
    const afterLo = compare(end, lo.v) > 0;
    const beforeHi = !hi || compare(start, hi.v) < 0 || (hi.incl && compare(start, hi.v) === 0);
    if (afterLo && beforeHi) majors.push(Math.max(first, major));
  }
  const unique = [...new Set(majors)];
  return unique.length > 0 ? unique : undefined;
}

/** The version a constraint (or exact version) stands for, from a given source. */
export function azurermFrom(constraintOrVersion: string, source: string): AzurermVersion {
  const majors = majorsAllowedBy(constraintOrVersion);
  if (!majors) return UNKNOWN_AZURERM;
  const exact = /^=?\s*v?\d+\.\d+\.\d+$/.test(constraintOrVersion.trim()) ? constraintOrVersion.trim().replace(/^=\s*/, '') : undefined;
  return {
    majors,
    ...(exact ? { exact } : {}),
    ...(source === 'lock file' ? {} : { constraint: constraintOrVersion.trim() }),
    source,
  };
}

const asList = (v: unknown): any[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * The azurerm version of a Terraform JSON configuration: the lock file's exact version when given,
 * else `terraform.required_providers.azurerm` (object or legacy string form, also as one-element
 * arrays as HCL converters write them), else the legacy `provider "azurerm" { version }`.
 */
export function azurermOfConfiguration(config: { [key: string]: any }, lockedVersion?: string): AzurermVersion {
  if (lockedVersion) return azurermFrom(lockedVersion, 'lock file');
  const constraints: string[] = [];
  for (const terraform of asList(config.terraform)) {
    for (const rp of asList(terraform?.required_providers)) {
      const azurerm = rp?.azurerm;
      for (const entry of asList(azurerm)) {
        if (typeof entry === 'string') constraints.push(entry);
        else if (typeof entry?.version === 'string') constraints.push(entry.version);
      }
    }
  }
  for (const provider of asList(config.provider)) {
    for (const azurerm of asList(provider?.azurerm)) {
      if (typeof azurerm?.version === 'string') constraints.push(azurerm.version);
    }
  }
  if (constraints.length === 0) return UNKNOWN_AZURERM;
  return azurermFrom(constraints.join(', '), 'required_providers');
}
