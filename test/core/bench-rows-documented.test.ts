import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {BENCH_ROWS, README_TABLE_HEADER} from '../../bench/rows.js';

it('the README speed table has exactly the rows `npm run bench` measures, in order (npm run docs:bench rewrites it)', () => {
	const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
	const start = readme.indexOf(`\n${README_TABLE_HEADER}\n`);
	expect(start, 'the speed table header').toBeGreaterThan(-1);
	const table = readme.slice(start + 1, readme.indexOf('\n\n', start + 1)).split('\n').slice(2);
	// The first cell of each raw line: marked would normalise the rows (CONTRIBUTING, "Markdown").
	const titles = table.map(line => line.split(/(?<!\\)\|/)[1]?.trim());
	expect(titles).toEqual(BENCH_ROWS.map(row => row.title));
});
