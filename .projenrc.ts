import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { JsonFile, TextFile, typescript } from 'projen';
import { NodePackageManager, NpmAccess } from 'projen/lib/javascript';

// Exact versions live here so a dependency bump is one reviewed line.
const AWS_CDK_LIB = '2.276.0';
const CONSTRUCTS = '10.8.1';
const CDK_NAG = '3.0.2';
const CDKTF = '0.21.0';
const PROVIDER_AZURERM = '14.23.1';
// The CLI's parsers (runtime dependencies: `check` runs without the CDK or cdktf installed).
const YAML = '2.9.1';
const HCL2JSON = '0.21.0';

const project = new typescript.TypeScriptProject({
  name: 'cdk-data-protection',
  description:
    'Turn the promises of a published data-protection policy into CDK constructs, synth-time checks and an auditor-readable evidence report.',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  license: 'Apache-2.0',
  copyrightOwner: 'cdk-data-protection contributors',
  authorName: 'cdk-data-protection contributors',
  npmAccess: NpmAccess.PUBLIC,
  packageManager: NodePackageManager.NPM,
  entrypoint: 'dist/index.js',
  entrypointTypes: 'dist/index.d.ts',

  // lib/ is source (house style), dist/ is compiled output.
  srcdir: 'lib',
  libdir: 'dist',
  testdir: 'test',

  typescriptVersion: '~5.9.3',
  // projen looks up @types/node by the TypeScript tag unless a Node floor is given.
  minNodeVersion: '20.0.0',

  // CI lives in .ci/run; no GitHub workflows, releases or dependency bots from projen.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  // Linted like the anchor projects (projen's ESLint rules: import order, stylistic rules, no shadowing).
  eslint: true,
  eslintOptions: {
    dirs: ['lib'],
    devdirs: ['test', 'bin', 'examples', 'bench', 'docs', 'scripts', 'projenrc'],
    ignorePatterns: ['*.js', '*.mjs', '*.d.ts', 'node_modules/', 'dist/', 'cdk.out/', 'cdktf.out/', 'coverage/', 'reports/', 'test/realworld/**/apps/**/cdk.out/'],
  },
  prettier: false,

  // jest is configured below (swc transform, single tsc type-check).
  jest: false,

  deps: [
    `yaml@${YAML}`,
    // HashiCorp's HCL parser as WebAssembly: HCL files and Terraform expressions. Not cdktf itself.
    `@cdktf/hcl2json@${HCL2JSON}`,
  ],
  peerDeps: [
    `aws-cdk-lib@^${AWS_CDK_LIB}`,
    `constructs@^${CONSTRUCTS}`,
    `cdk-nag@^${CDK_NAG}`,
    `cdktf@^${CDKTF}`,
    `@cdktf/provider-azurerm@^${PROVIDER_AZURERM}`,
  ],
  devDeps: [
    'aws-cdk@2.1148.0',
    'tsx@^4.20.0',
    'jest@^30.0.0',
    '@types/jest@^30.0.0',
    '@swc/core@1.16.18',
    '@swc/jest@^0.2.39',
    // The report's topology picture is checked by Mermaid's own parser (jsdom 26: jsdom 27+ needs Node 22).
    'mermaid@12.3.0',
    'jsdom@26.1.0',
    // The public API must stay jsii-compatible: `npm test` compiles it with jsii (jsii tracks TypeScript's minor).
    'jsii@5.9.50',
    // The testing kit is also run under ts-jest, which many CDK projects use (test/testing/ts-jest.test.ts).
    'ts-jest@29.4.15',
    // Mutation testing of the rules (npm run mutation; not part of CI). Stryker 10 needs Node.js 22;
    // the project's machines and CI run Node.js 20, where 9.6 is the newest that runs.
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/jest-runner@9.6.1',
  ],
  tsconfig: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
      // Like aws-cdk-lib, ship JavaScript and declarations without source maps (inline ones were
      // 69 % of the package's JavaScript bytes).
      inlineSourceMap: false,
      inlineSources: false,
    },
  },
  // The tarball goes next to, not into, the compiled library (dist/ is libdir): packing twice must
  // not put the first tarball inside the second.
  artifactsDirectory: 'pack',
  // What the package holds is an allow-list (files), not a list of exclusions.
  npmignoreEnabled: false,
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
    },
    include: ['lib/**/*.ts', 'bin/**/*.ts', 'examples/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'docs/**/*.ts', 'scripts/**/*.ts', '.projenrc.ts'],
  },
  gitignore: ['cdk.out/', 'cdktf.out/', '*.tsbuildinfo', '.jest-cache/', '.jest-results.json', '.rule-outcomes/', '.stryker-tmp/', 'reports/'],
});

// Every CDK is optional: AWS users install no CDK for Terraform, Azure users no aws-cdk-lib or
// cdk-nag, users of the CLI none. Each entry point names what it misses (lib/core/peers.ts).
project.package.addField('peerDependenciesMeta', {
  'aws-cdk-lib': { optional: true },
  'cdk-nag': { optional: true },
  'cdktf': { optional: true },
  '@cdktf/provider-azurerm': { optional: true },
});

// The registry reachable from our machines lags behind for some platform bindings of
// unrs-resolver (jest 30) and @swc/core: pin them so `npm ci` accepts the lock file.
// See ../shared/TOOLCHAIN.md, "npm here".
project.package.addField('overrides', {
  'unrs-resolver': '1.12.2',
  '@swc/core': '1.16.18',
});

// Only the compiled library and the documents the README refers to go into the package (README,
// LICENSE and package.json always do).
project.package.addField('files', ['dist/**/*.js', 'dist/**/*.d.ts', 'docs/*.md']);
// A clean compile, so a renamed or deleted source never leaves a stale file in the package.
project.tasks.tryFind('pre-compile')!.exec('node -e "require(\'fs\').rmSync(\'dist\', { recursive: true, force: true })"');
// `npx cdk-data-protection check <path...>`: judges cloud assemblies, templates and Terraform without
// loading aws-cdk-lib, cdk-nag or cdktf (test/cli/cli.test.ts checks what it loads).
project.addBins({ 'cdk-data-protection': 'dist/cli/bin.js' });

// Three entry points: the library, the jest kit (`cdk-data-protection/testing`) and the CDK for
// Terraform side (`cdk-data-protection/azure`, the only one that loads cdktf). typesVersions
// serves the kit's types to TypeScript setups that ignore `exports` (moduleResolution node10).
project.package.addField('exports', {
  '.': { types: './dist/index.d.ts', default: './dist/index.js' },
  './testing': { types: './dist/testing/index.d.ts', default: './dist/testing/index.js' },
  './azure': { types: './dist/azure/index.d.ts', default: './dist/azure/index.js' },
  './package.json': './package.json',
});
project.package.addField('typesVersions', { '*': { testing: ['dist/testing/index.d.ts'], azure: ['dist/azure/index.d.ts'] } });

project.package.addField('jest', {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  cacheDirectory: '.jest-cache',
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
});

// ESLint reads every linted file through the dev tsconfig (lib, tests, examples, bench, docs, scripts),
// which projen's default (the library's tsconfig.json) does not include.
const eslintrc = project.tryFindObjectFile('.eslintrc.json')!;
eslintrc.addDeletionOverride('parserOptions.projectService');
eslintrc.addOverride('parserOptions.project', './tsconfig.dev.json');
eslintrc.addOverride('settings.import/resolver.typescript.project', './tsconfig.dev.json');
// House style keeps small objects on one line, also when a call spans several (tables of test cases,
// rule metadata): projen's one-property-per-line rules would triple those files without adding clarity.
eslintrc.addOverride('rules.@stylistic/object-property-newline', 'off');
eslintrc.addOverride('rules.@stylistic/object-curly-newline', 'off');

// `npm test`: one type-check of everything (lib, bin, examples, tests), the jsii check of the
// public API (scripts/jsii-check.ts, about 25 s), then jest on swc.
const testTask = project.tasks.tryFind('test')!;
testTask.reset();
// Rule tests record the outcomes they observe; test/meta/rule-cases.ts checks them after jest.
testTask.exec('node -e "require(\'fs\').rmSync(\'.rule-outcomes\', { recursive: true, force: true })"', { name: 'clear-rule-outcomes' });
testTask.exec('tsc --noEmit -p tsconfig.dev.json', { name: 'typecheck' });
// Lint without fixing in the test run (CI must fail on a lint error); `npm run eslint` fixes what it can.
testTask.exec('eslint --ext .ts --no-error-on-unmatched-pattern lib test bin examples bench docs scripts projenrc .projenrc.ts', {
  name: 'eslint', env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
});
testTask.exec('tsx scripts/jsii-check.ts', { name: 'jsii' });
// The JSON results let .ci/run print one plain "N passed, N failed" line.
testTask.exec('jest --ci --json --outputFile=.jest-results.json', { receiveArgs: true });
// Every rule of both registries must have been seen compliant, non-compliant and unverifiable.
testTask.exec('tsx test/meta/rule-cases.ts', { name: 'rule-cases' });
project.addTask('test:update', { exec: 'jest -u', receiveArgs: true });
// Rule tests pin the exact findings of the rule they assert on (test/meta/pinned-findings.ts);
// this rewrites the pins from the current rules. Read the diff before committing it.
project.addTask('pin-findings', {
  description: 'Rewrite the pinned findings of the rule tests (test/rules/*/__findings__); review the diff',
  exec: 'jest test/rules',
  env: { DP_PIN_FINDINGS: 'update', DP_RULE_TESTS: 'engine' },
});
project.addTask('docs', {
  description: 'Regenerate docs/controls.md, docs/rules.md, docs/architecture.md and the README rule tables from the code',
  exec: 'tsx docs/generate.ts',
});
project.addTask('bench', {
  description: 'Measure what the checks cost and how they scale (docs/performance.md); prints ratios, asserts nothing',
  exec: 'tsx bench/run.ts',
});
// `npm run mutation`: how much of the rules' behaviour their tests pin (docs/testing.md). Stryker
// mutates lib/rules and runs, per mutant, only the tests that cover it (per-test coverage), and
// reuses earlier results for unchanged code and tests (incremental). Not part of CI (docs/testing.md
// has the measured duration).
project.addTask('mutation', {
  description: 'Mutation-test the rules with Stryker (lib/rules/**; incremental; report in reports/mutation/)',
  exec: 'stryker run',
  // The rule tests judge their templates with the engine alone (no aws-cdk-lib, no CfnInclude path).
  env: { DP_RULE_TESTS: 'engine' },
});
new JsonFile(project, 'stryker.config.json', {
  obj: {
    $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'jest',
    jest: {
      projectType: 'custom',
      // The rules' own tests, loaded once per mutant through one entry file (a registry per test
      // file would load the rules 22 times). The real-world corpus and the checks' tests run every
      // rule on every app, so they cover every mutant and would make each one cost a full synth.
      config: {
        testEnvironment: 'node',
        testMatch: ['<rootDir>/test/rules/all-rules.mutation.ts'],
        transform: { '^.+\\.tsx?$': ['@swc/jest'] },
      },
      enableFindRelatedTests: false,
    },
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: 'reports/stryker-incremental.json',
    mutate: ['lib/rules/**/*.ts'],
    // Rule metadata (names, info, explanations, fixes) is module-level text, executed once on load.
    ignoreStatic: true,
    concurrency: 2,
    timeoutMS: 60000,
    tempDirName: '.stryker-tmp',
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/mutation.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    thresholds: { high: 90, low: 80, break: null },
  },
});
project.addTask('synth', {
  description: 'Synthesize the reference architectures with every check and write the evidence report',
  exec: 'cdk synth --quiet',
});

// cdk.json: the app, the feature flags aws-cdk-lib recommends today, and schema validation
// that fails synth (a warning-only validator lets broken templates through).
new JsonFile(project, 'cdk.json', {
  obj: {
    app: 'npx tsx bin/app.ts',
    output: 'cdk.out',
    watch: { include: ['bin/**', 'lib/**', 'examples/**'] },
    context: {
      ...CURRENTLY_RECOMMENDED_FLAGS,
      '@aws-cdk/core:validateAgainstDefaultRules': true,
    },
  },
});

new TextFile(project, '.ci/run', {
  executable: true,
  lines: [
    '#!/usr/bin/env bash',
    '# CI entry point: install from the lock file, then run exactly what the README tells a newcomer.',
    'set -euo pipefail',
    'cd "$(dirname "$0")/.."',
    'npm ci --no-audit --no-fund',
    'npm test',
    'node -e \'const r = require("./.jest-results.json"); console.log("tests: " + r.numPassedTests + " passed, " + r.numFailedTests + " failed")\'',
    '# All five reference architectures must synthesize with every check, offline and without credentials.',
    'env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u ARM_CLIENT_ID -u ARM_CLIENT_SECRET npx cdk synth --quiet',
    'for dir in cdk.out/assembly-Sitasys cdk.out/assembly-TeamBench cdk.out/assembly-Styku cdk.out/assembly-OrganizationSaas cdktf.out/stacks/SitumAzure; do',
    '  for f in data-protection-report.json data-protection-report.md data-protection-report.sarif; do',
    '    test -s "$dir/$f" || { echo "missing $dir/$f"; exit 1; }',
    '  done',
    'done',
    'test -s cdktf.out/stacks/SitumAzure/cdk.tf.json || { echo "missing cdktf.out/stacks/SitumAzure/cdk.tf.json"; exit 1; }',
  ],
});

project.synth();
