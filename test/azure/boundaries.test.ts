import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', '..', 'lib');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);

describe('CDK for Terraform stays inside lib/azure', () => {
  // HashiCorp deprecated CDKTF in December 2025: keeping it in one folder keeps a later move to
  // the community fork (cdktn) or to plain Terraform JSON a one-folder change.
  test('no file outside lib/azure imports cdktf or a cdktf provider', () => {
    const offenders = sources(LIB)
      .filter((f) => !f.startsWith(path.join(LIB, 'azure') + path.sep))
      .filter((f) => importsOf(f).some((i) => i === 'cdktf' || i.startsWith('cdktf/') || i.startsWith('@cdktf/')));
    expect(offenders.map((f) => path.relative(LIB, f))).toEqual([]);
  });

  test('lib/azure imports provider submodules, never the provider package root (1,527 submodules)', () => {
    const roots = sources(path.join(LIB, 'azure')).filter((f) => importsOf(f).includes('@cdktf/provider-azurerm'));
    expect(roots).toEqual([]);
    const submodules = sources(path.join(LIB, 'azure')).flatMap(importsOf).filter((i) => i.startsWith('@cdktf/provider-azurerm/'));
    expect(submodules.length).toBeGreaterThan(10);
    expect(submodules.every((i) => /^@cdktf\/provider-azurerm\/lib\/[a-z0-9-]+$/.test(i))).toBe(true);
  });

  test('the main entry point does not load lib/azure (AWS users, and users of evaluateTerraform, need no cdktf)', () => {
    const imports = importsOf(path.join(LIB, 'index.ts'));
    expect(imports.filter((i) => i === './azure' || i.startsWith('./azure/'))).toEqual([]);
    // What it does export of the Azure side is cdktf-free (checked for every file outside lib/azure above).
    expect(imports).toEqual(expect.arrayContaining(['./checks/terraform', './rules/azure']));
  });
});
