// Rewrites the README's table of the live screen's keys from the key table
// (source/ui/keys.ts), which test/ui/keys-documented.test.ts checks.
import {build} from 'esbuild';
import {readFileSync, writeFileSync} from 'node:fs';

const {outputFiles} = await build({entryPoints: ['source/ui/keys.ts'], bundle: true, write: false, format: 'esm', platform: 'node'});
const {readmeKeyTable} = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('| key | does |');
const end = readme.indexOf('\n\n', start);
if (start === -1 || end === -1) throw new Error('README.md has no "| key | does |" table');
writeFileSync('README.md', readme.slice(0, start) + readmeKeyTable() + readme.slice(end));
console.log('README.md: key table written');
