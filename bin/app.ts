#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { QuickStartStack } from '../examples/quickstart/stack';
import { DataProtectionChecks, DataProtectionPolicy } from '../lib';

// The reference app: every example stack, checked against its policy. `npx cdk synth` fails on any
// unacknowledged violation and writes data-protection-report.{json,md,sarif} into cdk.out/.
const app = new App();
// The default policy is the strictest promise across the five documents.
const policy = new DataProtectionPolicy();
Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy }));

new QuickStartStack(app, 'QuickStart', {
  env: { account: '111111111111', region: 'eu-central-1' },
});
