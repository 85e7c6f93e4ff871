import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');

// The kit is used from projects that test with ts-jest as often as with @swc/jest (this project).
test('the testing kit works under ts-jest too', () => {
  const dir = tempDir('dp-ts-jest-');
  const config = {
    rootDir: ROOT,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/test/testing/fixtures/kit-under-ts-jest.spec.ts'],
    transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: path.join(ROOT, 'tsconfig.dev.json') }] },
    cacheDirectory: path.join(dir, 'cache'),
  };
  const configFile = path.join(dir, 'jest.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config));
  const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', configFile, '--ci', '--json'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const result = JSON.parse(out);
  expect({ passed: result.numPassedTests, failed: result.numFailedTests }).toEqual({ passed: 1, failed: 0 });
}, 180_000);
