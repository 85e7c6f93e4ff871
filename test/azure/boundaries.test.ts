import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', '..', 'lib');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from |require\()'([^']+)'/g)].map((m) => m[1]);

/** HashiCorp's HCL parser as WebAssembly: a parser the Terraform reading layer needs, not cdktf. */
const HCL_PARSER = '@cdktf/hcl2json';
const isCdk = (i: string) => i === 'aws-cdk-lib' || i.startsWith('aws-cdk-lib/') || i === 'cdk-nag' || i.startsWith('cdk-nag/')
  || ((i === 'cdktf' || i.startsWith('cdktf/') || i.startsWith('@cdktf/')) && i !== HCL_PARSER);

describe('CDK for Terraform stays inside lib/azure', () => {
  // HashiCorp deprecated CDKTF in December 2025: keeping it in one folder keeps a later move to
  // the community fork (cdktn) or to plain Terraform JSON a one-folder change.
  test('no file outside lib/azure imports cdktf or a cdktf provider', () => {
    const offenders = sources(LIB)
      .filter((f) => !f.startsWith(path.join(LIB, 'azure') + path.sep))
      .filter((f) => importsOf(f).some((i) => (i === 'cdktf' || i.startsWith('cdktf/') || i.startsWith('@cdktf/')) && i !== HCL_PARSER));
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

describe('the Terraform side runs without the CDK, cdk-nag or cdktf', () => {
  const cloudNeutral = [
    ...sources(path.join(LIB, 'terraform')),
    ...sources(path.join(LIB, 'rules', 'azure')),
    path.join(LIB, 'checks', 'terraform.ts'),
  ];
  test('lib/terraform, lib/rules/azure and lib/checks/terraform.ts import no aws-cdk-lib, cdk-nag or cdktf', () => {
    const offenders = cloudNeutral.flatMap((f) => importsOf(f).filter(isCdk).map((i) => `${path.relative(LIB, f)}: ${i}`));
    expect(offenders).toEqual([]);
  });
  test('lib/terraform reaches nothing outside lib/terraform and lib/core (rules read it, not the other way round)', () => {
    const offenders = sources(path.join(LIB, 'terraform')).flatMap((f) => importsOf(f)
      .filter((i) => i.startsWith('.'))
      .map((i) => path.resolve(path.dirname(f), i))
      .filter((abs) => !abs.startsWith(path.join(LIB, 'terraform')) && !abs.startsWith(path.join(LIB, 'core')))
      .map((abs) => `${path.relative(LIB, f)} -> ${path.relative(LIB, abs)}`));
    expect(offenders).toEqual([]);
  });
});
