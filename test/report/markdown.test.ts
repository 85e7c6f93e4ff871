import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Testing } from 'cdktf';
import { buildReferenceArchitectures } from '../../examples/reference-app';
import { buildSitumAzureApp } from '../../examples/situm-azure/stack';
import { DataProtectionPolicy, RegionalNetwork, SecureBucket } from '../../lib';
import { AzureDataProtectionChecks } from '../../lib/azure';
import { renderMarkdown, topologyMermaid } from '../../lib/core/report/markdown';
import { EvidenceReport, TopologyKind } from '../../lib/core/report/model';
import { evaluate } from '../../lib/testing';
import { ENV, newApp, tempDir } from '../helpers';

/** Mermaid's own parser on every ```mermaid block of a Markdown text: 'ok' or the parser's error, per block. */
function parseMermaid(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  const dir = tempDir('dp-mermaid-');
  const files = blocks.map((b, i) => {
    const f = path.join(dir, `${i}.mmd`);
    fs.writeFileSync(f, b);
    return f;
  });
  if (files.length === 0) return [];
  return execFileSync(process.execPath, [path.join(__dirname, 'validate-mermaid.mjs'), ...files], { encoding: 'utf8' }).trim().split('\n');
}

/**
 * A typical app of about 50 resources under a published policy: a network and a bucket from the
 * library, a database, a load balancer, and some resources made without it (a few violations).
 */
function smallApp(): { app: App; report: EvidenceReport } {
  const app = newApp();
  const policy = DataProtectionPolicy.teamBench();
  policy.applyTo(app);
  const stack = new Stack(app, 'Shop', { env: ENV });
  const vpc = new RegionalNetwork(stack, 'Network', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }).vpc;
  new SecureBucket(stack, 'Documents');
  new rds.DatabaseInstance(stack, 'Orders', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc, multiAz: true,
    storageEncryptionKey: new kms.Key(stack, 'DbKey'),
  });
  new s3.Bucket(stack, 'Uploads');
  new sqs.Queue(stack, 'Jobs');
  new dynamodb.Table(stack, 'Carts', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Web', { vpc, internetFacing: true });
  lb.addListener('Http', { port: 80 }).addAction('Redirect', { action: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443' }) });
  return { app, report: evaluate(app, { policy }) };
}

describe('the Markdown report, read top to bottom', () => {
  const { app, report } = smallApp();
  const md = renderMarkdown(report);

  test('opens with the verdict and the summary, then the topology, then what to fix, then the evidence', () => {
    const order = ['# Data-protection evidence report', '## Summary', '## Topology', '## Violations to fix', '## Acknowledgements', '## Evidence', '## Policy values'];
    const at = order.map((h) => md.indexOf(`\n${h}\n`) >= 0 ? md.indexOf(`\n${h}\n`) : md.indexOf(`${h}\n`));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md.split('\n')[4]).toMatch(/^\*\*\d+ open violations?\.\*\* Controls: /);
  });

  test('a typical app of about 50 resources reads in under 150 lines', () => {
    const resources = Object.keys(JSON.parse(fs.readFileSync(path.join(app.outdir, 'Shop.template.json'), 'utf8')).Resources).length;
    expect(resources).toBeGreaterThanOrEqual(40);
    expect(md.split('\n').length).toBeLessThan(150);
  });

  test('each violation comes with what was found and the fix; not-applicable findings are not listed', () => {
    expect(md).toMatch(/^- `DataProtection-S3BucketCMK` on `Shop\/Uploads` \(AWS::S3::Bucket\): .+ \*\*Fix:\*\* .+$/m);
    expect(md).not.toMatch(/\| not-applicable \|/);
  });

  test('the topology picture shows the region, its zones and the database, and Mermaid parses it', () => {
    expect(report.topology!.regions).toEqual([{ name: 'eu-west-1', zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }]);
    expect(report.topology!.nodes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: TopologyKind.DATABASE, label: 'RDS PostgreSQL Orders, Multi-AZ' })]));
    expect(md).toContain('subgraph r0["eu-west-1 · 3 zones: eu-west-1a, eu-west-1b, eu-west-1c"]');
    expect(parseMermaid(md)).toEqual(['ok']);
  });

  test('the validator does reject a broken diagram (so "ok" means something)', () => {
    expect(parseMermaid('```mermaid\nflowchart LR\n  a -->\n```')[0]).toMatch(/^error: /);
  });
});

describe('the reference architectures\' reports open with the summary and the topology picture', () => {
  test('AWS: accelerator in front of both regions, load balancers, services, databases, vaults and their copies', () => {
    const [sitasys] = buildReferenceArchitectures(newApp(), { checks: false });
    const report = evaluate(sitasys.stage, { policy: sitasys.policy });
    const md = renderMarkdown(report);
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Topology'));
    expect(md.indexOf('## Topology')).toBeLessThan(md.indexOf('## Violations to fix'));
    const t = report.topology!;
    expect(t.regions.map((r) => `${r.name} ${r.zones.length}`)).toEqual(['eu-central-1 3', 'eu-west-1 3']);
    const kinds = (k: TopologyKind) => t.nodes.filter((n) => n.kind === k).map((n) => n.label);
    expect(kinds(TopologyKind.ENTRY)).toEqual(['Global Accelerator Endpoint']);
    expect(kinds(TopologyKind.LOAD_BALANCER)).toEqual(['ALB Web', 'ALB Web']);
    expect(kinds(TopologyKind.DATABASE)).toEqual(['Aurora PostgreSQL Db, writer + 1 reader', 'Aurora PostgreSQL Db, writer + 1 reader']);
    const accelerator = t.nodes.find((n) => n.kind === TopologyKind.ENTRY)!.id;
    expect(t.edges.filter((e) => e.label === 'routes' && e.from === accelerator)).toHaveLength(2);
    expect(t.edges.filter((e) => e.label === 'copies backups')).toHaveLength(2);
    expect(parseMermaid(md)).toEqual(['ok']);
  });

  test('Azure: the region with its database zones and the geo-redundant copies in the paired region', () => {
    const stack = buildSitumAzureApp(Testing.app(), { checks: false });
    const { report } = AzureDataProtectionChecks.evaluate(stack, { policy: DataProtectionPolicy.situm() });
    const md = renderMarkdown(report);
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Topology'));
    expect(report.topology!.regions.map((r) => r.name)).toEqual(['northeurope', 'westeurope']);
    expect(report.topology!.edges.map((e) => e.label)).toEqual(expect.arrayContaining(['geo-redundant backups', 'copies backups']));
    expect(parseMermaid(md)).toEqual(['ok']);
  });

  test('labels that would break Mermaid are escaped, and busy regions are summarised', () => {
    const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, kind: TopologyKind.SERVICE, label: `svc "${i}" <b>|x|`, region: 'eu-west-1' }));
    const text = topologyMermaid({ regions: [{ name: 'eu-west-1', zones: [] }], nodes, edges: [{ from: 's0', to: 's8', label: 'calls' }] });
    expect(text).toContain('and 4 more services');
    expect(text).not.toContain('-->|calls|');
    expect(parseMermaid(`\`\`\`mermaid\n${text}\n\`\`\``)).toEqual(['ok']);
  });
});
