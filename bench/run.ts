// `npm run bench`: what the checks cost, how they scale, and how they compare with cdk-nag.
// Every measurement runs in its own process (bench/child.ts); configurations are interleaved
// within each repetition, and medians are reported.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Sample { ms: number; packMs: number; writeMs?: number; resources: number; maxRssMb: number; failed: boolean }

const REPS = Number(process.env.BENCH_REPS ?? 5);
const AWS_SIZES = (process.env.BENCH_AWS_SIZES ?? '50,500,2000,reference').split(',').filter((s) => s);
const AZURE_SIZES = (process.env.BENCH_AZURE_SIZES ?? '50,500,2000').split(',').filter((s) => s);
const CHECK_SIZES = (process.env.BENCH_CHECK_SIZES ?? '2000').split(',').filter((s) => s);
const AWS_CONFIGS = ['floor', 'ours', 'awssolutions'];
const AZURE_CONFIGS = ['floor', 'ours'];

const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'result.json');

function measure(cloud: string, size: string, config: string, env: NodeJS.ProcessEnv = process.env): Sample {
  execFileSync(tsx, [path.join(__dirname, 'child.ts'), cloud, size, config, resultFile], { stdio: 'ignore', env });
  return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function run(cloud: string, sizes: string[], configs: string[]) {
  const samples = new Map<string, Sample[]>();
  for (let rep = 0; rep < REPS; rep++) {
    for (const size of sizes) {
      // Rotate the order each repetition so no configuration always runs first (cold disk cache).
      const order = configs.map((_, i) => configs[(i + rep) % configs.length]);
      for (const config of order) {
        const key = `${size}/${config}`;
        samples.set(key, [...(samples.get(key) ?? []), measure(cloud, size, config)]);
      }
    }
    process.stderr.write(`${cloud}: repetition ${rep + 1}/${REPS} done\n`);
  }
  return samples;
}

function pct(x: number) {
  return `${(x * 100).toFixed(0)}%`;
}

const started = Date.now();
console.log(`cdk-data-protection benchmark: ${REPS} repetitions, medians; node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
console.log('');
console.log('(a) construct + synth, CloudFormation validator off, no packs; (b) + DataProtectionChecks; (c) + cdk-nag AwsSolutionsChecks.');
console.log('');

if (AWS_SIZES.length > 0) {
  const aws = run('aws', AWS_SIZES, AWS_CONFIGS);
  console.log('| AWS app | resources | (a) ms | (b) ms | (c) ms | (b-a) ms | (c-a) ms | (b-a)/(c-a) | (b-a)/a | in pack: ours / AwsSolutions ms | ratio | report write ms | write/(b-a) | write/in pack | peak RSS a/b/c MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const packPerResource = new Map<string, number>();
  const perResource = new Map<string, number>();
  for (const size of AWS_SIZES) {
    const [a, b, c] = AWS_CONFIGS.map((cfg) => aws.get(`${size}/${cfg}`)!);
    const [ma, mb, mc] = [a, b, c].map((s) => median(s.map((x) => x.ms)));
    const write = median(b.map((x) => x.writeMs ?? 0));
    const resources = a[0].resources;
    perResource.set(size, (mb - ma) / resources);
    const [pb, pc] = [b, c].map((s) => median(s.map((x) => x.packMs)));
    packPerResource.set(size, pb / resources);
    const rss = [a, b, c].map((s) => Math.max(...s.map((x) => x.maxRssMb))).join(' / ');
    console.log(`| ${size === 'reference' ? 'reference architecture' : `generated ~${size}`} | ${resources} | ${ma.toFixed(0)} | ${mb.toFixed(0)} | ${mc.toFixed(0)} | `
      + `${(mb - ma).toFixed(0)} | ${(mc - ma).toFixed(0)} | ${((mb - ma) / (mc - ma)).toFixed(2)} | ${pct((mb - ma) / ma)} | ${pb.toFixed(0)} / ${pc.toFixed(0)} | ${(pb / pc).toFixed(2)} | ${write.toFixed(1)} | ${pct(write / (mb - ma))} | ${pct(write / pb)} | ${rss} |`);
  }
  if (perResource.has('500') && perResource.has('2000')) {
    const growth = perResource.get('2000')! / perResource.get('500')!;
    console.log('');
    const packGrowth = packPerResource.get('2000')! / packPerResource.get('500')!;
    console.log('Cost per resource at ~2,000 relative to ~500 resources (1.00 = linear growth; target <= 1.10): '
      + `end to end (b-a) x${growth.toFixed(2)}, inside the pack x${packGrowth.toFixed(2)}.`);
  }
}

if (AZURE_SIZES.length > 0) {
  const azure = run('azure', AZURE_SIZES, AZURE_CONFIGS);
  console.log('');
  console.log('| Azure (cdktf) app | azurerm resources | (a) ms | (b) ms | (b-a) ms | (b-a)/a | in checks ms | in checks/a | report write ms | write/(b-a) | write/in checks | peak RSS a/b MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const size of AZURE_SIZES) {
    const [a, b] = AZURE_CONFIGS.map((cfg) => azure.get(`${size}/${cfg}`)!);
    const [ma, mb] = [a, b].map((s) => median(s.map((x) => x.ms)));
    const write = median(b.map((x) => x.writeMs ?? 0));
    const rss = [a, b].map((s) => Math.max(...s.map((x) => x.maxRssMb))).join(' / ');
    const pb = median(b.map((x) => x.packMs));
    console.log(`| generated ~${size} | ${a[0].resources} | ${ma.toFixed(0)} | ${mb.toFixed(0)} | ${(mb - ma).toFixed(0)} | ${pct((mb - ma) / ma)} | ${pb.toFixed(0)} | ${pct(pb / ma)} | ${write.toFixed(1)} | ${pct(write / (mb - ma))} | ${pct(write / pb)} | ${rss} |`);
  }
}

// `cdk-data-protection check` against the synth that produced its input: each repetition synthesizes
// the generated app into a directory (one process), then checks that directory (a fresh process).
if (CHECK_SIZES.length > 0) {
  console.log('');
  console.log('| check on | resources | synth that produced it ms | check ms (read + judge + write, fresh process) | check/synth | peak RSS synth/check MB |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [cloud, what] of [['check-aws', 'cloud assembly (generated AWS app)'], ['check-azure', 'cdktf.out (generated Azure app)']]) {
    for (const size of CHECK_SIZES) {
      const synth: Sample[] = [];
      const checked: Sample[] = [];
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-')), 'out');
      for (let rep = 0; rep < REPS; rep++) {
        const env = { ...process.env, BENCH_CHECK_DIR: dir };
        synth.push(measure(cloud, size, 'synth', env));
        checked.push(measure(cloud, size, 'check', env));
      }
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
      const [ms, mc] = [synth, checked].map((s) => median(s.map((x) => x.ms)));
      const rss = [synth, checked].map((s) => Math.max(...s.map((x) => x.maxRssMb))).join(' / ');
      console.log(`| ${what} ~${size} | ${synth[0].resources} | ${ms.toFixed(0)} | ${mc.toFixed(0)} | ${pct(mc / ms)} | ${rss} |`);
    }
    process.stderr.write(`${cloud}: done\n`);
  }
}

console.log('');
console.log(`Total wall time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
