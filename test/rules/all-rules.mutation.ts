// The entry of the mutation run (`npm run mutation`, stryker.config.json): every rule test file in
// one jest test file. Jest gives each test file its own module registry, so 22 files loaded the
// rules and the engine 22 times for every mutant; loaded once, a mutant costs about a third.
// `npm test` runs the files themselves (this file does not match jest's testMatch).
import * as fs from 'fs';
import * as path from 'path';

for (const cloud of ['aws', 'azure']) {
  const dir = path.join(__dirname, cloud);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort()) {
    describe(`${cloud}/${file.replace(/\.test\.ts$/, '')}`, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each file registers its tests under one describe
      require(path.join(dir, file));
    });
  }
}
