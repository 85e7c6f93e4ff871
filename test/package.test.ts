import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

interface PackResult { files: { path: string; size: number }[]; size: number; unpackedSize: number }

function packDryRun(): PackResult {
  return JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
}

describe('the published package', () => {
  let first: PackResult;

  beforeAll(() => {
    // A clean compile, as `npm run build` makes before packing (the pre-compile step empties dist/).
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'projen'), ['compile'], { cwd: ROOT, stdio: 'ignore' });
    first = packDryRun();
  }, 180_000);

  test('holds only what users need: compiled JavaScript, declarations, README, LICENSE', () => {
    const outside = first.files.map((f) => f.path).filter((p) => !/^dist\/.*\.(js|d\.ts)$/.test(p) && !['README.md', 'LICENSE', 'package.json'].includes(p));
    expect(outside).toEqual([]);
    // Every entry point is there: the library, the jest kit, the Azure side.
    for (const entry of ['dist/index.js', 'dist/index.d.ts', 'dist/testing/index.js', 'dist/azure/index.js']) {
      expect(first.files.map((f) => f.path)).toContain(entry);
    }
    // No source maps inline (aws-cdk-lib ships none either), no tests, no examples.
    const js = first.files.filter((f) => f.path.endsWith('.js')).map((f) => fs.readFileSync(path.join(ROOT, f.path), 'utf8'));
    expect(js.filter((text) => text.includes('sourceMappingURL'))).toHaveLength(0);
  });

  test('stays within its size budget', () => {
    // 419 KB packed / 1.5 MB unpacked with the CLI and 124 rules (the earlier tarball was 2.0 MB of
    // mostly junk): the budget leaves room to grow, not to ship caches or source maps again.
    expect(first.size).toBeLessThan(550 * 1024);
    expect(first.unpackedSize).toBeLessThan(2 * 1024 * 1024);
  });

  test('packing twice gives the same file list (the tarball never lands inside the package)', () => {
    // `npm run package` writes the tarball into the project's artifacts directory; pack again after it.
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'projen'), ['package'], { cwd: ROOT, stdio: 'ignore' });
    try {
      expect(fs.readdirSync(path.join(ROOT, 'pack', 'js')).filter((f) => f.endsWith('.tgz'))).toHaveLength(1);
      expect(packDryRun().files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
    } finally {
      fs.rmSync(path.join(ROOT, 'pack'), { recursive: true, force: true });
    }
  });
});
