// Rewrites the README's speed table from bench-results.json, which
// `npm run bench -- --json` writes; test/core/bench-rows-documented.test.ts
// checks that the table has exactly the bench's rows.
import {build} from 'esbuild';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';

if (!existsSync('bench-results.json')) throw new Error('no bench-results.json: run `npm run bench -- --json` first');
const results = JSON.parse(readFileSync('bench-results.json', 'utf8'));
if (!results.complete) throw new Error('bench-results.json is from a partial run (--only): run `npm run bench -- --json` in full');

const {outputFiles} = await build({entryPoints: ['bench/rows.ts'], bundle: true, write: false, format: 'esm', platform: 'node'});
const {README_TABLE_HEADER, readmeSpeedTable} = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(README_TABLE_HEADER);
const end = readme.indexOf('\n\n', start);
if (start === -1 || end === -1) throw new Error(`README.md has no "${README_TABLE_HEADER}" table`);
writeFileSync('README.md', readme.slice(0, start) + readmeSpeedTable(results.rows) + readme.slice(end));
console.log(`README.md: speed table written from the run of ${results.at} (${results.machine.cpus} cores, Node ${results.machine.node})`);
