#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { App as TerraformApp } from 'cdktf';
import { buildReferenceArchitectures } from '../examples/reference-app';
import { buildSitumAzureApp } from '../examples/situm-azure/stack';

// `npx cdk synth` synthesizes all five reference architectures with every check.
// Azure (CDK for Terraform): cdktf.out/stacks/SitumAzure/cdk.tf.json plus its evidence report;
// terraform.synth() throws on any unacknowledged violation.
const terraform = new TerraformApp({ outdir: 'cdktf.out' });
buildSitumAzureApp(terraform);
terraform.synth();

// AWS: one Stage per architecture (cdk.out/assembly-<Name>/), each checked by DataProtectionChecks
// with its policy and by cdk-nag's AwsSolutions, NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1
// packs. Synth fails on any unacknowledged finding; each assembly gets data-protection-report.{json,md,sarif}.
buildReferenceArchitectures(new App());
