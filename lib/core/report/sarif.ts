import { createHash } from 'crypto';
import { EvidenceFinding, EvidenceReport, FindingStatus } from './model';

/** Where a template lives for SARIF: its URI, and the line of each logical ID in it. */
export interface TemplateLocator {
  /** URI of the template file, relative to the repository root where possible. */
  uri(templatePath: string): string;
  /** 1-based line of the resource's entry in the template, if known. */
  line(templatePath: string, logicalId: string): number | undefined;
}

const SECURITY_SEVERITY: { [level: string]: string } = { error: '8.0', warning: '5.0' };

/**
 * SARIF 2.1.0 for code-scanning tools: one reporting rule per DataProtection rule, one result per
 * non-compliant or acknowledged finding, located at the template file and the resource's line;
 * acknowledged findings carry an in-source suppression with the reason as justification.
 */
export function renderSarif(report: EvidenceReport, locator: TemplateLocator): object {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.ruleId, i]));
  const rules = report.rules.map((r) => ({
    id: r.ruleId,
    name: r.ruleId.replace(/^DataProtection-/, ''),
    shortDescription: { text: r.info },
    fullDescription: { text: r.explanation },
    help: {
      text: `${r.controlId}: ${r.explanation}`,
      markdown: `**${r.controlId}**: ${r.explanation}`,
    },
    defaultConfiguration: { level: r.level === 'error' ? 'error' : 'warning' },
    properties: {
      'controlId': r.controlId,
      'tags': ['security', 'compliance', r.controlId],
      'security-severity': SECURITY_SEVERITY[r.level] ?? SECURITY_SEVERITY.warning,
    },
  }));

  const results = report.controls
    .flatMap((c) => c.findings)
    .filter((f) => f.status === FindingStatus.NON_COMPLIANT || f.status === FindingStatus.ACKNOWLEDGED)
    .map((f) => result(f, ruleIndex, report, locator));

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          semanticVersion: report.tool.version,
          rules,
        },
      },
      automationDetails: { id: `data-protection/${slug(String(report.policy.name))}/` },
      results,
    }],
  };
}

function result(f: EvidenceFinding, ruleIndex: Map<string, number>, report: EvidenceReport, locator: TemplateLocator): object {
  const baseRuleId = f.ruleId.replace(/\[.*\]$/, '');
  const rule = report.rules[ruleIndex.get(baseRuleId) ?? -1];
  const line = locator.line(f.templatePath, f.logicalId);
  const message = `${f.controlId}: ${rule?.info ?? f.ruleId} Resource ${f.logicalId} (${f.constructPath})`
    + (f.ruleId !== baseRuleId ? `, finding ${f.ruleId.slice(baseRuleId.length)}` : '')
    + (f.detail ? `: ${f.detail}` : '.');
  return {
    ruleId: baseRuleId,
    ...(ruleIndex.has(baseRuleId) ? { ruleIndex: ruleIndex.get(baseRuleId) } : {}),
    level: rule?.level === 'warning' ? 'warning' : 'error',
    message: { text: message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: locator.uri(f.templatePath) },
        region: { startLine: line ?? 1 },
      },
      logicalLocations: [{ name: f.logicalId, fullyQualifiedName: f.constructPath, kind: 'resource' }],
    }],
    // Stable identity across runs, so code scanning tracks one alert per rule and resource.
    partialFingerprints: {
      'dataProtectionFinding/v1': createHash('sha256').update(`${f.ruleId}|${f.constructPath}`).digest('hex'),
    },
    properties: { controlId: f.controlId, constructPath: f.constructPath, stack: f.stack, fullRuleId: f.ruleId },
    ...(f.status === FindingStatus.ACKNOWLEDGED
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.reason ?? '' }] }
      : {}),
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'policy';
}
