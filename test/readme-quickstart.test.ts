import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './helpers';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced block after `<!-- quickstart:<name> -->` in the README. */
function block(name: string): string {
  const m = new RegExp(`<!-- quickstart:${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!m) throw new Error(`README.md has no <!-- quickstart:${name} --> block`);
  return m[1];
}

/**
 * Run `cdk synth` on a README app the way a newcomer does (cdk.json: `npx tsx app.ts`), in a
 * directory of its own, with `cdk-data-protection` resolved to this repository's source.
 */
function synth(app: string): { status: number; output: string } {
  const dir = tempDir('dp-quickstart-');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { baseUrl: '.', esModuleInterop: true, paths: { 'cdk-data-protection': [path.join(ROOT, 'lib', 'index.ts')] } },
  }));
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'npx tsx app.ts' }));
  fs.writeFileSync(path.join(dir, 'app.ts'), app);
  // What the terminal shows: both streams (the summary line goes to stderr, passing or failing).
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet'], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
  });
  return { status: run.status ?? -1, output: `${run.stderr}${run.stdout}` };
}

/** The lines of the CLI's output that are ours or the CDK's validation report, not its notices. */
function meaningful(text: string): string[] {
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '' && !/feature flags are not configured|^NOTICES|^Supply a stack id/.test(l));
}

describe('the README quick start prints what the README says', () => {
  test('the app with its two deliberate violations fails synth with exactly the messages shown', () => {
    const { status, output } = synth(block('app'));
    expect(status).toBe(1);
    expect(meaningful(output)).toEqual(meaningful(block('output')));
  }, 120_000);

  test('the fixed app passes and prints its summary line', () => {
    const { status, output } = synth(block('fixed'));
    expect(status).toBe(0);
    expect(meaningful(output)).toEqual(meaningful(block('fixed-output')));
  }, 120_000);
});

describe('the README\'s Azure app', () => {
  test('runs with aws-cdk-lib and cdk-nag unloadable, passes its checks and prints the summary shown', () => {
    const dir = tempDir('dp-quickstart-azure-');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { baseUrl: '.', esModuleInterop: true, paths: { 'cdk-data-protection/azure': [path.join(ROOT, 'lib', 'azure', 'index.ts')] } },
    }));
    // An Azure-only app has not installed the AWS peers: any attempt to load them fails the run.
    fs.writeFileSync(path.join(dir, 'no-aws.js'), `const Module = require('module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (/^(aws-cdk-lib|cdk-nag)(\\/|$)/.test(request)) throw new Error('an Azure-only app loaded ' + request);
        return resolve.call(this, request, ...rest);
      };`);
    fs.writeFileSync(path.join(dir, 'main.ts'), block('azure'));
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['--require', './no-aws.js', 'main.ts'], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect({ status: run.status, output: meaningful(`${run.stderr}${run.stdout}`) }).toEqual({ status: 0, output: meaningful(block('azure-output')) });
  }, 120_000);
});
