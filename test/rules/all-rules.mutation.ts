// The entry of the mutation run (`npm run mutation`, stryker.config.json): every rule test file in
// one jest test file. Jest gives each test file its own module registry, so 22 files loaded the
// rules and the engine 22 times for every mutant; loaded once, a mutant costs about a third.
// `npm test` runs the files themselves (this file does not match jest's testMatch).
import * as fs from 'fs';
import * as path from 'path';

/**
 * The test name filter of this run, if any. Stryker runs each mutant with a filter that lists the
 * full names of the tests covering it (`(aws/access IAMPolicy... test)|(...)`, escaped), so a file
 * none of whose tests is listed need not be loaded: loading every file took about half of each
 * mutant's time. Read from jest-circus's state; when it cannot be read every file is loaded.
 */
function testNameFilter(): string | undefined {
  const key = Object.getOwnPropertySymbols(globalThis).find((s) => s.description === 'JEST_STATE_SYMBOL');
  const pattern: unknown = key ? (globalThis as any)[key]?.testNamePattern : undefined;
  // RegExp#source writes a slash as `\/`.
  return pattern instanceof RegExp ? pattern.source.replace(/\\\//g, '/') : undefined;
}

/** A test name as Stryker escapes it in the filter. */
const escaped = (name: string) => name.replace(/[.*+\-?^${}()|[\]\\]/g, '\\$&');

const filter = testNameFilter();
for (const cloud of ['aws', 'azure']) {
  const dir = path.join(__dirname, cloud);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort()) {
    const prefix = `${cloud}/${file.replace(/\.test\.ts$/, '')}`;
    describe(prefix, () => {
      if (filter !== undefined && !filter.includes(`(${escaped(prefix)} `)) return;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each file registers its tests under one describe
      require(path.join(dir, file));
    });
  }
}
