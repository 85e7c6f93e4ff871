#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { App as TerraformApp } from 'cdktf';
import { buildReferenceApp } from '../examples/reference-app';
import { buildSitumAzureApp } from '../examples/situm-azure/stack';

// `npx cdk synth` synthesizes every reference architecture with every check.
// Azure (CDK for Terraform): cdktf.out/stacks/<stack>/cdk.tf.json plus its evidence report;
// app.synth() throws on any unacknowledged violation.
const terraform = new TerraformApp({ outdir: 'cdktf.out' });
buildSitumAzureApp(terraform);
terraform.synth();

// AWS: fails on any unacknowledged violation and writes data-protection-report.{json,md,sarif}
// into cdk.out/, also when it fails.
buildReferenceApp(new App());
