// One measurement in a fresh process, so that peak memory (maxRSS) belongs to one configuration
// and no JIT or module cache carries over between configurations. Prints one JSON line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

type Config = 'floor' | 'ours' | 'awssolutions' | 'synth' | 'check';

async function main() {
  const [cloud, size, config, resultFile] = process.argv.slice(2) as [string, string, Config, string];
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${cloud}-${size}-${config}-`));
  // Module loading is the same for every configuration except the pack itself: load everything
  // before the clock starts so that (b - a) and (c - a) measure checking, not require().
  if (cloud === 'check-aws' || cloud === 'check-azure') {
    // The assembly (or cdktf.out) is kept for the `check` measurement that follows.
    const kept = process.env.BENCH_CHECK_DIR!;
    const result = config === 'synth' ? await synthFor(cloud, size, kept) : await checkOf(kept);
    fs.writeFileSync(resultFile, JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    fs.rmSync(outdir, { recursive: true, force: true });
    return;
  }
  const result = cloud === 'aws' ? await aws(size, config, outdir) : await azure(size, config, outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  // The CDK prints every finding; the result goes to a file so the runner never parses that output.
  fs.writeFileSync(resultFile, JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function aws(size: string, config: Config, outdir: string) {
  const { App, Stage, Validations } = await import('aws-cdk-lib');
  const { AwsSolutionsChecks, NagPack } = await import('cdk-nag');
  const { DataProtectionChecks, DataProtectionPolicy, REPORT_FILES } = await import('../lib');
  const { writeEvidenceReport } = await import('../lib/core/report/write');
  const { buildBenchApp } = await import('./aws-app');
  const { buildSitasys } = await import('../examples/sitasys/architecture');

  // Time spent inside the pack's validate(), measured directly.
  const inPack = timeMethods([NagPack.prototype, DataProtectionChecks.prototype], ['validate']);
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8')).context;
  const once = (dir: string) => {
    const t0 = performance.now();
    // The feature flags of cdk.json, as `cdk synth` passes them (they decide how cross-stack
    // references are written, which the checks follow).
    const app = new App({ outdir: dir, builtinCloudFormationValidation: false, context });
    if (size === 'reference') {
      // The Sitasys reference architecture with DataProtectionChecks only (its cdk-nag packs are (c)'s business).
      const { stage, policy } = buildSitasys(app, { checks: false });
      if (config === 'ours') Validations.of(stage).addPlugins(new DataProtectionChecks(stage, { policy }));
    } else {
      buildBenchApp(app, Number(size));
      if (config === 'ours') Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy: new DataProtectionPolicy() }));
    }
    if (config === 'awssolutions') {
      // Plugins see the stacks of the Stage they are registered on: register on every Stage.
      const stages = [app, ...app.node.findAll().filter((c) => Stage.isStage(c) && c !== app)];
      for (const s of stages) Validations.of(s).addPlugins(new AwsSolutionsChecks(s as any));
    }
    let failed = false;
    try {
      app.synth();
    } catch {
      failed = true; // findings fail synth after every plugin ran; the time is what is measured
    }
    return { ms: performance.now() - t0, failed };
  };
  // A first, discarded run warms the JIT: cold-process compilation varies by hundreds of ms between
  // processes and would drown the differences being measured.
  once(`${outdir}-warmup`);
  fs.rmSync(`${outdir}-warmup`, { recursive: true, force: true });
  const packBefore = inPack();
  const { ms, failed } = once(outdir);
  const packMs = inPack() - packBefore;
  const resources = countResources(outdir);
  let writeMs: number | undefined;
  if (config === 'ours') {
    const reportDir = size === 'reference' ? path.join(outdir, 'assembly-Sitasys') : outdir;
    const report = JSON.parse(fs.readFileSync(path.join(reportDir, REPORT_FILES.json), 'utf8'));
    // Rewrite the same files from the same report: exactly the work the pack did at the end of synth.
    const t1 = performance.now();
    writeEvidenceReport(reportDir, report, process.cwd());
    writeMs = performance.now() - t1;
  }
  return { ms, packMs, writeMs, resources, failed };
}

async function azure(size: string, config: Config, outdir: string) {
  const { App } = await import('cdktf');
  const { AzureDataProtectionChecks } = await import('../lib/azure');
  const { DataProtectionPolicy } = await import('../lib/core/policy/policy');
  const { buildAzureBenchApp } = await import('./azure-app');
  const { REPORT_FILES } = await import('../lib/core/report/write');
  const { writeEvidenceReport } = await import('../lib/core/report/write');

  const inPack = timeMethods([AzureDataProtectionChecks.prototype], ['validateAll']);
  const once = (dir: string) => {
    const t0 = performance.now();
    const app = new App({ outdir: dir });
    const built = buildAzureBenchApp(app, Number(size));
    if (config === 'ours') AzureDataProtectionChecks.applyTo(app, { policy: DataProtectionPolicy.situm({ dataEndOfLifeDays: 730 }) });
    let failed = false;
    try {
      app.synth();
    } catch {
      failed = true;
    }
    return { ms: performance.now() - t0, failed, stacks: built };
  };
  once(`${outdir}-warmup`); // discarded: warms the JIT (see aws())
  fs.rmSync(`${outdir}-warmup`, { recursive: true, force: true });
  const packBefore = inPack();
  const { ms, failed, stacks } = once(outdir);
  const packMs = inPack() - packBefore;
  let resources = 0;
  let writeMs: number | undefined;
  for (const s of stacks) {
    const dir = path.join(outdir, 'stacks', s.node.id);
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
    resources += Object.values(tf.resource as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
    if (config === 'ours') {
      const report = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.json), 'utf8'));
      const t1 = performance.now();
      writeEvidenceReport(dir, report, process.cwd());
      writeMs = (writeMs ?? 0) + performance.now() - t1;
    }
  }
  return { ms, packMs, writeMs, resources, failed };
}

/**
 * The synth that produces what `check` then reads: the generated app without any pack and with the
 * CloudFormation validator off (the cheapest synth, so the ratio is conservative), timed like (a).
 */
async function synthFor(cloud: string, size: string, dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  if (cloud === 'check-aws') {
    const { App } = await import('aws-cdk-lib');
    const { buildBenchApp } = await import('./aws-app');
    const context = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8')).context;
    const once = (out: string) => {
      const t0 = performance.now();
      const app = new App({ outdir: out, builtinCloudFormationValidation: false, context });
      buildBenchApp(app, Number(size));
      app.synth();
      return performance.now() - t0;
    };
    once(`${dir}-warmup`);
    fs.rmSync(`${dir}-warmup`, { recursive: true, force: true });
    const ms = once(dir);
    return { ms, packMs: 0, resources: countResources(dir), failed: false };
  }
  const { App } = await import('cdktf');
  const { buildAzureBenchApp } = await import('./azure-app');
  const once = (out: string) => {
    const t0 = performance.now();
    const app = new App({ outdir: out });
    buildAzureBenchApp(app, Number(size));
    app.synth();
    return performance.now() - t0;
  };
  once(`${dir}-warmup`);
  fs.rmSync(`${dir}-warmup`, { recursive: true, force: true });
  const ms = once(dir);
  let resources = 0;
  for (const s of fs.readdirSync(path.join(dir, 'stacks'))) {
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
    resources += Object.values(tf.resource as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
  }
  return { ms, packMs: 0, resources, failed: false };
}

/**
 * `cdk-data-protection check` on that output, in a fresh process as CI runs it: the CLI's modules
 * are loaded before the clock starts; the time is reading every input, judging it and writing the
 * three report files (the first and only run: no warm-up, nothing cached).
 */
async function checkOf(dir: string) {
  const { check } = await import('../lib/cli/check');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-out-'));
  const t0 = performance.now();
  const result = await check({ paths: [dir], out, policy: 'situm' });
  const ms = performance.now() - t0;
  const resources = result.report.controls.reduce((n, c) => n + c.findings.length, 0);
  fs.rmSync(out, { recursive: true, force: true });
  return { ms, packMs: ms, resources, failed: result.exitCode !== 0 };
}

/** Wrap methods to accumulate the time spent in them; returns a reader of the total in ms. */
function timeMethods(prototypes: object[], names: string[]): () => number {
  let total = 0;
  for (const proto of prototypes) {
    for (const name of names) {
      const original = (proto as any)[name];
      if (typeof original !== 'function') throw new Error(`no method ${name} to time`);
      (proto as any)[name] = function (this: unknown, ...args: unknown[]) {
        const t = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          total += performance.now() - t;
        }
      };
    }
  }
  return () => total;
}

/** Resources in every template of the assembly, nested Stage assemblies included. */
function countResources(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    if (e.isDirectory() && e.name.startsWith('assembly-')) return n + countResources(path.join(dir, e.name));
    if (!e.name.endsWith('.template.json')) return n;
    return n + Object.keys(JSON.parse(fs.readFileSync(path.join(dir, e.name), 'utf8')).Resources ?? {}).length;
  }, 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
