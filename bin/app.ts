#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { QuickStartStack } from '../examples/quickstart/stack';
import { SecureWebStack } from '../examples/secure-web/stack';
import { DataProtectionChecks, DataProtectionPolicy } from '../lib';

// The reference app: every example stack, checked against its policy. `npx cdk synth` fails on any
// unacknowledged violation and writes data-protection-report.{json,md,sarif} into cdk.out/.
const app = new App();
// The default policy is the strictest promise across the five documents, plus a data end of life.
const policy = new DataProtectionPolicy({ dataEndOfLifeDays: 730 });
Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy }));

const env = { account: '111111111111', region: 'eu-central-1' };
new QuickStartStack(app, 'QuickStart', { env, policy });
new SecureWebStack(app, 'SecureWeb', {
  env,
  availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
  policy,
  backupCopyRegion: 'eu-west-1',
});
