/**
 * Rewrites the README's API table from the registry (`npm run docs`). A test fails while the README
 * differs, so the table can never go stale.
 */
import * as fs from 'node:fs';
import { renderApiTableMarkdown } from '../emulator-api/src/index.js';

const readmePath = new URL('../../README.md', import.meta.url);
const readme = fs.readFileSync(readmePath, 'utf8');
const pattern = /(<!-- api-table:start -->\n)[\s\S]*?(<!-- api-table:end -->)/;
if (!pattern.test(readme)) throw new Error('README.md has no <!-- api-table:start --> / <!-- api-table:end --> markers');
const updated = readme.replace(pattern, (_match, start: string, end: string) => `${start}${renderApiTableMarkdown()}\n${end}`);
if (updated !== readme) {
  fs.writeFileSync(readmePath, updated);
  console.log('README.md: API table updated');
} else console.log('README.md: API table already current');
