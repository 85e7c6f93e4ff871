import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { importsOf, LIB, moduleOf, MODULES, renderArchitectureDoc, resolveImport, sources } from '../docs/architecture-doc';

const ROOT = path.join(__dirname, '..');
const rel = (f: string) => path.relative(LIB, f).split(path.sep).join('/');
const BUILTINS = new Set(builtinModules);

describe('module boundaries (docs/architecture.md)', () => {
  const files = sources();

  test('every source file belongs to a module', () => {
    expect(files.filter((f) => !moduleOf(f)).map(rel)).toEqual([]);
  });

  test('imports point only down the graph: the core imports no cloud, Azure imports nothing of AWS', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = MODULES.find((m) => m.name === moduleOf(file))!;
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = resolveImport(file, spec);
          const to = target && moduleOf(target);
          if (!to) wrong.push(`${rel(file)}: ${spec} (not a file of lib/)`);
          else if (to !== from.name && !from.may.includes(to)) wrong.push(`${rel(file)} (${from.name}) -> ${rel(target!)} (${to})`);
        } else if (!BUILTINS.has(spec) && !from.packages.test(spec)) {
          wrong.push(`${rel(file)} (${from.name}) loads package ${spec}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The rules of the issue, spelled out: no module of the Azure side may reach the AWS side.
    const azureSide = ['azure', 'rules/azure', 'terraform'];
    const awsSide = ['aws', 'rules/aws', 'cloudformation', 'cdk-nag pack'];
    for (const m of MODULES.filter((x) => azureSide.includes(x.name))) expect(m.may.filter((x) => awsSide.includes(x))).toEqual([]);
    const core = MODULES.find((m) => m.name === 'core')!;
    for (const pkg of ['aws-cdk-lib', 'cdk-nag', 'cdktf', '@cdktf/provider-azurerm/lib/storage-account']) expect(core.packages.test(pkg)).toBe(false);
  });

  test('no file imports another module\'s private/ folder', () => {
    const wrong: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = resolveImport(file, spec);
        if (!target) continue;
        const at = target.lastIndexOf(`${path.sep}private${path.sep}`);
        if (at < 0) continue;
        const owner = target.slice(0, at);
        if (!file.startsWith(owner + path.sep)) wrong.push(`${rel(file)} -> ${rel(target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('no import cycles, type-only imports included', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((s) => s.startsWith('.')).map((s) => resolveImport(f, s)).filter((t): t is string => !!t)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...trail, f]);
      state.set(f, 'done');
    };
    files.forEach((f) => visit(f, []));
    expect(cycles).toEqual([]);
  });

  test('docs/architecture.md is the graph the imports draw (run `npm run docs`)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8')).toBe(renderArchitectureDoc());
  });
});

describe('CDK for Terraform stays inside lib/azure', () => {
  // HashiCorp deprecated CDKTF in December 2025: keeping it in one folder keeps a later move to
  // the community fork (cdktn) or to plain Terraform JSON a one-folder change.
  /** HashiCorp's HCL parser as WebAssembly: what the Terraform reading layer needs, not CDK for Terraform. */
  const HCL_PARSER = '@cdktf/hcl2json';
  test('no file outside lib/azure imports cdktf or a cdktf provider (the HCL parser aside)', () => {
    const offenders = sources()
      .filter((f) => !f.startsWith(path.join(LIB, 'azure') + path.sep))
      .filter((f) => importsOf(f).some((i) => (i === 'cdktf' || i.startsWith('cdktf/') || i.startsWith('@cdktf/')) && i !== HCL_PARSER));
    expect(offenders.map(rel)).toEqual([]);
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
    expect(imports).toEqual(expect.arrayContaining(['./checks/terraform']));
  });
});

describe('what each entry point loads at run time', () => {
  // A child process, so jest's own module registry does not blur the picture.
  const loaded = (entry: string): { cdk: number; nag: number; cdktf: number } => {
    const out = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', `require(${JSON.stringify(entry)});
      const ks = Object.keys(require.cache);
      const n = (re) => ks.filter((k) => re.test(k)).length;
      console.log(JSON.stringify({ cdk: n(/node_modules[\\\\/]aws-cdk-lib[\\\\/]/), nag: n(/node_modules[\\\\/]cdk-nag[\\\\/]/), cdktf: n(/node_modules[\\\\/]cdktf[\\\\/]/) }));`],
    { cwd: ROOT, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!);
  };

  test('cdk-data-protection/azure loads no aws-cdk-lib and no cdk-nag module', () => {
    expect(loaded('./lib/azure')).toMatchObject({ cdk: 0, nag: 0 });
  });

  test('the engines and the core load none of the three CDK packages', () => {
    for (const entry of ['./lib/checks/terraform', './lib/checks/cloudformation', './lib/core/engine', './lib/core/report/write', './lib/core/props/prop-errors']) {
      expect({ entry, ...loaded(entry) }).toEqual({ entry, cdk: 0, nag: 0, cdktf: 0 });
    }
  });
});
