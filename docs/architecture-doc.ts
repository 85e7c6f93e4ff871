// The module graph of lib/, read from the imports themselves: test/boundaries.test.ts enforces the
// rules below, and `npm run docs` writes the picture of it into docs/architecture.md.
import * as fs from 'fs';
import * as path from 'path';

export const LIB = path.join(__dirname, '..', 'lib');

/**
 * The modules of lib/, bottom first. A file belongs to the first module whose prefix matches its
 * path relative to lib/. `may` lists the modules it may import (down the graph); `packages` the npm
 * packages it may load (node builtins are always allowed).
 */
export const MODULES: readonly { name: string; prefixes: string[]; may: string[]; packages: RegExp; about: string }[] = [
  { name: 'core', prefixes: ['core/'], may: [], packages: /^constructs$/, about: 'policy, catalogue, verdicts, findings pipeline, report, prop validation' },
  { name: 'facts', prefixes: ['facts/'], may: ['core'], packages: /^$/, about: 'shared facts: TLS policy tables, CIDR arithmetic, Azure region pairs, SLAs and Entra ID' },
  { name: 'cloudformation', prefixes: ['cloudformation/'], may: ['core', 'facts'], packages: /^$/, about: 'the CloudFormation model: resource views, template index, reference resolution' },
  { name: 'terraform', prefixes: ['terraform/'], may: ['core', 'facts'], packages: /^@cdktf\/hcl2json$/, about: 'the Terraform model: reading HCL, JSON and plans, resource views, configuration index' },
  { name: 'rules/aws', prefixes: ['rules/aws/'], may: ['core', 'facts', 'cloudformation'], packages: /^$/, about: 'AWS rules, one per file, by control family' },
  { name: 'rules/azure', prefixes: ['rules/azure/'], may: ['core', 'facts', 'terraform'], packages: /^$/, about: 'Azure rules, one per file, by control family' },
  { name: 'engines', prefixes: ['checks/cloudformation.ts', 'checks/terraform.ts', 'checks/private/'], may: ['core', 'cloudformation', 'terraform', 'rules/aws', 'rules/azure'], packages: /^$/, about: 'evaluateCloudFormation, evaluateTerraform: rules over plain templates' },
  { name: 'aws', prefixes: ['aws/'], may: ['core', 'facts'], packages: /^(aws-cdk-lib(\/.*)?|constructs)$/, about: 'AWS constructs (aws-cdk-lib)' },
  { name: 'cdk-nag pack', prefixes: ['checks/data-protection-checks.ts'], may: ['core', 'cloudformation', 'rules/aws', 'engines'], packages: /^(aws-cdk-lib|cdk-nag|constructs)$/, about: 'DataProtectionChecks: the cdk-nag 3 boundary' },
  { name: 'azure', prefixes: ['azure/'], may: ['core', 'facts', 'terraform', 'rules/azure', 'engines'], packages: /^(cdktf|constructs|@cdktf\/provider-azurerm\/lib\/[a-z0-9-]+)$/, about: 'Azure constructs and AzureDataProtectionChecks (the only cdktf importer)' },
  { name: 'cli', prefixes: ['cli/'], may: ['core', 'facts', 'cloudformation', 'terraform', 'rules/aws', 'rules/azure', 'engines'], packages: /^yaml$/, about: 'cdk-data-protection check: any IaC in, the same verdicts out (no CDK loaded)' },
  { name: 'testing', prefixes: ['testing/'], may: ['core', 'cdk-nag pack'], packages: /^(aws-cdk-lib(\/.*)?|constructs)$/, about: 'the jest kit' },
  { name: 'entry', prefixes: ['index.ts'], may: ['core', 'facts', 'cloudformation', 'terraform', 'rules/aws', 'rules/azure', 'engines', 'aws', 'cdk-nag pack'], packages: /^$/, about: 'the main entry point (never lib/azure)' },
];

/** Every TypeScript source under a directory. */
export function sources(dir: string = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The import specifiers of a file (static imports, side-effect imports and re-exports, type-only ones included). */
export function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]),
    // Side-effect imports (`import './x';`) and lazy `require('x')` load modules too.
    ...[...text.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]),
    ...[...text.matchAll(/\brequire\('([^']+)'\)/g)].map((m) => m[1]),
  ];
}

/** The module a file of lib/ belongs to. */
export function moduleOf(file: string): string | undefined {
  const rel = path.relative(LIB, file).split(path.sep).join('/');
  return MODULES.find((m) => m.prefixes.some((p) => rel === p || rel.startsWith(p)))?.name;
}

/** A relative import resolved to the file it loads. */
export function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/** Module-level edges actually present: `from -> to` with the number of imports. */
export function moduleEdges(): Map<string, number> {
  const edges = new Map<string, number>();
  for (const file of sources()) {
    const from = moduleOf(file);
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = resolveImport(file, spec);
      const to = target && moduleOf(target);
      if (!from || !to || from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  return edges;
}

/** The Markdown of docs/architecture.md. */
export function renderArchitectureDoc(): string {
  const id = (name: string) => name.replace(/[^a-z]/g, '_');
  const out = [
    '# Architecture',
    '',
    '<!-- Generated by docs/architecture-doc.ts (`npm run docs`) from the imports in lib/; do not edit. -->',
    '',
    'The modules of `lib/` and every import between them, as the code has them today. Arrows point',
    'down to what a module uses; the cloud-neutral core is at the bottom. `test/boundaries.test.ts`',
    'fails on an arrow that is not allowed, an import of another module\'s `private/` folder, or an',
    'import cycle.',
    '',
    '```mermaid',
    'flowchart BT',
  ];
  for (const m of MODULES) out.push(`  ${id(m.name)}["${m.name}<br/><small>${m.about}</small>"]`);
  for (const [edge] of [...moduleEdges()].sort()) {
    const [from, to] = edge.split(' -> ');
    out.push(`  ${id(from)} --> ${id(to)}`);
  }
  out.push('```', '');
  out.push('| module | folder | may import | packages |', '|---|---|---|---|');
  for (const m of MODULES) {
    out.push(`| ${m.name} | ${m.prefixes.map((p) => `\`lib/${p}\``).join(', ')} | ${m.may.join(', ') || '-'} | `
      + `${m.packages.source === '^$' ? 'node built-ins only' : `\`${m.packages.source}\``} |`);
  }
  out.push('');
  return out.join('\n');
}

if (require.main === module) {
  fs.writeFileSync(path.join(__dirname, 'architecture.md'), renderArchitectureDoc());
}
