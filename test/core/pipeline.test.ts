import { runCloudFormation } from '../../lib/checks/cloudformation';
import { runTerraform } from '../../lib/checks/terraform';
import { ResourceRule } from '../../lib/cloudformation/model';
import {
  COMPLIANT, failing, NON_COMPLIANT, NOT_APPLICABLE, PipelineResult, RuleResult, Severity, UNVERIFIABLE, unverifiable,
} from '../../lib/core/engine';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';
import { AcknowledgementRecord } from '../../lib/core/report/model';
import { AzureResourceRule } from '../../lib/terraform/model';

const POLICY = new DataProtectionPolicy({ controls: ['DP.ENC.2'] });
const META = { name: 'Probe', controlId: 'DP.ENC.2', level: Severity.ERROR, info: 'probe', explanation: 'probe', fix: 'fix it' };

/** One rule outcome run through both engines: the same rule on one AWS resource and one azurerm resource. */
function bothClouds(
  result: () => RuleResult, acks: (subjectPath: string) => AcknowledgementRecord[] = () => [],
): { aws: PipelineResult; azure: PipelineResult } {
  const awsRule: ResourceRule = { ...META, resourceTypes: ['AWS::SQS::Queue'], evaluate: result };
  const azureRule: AzureResourceRule = { ...META, resourceTypes: ['azurerm_storage_account'], evaluate: result };
  const aws = runCloudFormation(
    [{ path: 'App/Stack', name: 'Stack', templatePath: 'Stack.template.json', template: { Resources: { Subject: { Type: 'AWS::SQS::Queue' } } } }],
    { policy: POLICY, acknowledgements: acks('App/Stack/Subject') }, { resourceRules: [awsRule], appRules: [] });
  const azure = runTerraform(
    [{ name: 'S', config: { resource: { azurerm_storage_account: { subject: { '//': { metadata: { path: 'App/Stack/Subject' } } } } } } }],
    { policy: POLICY, acknowledgements: acks('App/Stack/Subject').map((a) => ({ id: a.ruleId, reason: a.reason, scope: a.constructPath })) },
    [azureRule]);
  return { aws, azure };
}

/** What the report says, cloud aside. */
function verdict(r: PipelineResult) {
  const control = r.report.controls.find((c) => c.id === 'DP.ENC.2')!;
  return {
    findings: r.findings.map((f) => ({ ruleId: f.ruleId, status: String(f.status), detail: f.detail ?? '', ack: f.acknowledgedId ?? '' })),
    violations: r.violations.length,
    control: String(control.status),
    unused: r.unusedAcknowledgements.map((u) => u.record.ruleId),
  };
}

const ack = (ruleId: string, scope = ''): (p: string) => AcknowledgementRecord[] =>
  (p) => [{ pack: 'DataProtection', ruleId, reason: 'reviewed', constructPath: scope === 'subject' ? p : scope }];

describe('one meaning for every verdict, on both clouds', () => {
  test.each<[string, () => RuleResult, ReturnType<typeof verdict>]>([
    ['compliant', () => COMPLIANT, { findings: [{ ruleId: 'DataProtection-Probe', status: 'compliant', detail: '', ack: '' }], violations: 0, control: 'met', unused: [] }],
    ['non-compliant', () => NON_COMPLIANT, { findings: [{ ruleId: 'DataProtection-Probe', status: 'non-compliant', detail: '', ack: '' }], violations: 1, control: 'violated', unused: [] }],
    ['a named failing aspect with its detail', () => [failing('Aspect', 'found 1.0')],
      { findings: [{ ruleId: 'DataProtection-Probe[Aspect]', status: 'non-compliant', detail: 'found 1.0', ack: '' }], violations: 1, control: 'violated', unused: [] }],
    ['unverifiable, with the rule\'s detail', () => unverifiable('KeyId is parameter K'),
      { findings: [{ ruleId: 'DataProtection-Probe[Unverifiable]', status: 'non-compliant', detail: 'KeyId is parameter K', ack: '' }], violations: 1, control: 'violated', unused: [] }],
    ['not applicable', () => NOT_APPLICABLE, { findings: [{ ruleId: 'DataProtection-Probe', status: 'not-applicable', detail: '', ack: '' }], violations: 0, control: 'not-applicable', unused: [] }],
    ['an empty list: no verdict, so not applicable (never compliant)', () => [],
      { findings: [{ ruleId: 'DataProtection-Probe', status: 'not-applicable', detail: '', ack: '' }], violations: 0, control: 'not-applicable', unused: [] }],
    ['a rule that throws', () => { throw new Error('boom'); },
      { findings: [{ ruleId: 'DataProtection-Probe[RuleError]', status: 'non-compliant', detail: 'the rule failed: boom', ack: '' }], violations: 1, control: 'violated', unused: [] }],
  ])('%s', (_label, result, expected) => {
    const { aws, azure } = bothClouds(result);
    expect(verdict(aws)).toEqual(expected);
    expect(verdict(azure)).toEqual(expected);
  });

  test('an unverifiable verdict without a detail says, per cloud, where such values come from', () => {
    const { aws, azure } = bothClouds(() => UNVERIFIABLE);
    expect(aws.findings[0].detail).toMatch(/known only at deployment/);
    expect(azure.findings[0].detail).toMatch(/variable, data source or expression/);
  });
});

describe('acknowledgements mean the same on both clouds', () => {
  const open = () => [failing('Aspect'), UNVERIFIABLE];
  test.each<[string, (p: string) => AcknowledgementRecord[], string[], string[]]>([
    ['a finding ID covers that finding only', ack('DataProtection-Probe[Aspect]'), ['acknowledged', 'non-compliant'], []],
    ['a bare finding ID too', ack('Probe[Unverifiable]'), ['non-compliant', 'acknowledged'], []],
    ['the pack-qualified ID the CDK CLI suggests', ack('DataProtection::DataProtection-Probe[Aspect]'), ['acknowledged', 'non-compliant'], []],
    ['a rule ID covers every finding of the rule', ack('DataProtection-Probe'), ['acknowledged', 'acknowledged'], []],
    ['a control ID covers every rule of the control', ack('DP.ENC.2'), ['acknowledged', 'acknowledged'], []],
    ['scoped to the resource it covers it', ack('DP.ENC.2', 'subject'), ['acknowledged', 'acknowledged'], []],
    ['scoped to an ancestor it covers it', ack('DP.ENC.2', 'App'), ['acknowledged', 'acknowledged'], []],
    ['scoped elsewhere it covers nothing, and is reported unused', ack('DP.ENC.2', 'App/Other'), ['non-compliant', 'non-compliant'], ['DP.ENC.2']],
    ['a mistyped rule ID is reported unused', ack('DataProtection-Prob'), ['non-compliant', 'non-compliant'], ['DataProtection-Prob']],
  ])('%s', (_label, acks, statuses, unused) => {
    const { aws, azure } = bothClouds(open, acks);
    for (const r of [aws, azure]) {
      expect(r.findings.map((f) => f.status)).toEqual(statuses);
      expect(r.unusedAcknowledgements.map((u) => u.record.ruleId)).toEqual(unused);
      expect(r.report.unusedAcknowledgements.map((u) => u.ruleId)).toEqual(unused);
    }
  });

  test('the nearest scope wins, then the narrowest ID', () => {
    const acks = (p: string): AcknowledgementRecord[] => [
      { pack: 'DataProtection', ruleId: 'DP.ENC.2', reason: 'whole app', constructPath: '' },
      { pack: 'DataProtection', ruleId: 'DataProtection-Probe', reason: 'this resource, whole rule', constructPath: p },
      { pack: 'DataProtection', ruleId: 'DataProtection-Probe[Aspect]', reason: 'this resource, this aspect', constructPath: p },
    ];
    const { aws, azure } = bothClouds(open, acks);
    for (const r of [aws, azure]) {
      expect(r.findings.map((f) => f.reason)).toEqual(['this resource, this aspect', 'this resource, whole rule']);
      expect(r.unusedAcknowledgements.map((u) => u.record.reason)).toEqual(['whole app']);
    }
  });
});
