// `npm test` step: compile the public API with jsii, so it stays usable from other languages (no
// unions, inline object types or generics in exported signatures; optional overrides stay optional;
// behavioural interfaces are I-prefixed). jsii works on a package, so this builds a scratch one:
// lib/ and the installed node_modules, with a package.json that declares what jsii needs (a
// repository, its own settings) and leaves out the runtime dependencies of the CLI (yaml and the
// HCL parser are no jsii modules and appear in no exported signature). Nothing is written into the
// repository.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-jsii-'));
try {
  fs.cpSync(path.join(ROOT, 'lib'), path.join(dir, 'lib'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license, author: pkg.author,
    main: pkg.main, types: pkg.types, peerDependencies: pkg.peerDependencies, devDependencies: pkg.devDependencies,
    repository: { type: 'git', url: 'https://example.invalid/cdk-data-protection.git' },
    jsii: { outdir: 'dist', targets: {}, tsconfig: 'tsconfig.jsii.json' },
  }, undefined, 2));
  fs.writeFileSync(path.join(dir, 'tsconfig.jsii.json'), JSON.stringify({
    compilerOptions: {
      rootDir: 'lib', outDir: 'dist', declaration: true, strict: true, noEmitOnError: true, target: 'ES2022', lib: ['es2022'],
      module: 'CommonJS', skipLibCheck: true, experimentalDecorators: true, esModuleInterop: true, resolveJsonModule: true,
      types: ['jest', 'node'],
    },
    include: ['lib/**/*.ts'],
  }));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'jsii'), ['--silence-warnings=reserved-word'], { cwd: dir, stdio: 'inherit' });
} catch {
  console.error('jsii: the public API (lib/index.ts) is not jsii-compatible; see the errors above.');
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
