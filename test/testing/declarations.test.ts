import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { tempDir } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const ENTRIES: [string, string][] = [
  ['cdk-data-protection', 'lib/index.ts'],
  ['cdk-data-protection/testing', 'lib/testing/index.ts'],
  ['cdk-data-protection/azure', 'lib/azure/index.ts'],
];

// A project with `declaration: true` that exports what it builds from this library (its own
// matchers, a helper returning a report) must be able to name every type involved: an unexported
// type in our public declarations fails there with TS4023 ("cannot be named"). One program for all
// entry points, so the type-check runs once.
test('every value of every entry point can be re-exported by a consumer that emits declarations', () => {
  const dir = tempDir('dp-decl-');
  const consumers = ENTRIES.map(([entry, file], i) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const names = Object.keys(require(path.join(ROOT, file))).filter((n) => n !== '__esModule' && n !== 'default');
    expect([entry, names.length > 0]).toEqual([entry, true]);
    const consumer = path.join(dir, `consumer${i}.ts`);
    fs.writeFileSync(consumer, `import * as lib from '${entry}';\n${names.map((n) => `export const ${n}_ = lib.${n};`).join('\n')}\n`);
    return consumer;
  });
  const program = ts.createProgram(consumers, {
    strict: true, declaration: true, emitDeclarationOnly: true, outDir: path.join(dir, 'out'), skipLibCheck: true,
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['node', 'jest'], typeRoots: [path.join(ROOT, 'node_modules', '@types')], baseUrl: ROOT,
    paths: Object.fromEntries([...ENTRIES.map(([entry, file]) => [entry, [file]]), ['*', ['node_modules/*', 'node_modules/@types/*']]]),
  });
  const emit = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...emit.diagnostics]
    .filter((d) => d.file && consumers.includes(d.file.fileName))
    .map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(errors).toEqual([]);
}, 120_000);
