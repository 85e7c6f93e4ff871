// Real-world-shaped azurerm configurations (test/realworld/azure/<case>/main.tf), written the way
// quickstarts, modules and older code write them, and plans in the exact `terraform show -json`
// format (test/realworld/azure-plans/<case>/plan.json), each with the verdicts a careful reviewer
// gives (expected.json). Configurations are read from HCL as the CLI reads them.
//
// expected.json: { about, policy (DataProtectionPolicy props), verdicts: { address: { Rule: status } },
// notJudged?: [addresses] }. Status: compliant, non-compliant, unverifiable, not-applicable (no
// finding, or a not-applicable one), or absent (with rule "*": the resource has no instance).
// Beyond the listed verdicts, no finding may be compliant unless listed: nothing silently compliant.
import * as fs from 'fs';
import * as path from 'path';
import { runTerraform } from '../../lib/checks/terraform';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';
import { EvidenceFinding, FindingStatus } from '../../lib/core/report/model';
import { AZURE_RULES } from '../../lib/rules/azure';
import { loadTerraformDirectory } from '../../lib/terraform/load';
import { TerraformConfiguration } from '../../lib/terraform/read-configuration';
import { recordOutcomes } from '../meta/rule-outcomes';

const casesIn = (root: string) => fs.readdirSync(path.join(__dirname, root))
  .filter((d) => fs.statSync(path.join(__dirname, root, d)).isDirectory()).sort().map((d) => `${root}/${d}`);
const CASES = [...casesIn('azure'), ...casesIn('azure-plans')];

interface Expected {
  readonly about: string;
  readonly policy: { [key: string]: any };
  readonly verdicts: { [address: string]: { [rule: string]: string } };
  readonly notJudged?: string[];
}

const statusOf = (f: EvidenceFinding) => (f.ruleId.includes('[Unverifiable]') ? 'unverifiable' : f.status);
const ruleOf = (f: EvidenceFinding) => f.ruleId.replace(/^DataProtection-/, '').replace(/\[.*$/, '');

test('at least 35 hand-judged configurations and 4 plans', () => {
  expect(CASES.filter((c) => c.startsWith('azure/')).length).toBeGreaterThanOrEqual(35);
  expect(CASES.filter((c) => c.startsWith('azure-plans/')).length).toBeGreaterThanOrEqual(4);
});

async function configurationOf(dir: string): Promise<TerraformConfiguration> {
  const plan = path.join(dir, 'plan.json');
  if (fs.existsSync(plan)) return { name: 'plan.json', config: JSON.parse(fs.readFileSync(plan, 'utf8')), templatePath: 'plan.json' };
  return (await loadTerraformDirectory(dir)).configuration;
}

describe.each(CASES)('%s', (name) => {
  const dir = path.join(__dirname, name);
  const expected: Expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));

  test(expected.about, async () => {
    const configuration = await configurationOf(dir);
    const result = runTerraform([configuration], { policy: new DataProtectionPolicy(expected.policy) }, AZURE_RULES);
    const findings = result.findings;
    const addresses = new Set(result.configurations.flatMap((c) => c.resources.map((r) => r.address)));
    const mismatches: string[] = [];
    for (const [address, rules] of Object.entries(expected.verdicts)) {
      for (const [rule, want] of Object.entries(rules)) {
        if (want === 'absent') {
          const present = [...addresses].filter((a) => a === address || a.startsWith(`${address}[`));
          if (present.length > 0) mismatches.push(`${address}: expected no instance, found ${present.join(', ')}`);
          continue;
        }
        const got = findings.filter((f) => f.logicalId === address && ruleOf(f) === rule && f.status !== FindingStatus.NOT_APPLICABLE).map(statusOf);
        const gotText = got.length === 0 ? 'not-applicable' : [...new Set(got)].join('+');
        recordOutcomes(rule, findings.filter((f) => f.logicalId === address && ruleOf(f) === rule).map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}`));
        if (gotText !== want) mismatches.push(`${address} ${rule}: expected ${want}, got ${gotText}`);
      }
    }
    // Nothing compliant that a reviewer did not judge compliant.
    for (const f of findings.filter((x) => x.status === FindingStatus.COMPLIANT)) {
      if (expected.verdicts[f.logicalId]?.[ruleOf(f)] !== 'compliant') mismatches.push(`${f.logicalId} ${ruleOf(f)}: compliant, not expected`);
    }
    expect(mismatches).toEqual([]);
    expect(result.configurations.flatMap((c) => c.unjudged.map((u) => u.address))).toEqual(expected.notJudged ?? []);
  });
});
