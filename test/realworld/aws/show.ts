// Print every verdict of one real-world app, to judge them by hand or to update its expectations:
//   npx tsx test/realworld/aws/show.ts <app> [default|flags]
import { App } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { REALWORLD_APPS } from './apps';
import { DataProtectionChecks } from '../../../lib';

const [name, mode = 'default'] = process.argv.slice(2);
const spec = REALWORLD_APPS.find((a) => a.name === name);
if (!spec) throw new Error(`no app ${name}; one of ${REALWORLD_APPS.map((a) => a.name).join(', ')}`);
const app = new App({ builtinCloudFormationValidation: false, context: (spec.mode ?? mode) === 'flags' ? { ...CURRENTLY_RECOMMENDED_FLAGS } : {} });
spec.build(app);
const report = new DataProtectionChecks(undefined, { writeReport: false, policy: spec.policy }).evaluate(app);
for (const c of report.controls) {
  console.log(`${c.id} ${c.status} (${c.reason})`);
  for (const f of c.findings) {
    if (f.status === 'not-applicable') continue;
    console.log(`   ${f.status.padEnd(13)} ${f.ruleId.replace('DataProtection-', '')} ${f.constructPath}${f.detail ? ` :: ${f.detail}` : ''}`);
  }
}
