// The corpus of real-world shapes (issue 16, item 9): small apps in the shape of public CDK example
// apps, written here, with verdicts judged by hand per resource and per control. Each app is
// synthesized offline (explicit env, AZs known) the way its users would: `new App()` without
// feature flags unless the app says otherwise. A regression in a rule, in the resolution of values
// or in how control statuses follow from findings breaks an expectation here.
//
// To see every verdict of an app: npx tsx test/realworld/aws/show.ts <app>
import { App } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { REALWORLD_APPS } from './apps';
import { DataProtectionChecks, EvidenceFinding, EvidenceReport } from '../../../lib';
import { allFindings, tempDir } from '../../helpers';
import { Expected, RealWorldApp } from './apps/common';
import { recordOutcomes } from '../../meta/rule-outcomes';

function evaluateApp(spec: RealWorldApp): EvidenceReport {
  const app = new App({
    outdir: tempDir('dp-realworld-'),
    builtinCloudFormationValidation: false,
    context: spec.mode === 'flags' ? { ...CURRENTLY_RECOMMENDED_FLAGS } : {},
  });
  spec.build(app);
  return new DataProtectionChecks(undefined, { writeReport: false, policy: spec.policy }).evaluate(app);
}

/** The findings of one rule on the one resource (or stack) `path` names: an exact construct path, else a fragment of one. */
function findingsAt(report: EvidenceReport, expected: Expected): EvidenceFinding[] {
  const ofRule = allFindings(report).filter((f) => f.ruleId === `DataProtection-${expected.rule}` || f.ruleId.startsWith(`DataProtection-${expected.rule}[`));
  const exact = ofRule.filter((f) => f.constructPath === expected.path);
  const matching = exact.length > 0 ? exact : ofRule.filter((f) => f.constructPath.includes(expected.path));
  const subjects = new Set(matching.map((f) => `${f.stack}\u0000${f.logicalId}`));
  if (subjects.size !== 1) {
    throw new Error(`${expected.rule} @ ${expected.path}: names ${subjects.size} resources (${matching.map((f) => f.constructPath).join(', ') || 'none'})`);
  }
  return matching;
}

/** The verdict as statusesOf prints it: the status, then each finding name (`non-compliant [A] [B]`). */
function verdictOf(findings: readonly EvidenceFinding[]): string {
  const [first] = findings;
  const names = findings.map((f) => (f.ruleId.endsWith(']') ? f.ruleId.slice(f.ruleId.indexOf('[')) : '')).filter((n) => n);
  return [first.status, ...names].join(' ');
}

test('the corpus has at least 15 apps, each with expectations on resources and controls', () => {
  expect(REALWORLD_APPS.length).toBeGreaterThanOrEqual(15);
  for (const spec of REALWORLD_APPS) {
    expect(spec.findings.length).toBeGreaterThan(0);
    expect(Object.keys(spec.controls)).toHaveLength(32);
  }
});

describe.each(REALWORLD_APPS.map((a) => [a.name, a] as const))('%s', (_name, spec) => {
  let report: EvidenceReport;
  beforeAll(() => {
    report = evaluateApp(spec);
  });

  test.each(spec.findings.map((e) => [`${e.rule} @ ${e.path}: ${e.verdict}`, e] as const))('%s', (_title, expected) => {
    const findings = findingsAt(report, expected);
    const verdict = verdictOf(findings);
    recordOutcomes(expected.rule, [verdict]);
    expect({ verdict, why: expected.why }).toEqual({ verdict: expected.verdict, why: expected.why });
    if (expected.detail) expect(findings.map((f) => f.detail ?? '').join('\n')).toMatch(expected.detail);
  });

  test('control statuses', () => {
    const actual = Object.fromEntries(report.controls.filter((c) => c.id in spec.controls).map((c) => [c.id, c.status]));
    expect(actual).toEqual(spec.controls);
  });
});
