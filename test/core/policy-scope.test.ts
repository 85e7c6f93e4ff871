import { App as AwsApp, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Testing } from 'cdktf';
import { DataProtectionChecks, DataProtectionPolicy, RegionalNetwork, SecureBucket } from '../../lib';
import { AzureDataProtectionChecks, AzureStack, CentralLogAnalytics } from '../../lib/azure';
import { ENV, newApp } from '../helpers';

describe('one policy, set once', () => {
  test('a construct without a policy prop uses the one applied to its nearest ancestor; a prop still wins', () => {
    const app = newApp();
    const teamBench = DataProtectionPolicy.teamBench({ logRetentionDays: 400 });
    teamBench.applyTo(app);
    const stage = new Stage(app, 'Prod');
    const strict = new DataProtectionPolicy({ logRetentionDays: 730 });
    strict.applyTo(stage);
    const outside = new Stack(app, 'Outside', { env: ENV });
    const inside = new Stack(stage, 'Inside', { env: ENV });
    expect(DataProtectionPolicy.of(outside)).toBe(teamBench);
    expect(DataProtectionPolicy.of(inside)).toBe(strict);
    expect(DataProtectionPolicy.of(new Stack(newApp(), 'Alone')).logRetentionDays).toBe(new DataProtectionPolicy().logRetentionDays);

  });

  test('constructs read their numbers from the policy in force: the applied one, or their own prop', () => {
    const app = newApp();
    new DataProtectionPolicy({ dataEndOfLifeDays: 730 }).applyTo(app);
    const stack = new Stack(app, 'Data', { env: ENV });
    new SecureBucket(stack, 'FromApp');
    new SecureBucket(stack, 'Own', { policy: new DataProtectionPolicy({ dataEndOfLifeDays: 90 }) });
    const expiries = Template.fromStack(stack).findResources('AWS::S3::Bucket', {
      Properties: { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: Match.anyValue() })]) } },
    });
    const days = Object.entries(expiries).map(([id, r]: [string, any]) => [id.replace(/[0-9A-F]{8}$/, ''),
      r.Properties.LifecycleConfiguration.Rules.map((x: any) => x.ExpirationInDays).filter((d: unknown) => d !== undefined)]);
    expect(days).toEqual(expect.arrayContaining([[expect.stringMatching(/^FromApp/), [730]], [expect.stringMatching(/^Own/), [90]]]));
  });

  test('a scope has one policy', () => {
    const app = newApp();
    DataProtectionPolicy.situm().applyTo(app);
    expect(() => DataProtectionPolicy.styku().applyTo(app)).toThrow(/the app already has the policy "Situm security and reliability page \(000\)"/);
  });

  test('DataProtectionChecks reads the policy applied to its scope when it runs, also when applied after it was created', () => {
    const app = newApp();
    const checks = new DataProtectionChecks(app);
    Validations.of(app).addPlugins(checks);
    const policy = DataProtectionPolicy.teamBench({ logRetentionDays: 400 });
    policy.applyTo(app);
    expect(checks.policy).toBe(policy);
    expect(new DataProtectionChecks(app, { policy: DataProtectionPolicy.styku() }).policy.name).toMatch(/Styku/);
    expect(new DataProtectionChecks().policy.name).toBe(new DataProtectionPolicy().name);
  });

  test('an AzureStack given a policy makes it the policy of its constructs and of the checks judging it', () => {
    const app = Testing.app();
    const situm = DataProtectionPolicy.situm({ logRetentionDays: 700 });
    const stack = new AzureStack(app, 'Situm', { policy: situm });
    const logs = new CentralLogAnalytics(stack, 'Logs', { placement: stack.placement, emailAddresses: ['ops@example.com'] });
    expect(DataProtectionPolicy.of(logs)).toBe(situm);
    const config = JSON.parse(Testing.synth(stack));
    expect(Object.values(config.resource.azurerm_log_analytics_workspace)[0]).toMatchObject({ retention_in_days: 700 });
    const evaluation = AzureDataProtectionChecks.evaluate(stack);
    expect(evaluation.report.policy.name).toBe(situm.name);
    // A region the policy does not allow is an error even though no construct was given the policy.
    expect(() => new AzureStack(Testing.app(), 'Us', { policy: situm, location: 'eastus' })).toThrow(/location: "eastus" \(allowed: one of westeurope/);
  });

  test('with the policy set once, the library constructs keep the numbers the checks judge (no policy props anywhere)', () => {
    // Before, constructs used the default 365-day log retention while the checks judged 400.
    const app = new AwsApp({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    DataProtectionPolicy.teamBench({ logRetentionDays: 400 }).applyTo(app);
    const stack = new Stack(app, 'Net', { env: ENV });
    new RegionalNetwork(stack, 'Network', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] });
    new SecureBucket(stack, 'Uploads');
    const report = new DataProtectionChecks(app, { writeReport: false }).evaluate(app);
    const retention = report.controls.find((c) => c.id === 'DP.LOG.4')!;
    expect(retention.findings.length).toBeGreaterThan(0);
    expect(retention.findings.filter((f) => f.status !== 'compliant' && f.status !== 'not-applicable')).toEqual([]);
    expect(retention.status).toBe('met');
  });
});
