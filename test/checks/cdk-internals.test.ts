import { CfnOutput, CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataProtectionChecks, DataProtectionPolicy } from '../../lib';
import { ENV, newApp } from '../helpers';

// The one aws-cdk-lib internal the checks rely on: `validateScope()` (cdk-nag's direct entry point,
// which must not write files) renders each resource, output and parameter with the element's own
// `_toCloudFormation()`. Everything else reads the templates synthesis wrote. These tests pin what
// is relied on, so an aws-cdk-lib upgrade that changes it fails here, not in users' pipelines.
describe('aws-cdk-lib internals the checks rely on', () => {
  function app() {
    const a = newApp();
    const stack = new Stack(a, 'Data', { env: ENV });
    const bucket = new s3.Bucket(stack, 'B', { versioned: true });
    (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('ObjectLockEnabled', true);
    new CfnOutput(stack, 'Name', { value: bucket.bucketName, exportName: 'data-bucket' });
    new CfnParameter(stack, 'Env', { type: 'String', default: 'prod' });
    return { a, stack, bucket };
  }

  test('_toCloudFormation() of resources, outputs and parameters, resolved by their stack, is what synthesis writes', () => {
    const { stack } = app();
    const written = Template.fromStack(stack).toJSON();
    const rendered: any = { Resources: {}, Outputs: {}, Parameters: {} };
    for (const c of stack.node.findAll()) {
      if (CfnResource.isCfnResource(c) || c instanceof CfnOutput || c instanceof CfnParameter) {
        expect(typeof (c as any)._toCloudFormation).toBe('function');
        const part = stack.resolve((c as any)._toCloudFormation());
        for (const section of ['Resources', 'Outputs', 'Parameters']) Object.assign(rendered[section], part[section] ?? {});
      }
    }
    for (const section of ['Resources', 'Outputs', 'Parameters']) {
      for (const [id, body] of Object.entries(rendered[section])) expect(written[section][id]).toEqual(body);
    }
    // Overrides are part of the rendering.
    const bucket = Object.values(rendered.Resources).find((r: any) => r.Type === 'AWS::S3::Bucket') as any;
    expect(bucket.Properties.ObjectLockEnabled).toBe(true);
  });

  test('validateScope renders (no files) and gives the verdicts evaluate() gives from the synthesized templates', () => {
    const policy = new DataProtectionPolicy({ controls: ['DP.ENC.2', 'DP.AVL.6'] });
    const fromRendering = new DataProtectionChecks(undefined, { policy }).validateScope(app().a);
    const fromTemplates = new DataProtectionChecks(undefined, { policy, writeReport: false }).evaluate(app().a);
    const open = fromTemplates.controls.flatMap((c) => c.findings).filter((f) => f.status === 'non-compliant').map((f) => f.ruleId).sort();
    expect(fromRendering.violations.map((v) => v.ruleName).sort()).toEqual(open);
    expect(open).toEqual(['DataProtection-S3BucketCMK']);
  });
});
