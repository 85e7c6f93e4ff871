import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { tempDir } from './helpers';

const ROOT = path.join(__dirname, '..');

// A block that imports cdk-data-protection (or one of its entry points) is a complete program and compiles as it is; any other
// block is a fragment and compiles after this prelude (its own imports may add modules).
const PRELUDE = `
import { App, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  AdminAccessVpn, AuditTrail, CentralLogArchive, DataKey, DataProtectionChecks, DataProtectionPolicy, HttpsLoadBalancer, IncidentTopic,
  KpiAlarms, PolicyBackupPlan, RequireMfaPolicy, SecureBucket, ThreatDetection, UserDirectory, CloudAmqpPeering, PrivateRabbitMq,
  RegionalNetwork, ResilientService, ReplicatedDatabase, MultiRegionDeployment, RegionalStack, GlobalEndpoint,
} from 'cdk-data-protection';
declare const app: App;
declare const stack: Stack;
declare const bucket: s3.IBucket;
declare const key: kms.IKey;
declare const appRole: import('aws-cdk-lib/aws-iam').IRole;
`;

test('every TypeScript example in the README compiles against the library', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThan(0);

  const dir = tempDir('dp-readme-');
  const files = blocks.map((code, i) => {
    const file = path.join(dir, `block${i}.ts`);
    // The prelude declares common names (app, stack, ...) unless the block declares them itself.
    const prelude = PRELUDE.split('\n').filter((line) => {
      const declared = /^declare const (\w+)/.exec(line);
      return !declared || !new RegExp(`\\bconst ${declared[1]}\\b`).test(code);
    }).join('\n');
    const source = /from 'cdk-data-protection(\/azure|\/testing)?'/.test(code) ? code : `${prelude}\n${code}`;
    fs.writeFileSync(file, `${source}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    types: ['node', 'jest'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    baseUrl: ROOT,
    paths: {
      'cdk-data-protection': ['lib/index.ts'],
      'cdk-data-protection/testing': ['lib/testing/index.ts'],
      'cdk-data-protection/azure': ['lib/azure/index.ts'],
      '*': ['node_modules/*', 'node_modules/@types/*'],
    },
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(errors).toEqual([]);
});

test('the README\'s Azure examples need no AWS peer: they import only cdk-data-protection/azure, cdktf and Node', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const azure = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => code.includes('cdk-data-protection/azure'));
  expect(azure.length).toBeGreaterThan(0);
  const imports = azure.flatMap((code) => [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]));
  // The main entry loads aws-cdk-lib and cdk-nag, which an Azure-only app has not installed.
  expect(imports.filter((spec) => !['cdk-data-protection/azure', 'fs', 'path'].includes(spec) && !spec.startsWith('cdktf') && !spec.startsWith('@cdktf/')))
    .toEqual([]);
});
