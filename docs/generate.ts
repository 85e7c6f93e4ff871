// `npm run docs`: every generated document, from the code. test/docs.test.ts fails when a committed
// copy differs from what this produces.
import * as fs from 'fs';
import * as path from 'path';
import { renderArchitectureDoc } from './architecture-doc';
import { renderControlsDoc } from './controls-doc';
import { renderRulesDoc, withGeneratedReadmeSections } from './rules-doc';

const ROOT = path.join(__dirname, '..');
fs.writeFileSync(path.join(__dirname, 'controls.md'), renderControlsDoc());
fs.writeFileSync(path.join(__dirname, 'rules.md'), renderRulesDoc());
fs.writeFileSync(path.join(__dirname, 'architecture.md'), renderArchitectureDoc());
const readme = path.join(ROOT, 'README.md');
fs.writeFileSync(readme, withGeneratedReadmeSections(fs.readFileSync(readme, 'utf8')));
