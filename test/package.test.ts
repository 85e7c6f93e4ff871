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

  test('holds only what users need: compiled JavaScript, declarations, README, LICENSE, the documents the README names', () => {
    const outside = first.files.map((f) => f.path)
      .filter((p) => !/^dist\/.*\.(js|d\.ts)$/.test(p) && !/^docs\/[a-z-]+\.md$/.test(p) && !['README.md', 'LICENSE', 'package.json'].includes(p));
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

  test('every path the README names exists; every document it names ships in the package', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const named = [...new Set([...readme.matchAll(/`((?:docs|examples|lib|test|bench|scripts)\/[\w./-]+)`/g)].map((m) => m[1]))];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((p) => !fs.existsSync(path.join(ROOT, p.replace(/\/$/, ''))))).toEqual([]);
    const packed = new Set(first.files.map((f) => f.path));
    expect(named.filter((p) => p.startsWith('docs/') && p.endsWith('.md') && !packed.has(p))).toEqual([]);
    // In-page links point at headings that exist.
    const anchors = new Set(readme.split('\n').filter((l) => l.startsWith('#')).map((h) => h.replace(/^#+\s*/, '').toLowerCase()
      .replace(/[^a-z0-9 -]/g, '').trim().replace(/ /g, '-')));
    for (const [, anchor] of readme.matchAll(/\]\(#([^)]+)\)/g)) expect([anchor, anchors.has(anchor)]).toEqual([anchor, true]);
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
