import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue, sourceNote } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { isIntrinsic, settingVerdict } from '../private/values';

/** The parameter that makes an engine refuse unencrypted connections, the values that turn it on, and its default. */
interface ForcingParameter {
  readonly name: string;
  readonly on: readonly string[];
  /** Whether the engine forces TLS when no parameter group sets the parameter, by major version. */
  readonly forcedByDefault: (major: number | undefined) => boolean;
}

/**
 * Each engine's documented default: RDS for PostgreSQL forces TLS (`rds.force_ssl` = 1) from major
 * version 15 on, and every version it creates without an `EngineVersion` is 15 or later; Aurora
 * PostgreSQL, SQL Server, MySQL, MariaDB and Aurora MySQL accept plaintext by default.
 */
function forcingParameter(engine: string): ForcingParameter | undefined {
  if (engine === 'postgres') return { name: 'rds.force_ssl', on: ['1', 'true', 'on'], forcedByDefault: (major) => major === undefined || major >= 15 };
  if (/^(aurora-postgresql|sqlserver)/.test(engine)) return { name: 'rds.force_ssl', on: ['1', 'true', 'on'], forcedByDefault: () => false };
  if (/^(mysql|mariadb|aurora-mysql|aurora$)/.test(engine)) return { name: 'require_secure_transport', on: ['1', 'on', 'true'], forcedByDefault: () => false };
  return undefined;
}

/** The major version in an engine version (`16.3`) or a parameter group family (`postgres16`, `default.aurora-postgresql16`). */
function majorOf(text: string): number | undefined {
  const m = /(\d+)(?:\.\d+)*$/.exec(text) ?? /^(\d+)/.exec(text);
  return m ? parseInt(m[1], 10) : undefined;
}

/**
 * DP.ENC.1: an RDS DB instance or DB cluster refuses unencrypted connections through its parameter
 * group (`rds.force_ssl` for PostgreSQL and SQL Server, `require_secure_transport` for MySQL and
 * MariaDB). Values the app defines are read: a group of the app (by reference or by name), a
 * parameter default, and the engine's documented defaults for a `default.*` group or no group at
 * all (RDS for PostgreSQL 15 and later forces TLS by default). Aurora members are judged on their
 * cluster. Engines without such a parameter (Oracle, Db2) need review. An RDS Proxy in front of a
 * database requires TLS (`RequireTLS`).
 */
export const RDSForceTLS: ResourceRule = {
  name: 'RDSForceTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::RDS::DBProxy'],
  level: Severity.ERROR,
  info: 'The database accepts connections without TLS.',
  explanation: 'DP.ENC.1 promises TLS on every endpoint, databases included. Give the instance or cluster a '
    + 'parameter group that sets rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON '
    + '(MySQL, MariaDB); the default parameter groups accept plaintext (except RDS for PostgreSQL 15+).',
  fix: 'Use a parameter group that sets rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const { lookup } = context;
    // An RDS Proxy accepts plaintext unless RequireTLS is set (CloudFormation's default is false).
    if (resource.type === 'AWS::RDS::DBProxy') return settingVerdict(p.RequireTLS, false, true, 'RequireTLS', resource, context);
    const isCluster = resource.type === 'AWS::RDS::DBCluster';
    if (!isCluster && p.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    const engine = resolveValue(p.Engine, resource.stackPath, lookup);
    if (!engine.known) return unverifiable(`Engine is ${engine.why}`);
    if (typeof engine.value !== 'string') return unverifiable('the template names no Engine');
    const param = forcingParameter(engine.value.toLowerCase());
    if (!param) return unverifiable(`engine ${engine.value} has no parameter that forces TLS; review how its clients connect`);

    const groupProp = isCluster ? 'DBClusterParameterGroupName' : 'DBParameterGroupName';
    const groupType = isCluster ? 'AWS::RDS::DBClusterParameterGroup' : 'AWS::RDS::DBParameterGroup';
    const version = resolveValue(p.EngineVersion, resource.stackPath, lookup);
    const defaultVerdict = (major: number | undefined, where: string) => {
      const forced = param.forcedByDefault(major);
      return forced
        ? compliant(`${where}: ${engine.value}${major !== undefined ? ` ${major}` : ''} forces TLS by default (${param.name} = 1)`)
        : nonCompliant(`${where}: ${param.name} keeps the ${engine.value} default, which accepts plaintext (${param.name} = 0/OFF)`);
    };
    const versionMajor = (): number | undefined | string => {
      if (!version.known) return `EngineVersion is ${version.why}`;
      return typeof version.value === 'string' || typeof version.value === 'number' ? majorOf(String(version.value)) : undefined;
    };

    const groupRef = p[groupProp];
    if (groupRef === undefined) {
      const major = versionMajor();
      if (typeof major === 'string') return param.forcedByDefault(0) === param.forcedByDefault(undefined) ? defaultVerdict(0, 'no parameter group') : unverifiable(major);
      return defaultVerdict(major, 'no parameter group');
    }
    const group = referencedResource(groupRef, resource.stackPath, lookup);
    let groupView: ResourceView | undefined = group;
    if (!groupView) {
      const name = resolveValue(groupRef, resource.stackPath, lookup);
      if (!name.known) return unverifiable(`${groupProp} is ${name.why}`);
      if (typeof name.value !== 'string') return unverifiable(`${groupProp} is not a name`);
      if (name.value.startsWith('default.')) {
        const major = majorOf(name.value) ?? versionMajor();
        if (typeof major === 'string') return unverifiable(major);
        return defaultVerdict(major, `the default parameter group ${name.value}`);
      }
      groupView = lookup.withLiteralProperty(groupType, groupProp, name.value)[0];
      if (!groupView) return unverifiable(`${groupProp} is ${name.value}, a parameter group that is not in this app`);
    }
    const parameters = groupView.properties.Parameters;
    if (isIntrinsic(parameters)) return unverifiable(`the Parameters of ${groupView.logicalId} are an expression the template computes at deployment`);
    const raw = parameters?.[param.name];
    if (raw === undefined) {
      const family = resolveValue(groupView.properties.Family, groupView.stackPath, lookup);
      const major = family.known && typeof family.value === 'string' ? majorOf(family.value) : versionMajor();
      if (typeof major === 'string') return unverifiable(major);
      return defaultVerdict(major, `parameter group ${groupView.logicalId} does not set ${param.name}`);
    }
    const value = resolveValue(raw, groupView.stackPath, lookup);
    if (!value.known) return unverifiable(`${param.name} in ${groupView.logicalId} is ${value.why}`);
    if (!['string', 'number', 'boolean'].includes(typeof value.value)) return unverifiable(`${param.name} in ${groupView.logicalId} is not a single value`);
    const text = `${param.name} = ${String(value.value)} in ${groupView.logicalId}${sourceNote(value)}`;
    return param.on.includes(String(value.value).toLowerCase()) ? compliant(text) : nonCompliant(`${text}, which accepts plaintext`);
  },
};
