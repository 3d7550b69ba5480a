// `npm run bench`: every row of bench/rows.ts, each interleaved with its
// baseline. `-- --json` also writes bench-results.json (every sample), which
// `npm run docs:bench` turns into the README's speed table; `-- --only sync`
// (or `--only log,screen`) runs some groups. Timings live here, never in tests.
import {writeFileSync} from 'node:fs';
import {cpus, hostname, loadavg} from 'node:os';
import {parseArgs} from 'node:util';
import {acrossIncidentsFigures} from './across-incidents-bench.js';
import {evidenceFigures} from './evidence-bench.js';
import {enterFigures, historyFigures} from './history-bench.js';
import {appendFigures, replayFigures} from './journal-bench.js';
import {keystrokeFigures} from './keystroke-bench.js';
import {reportFigures} from './report-bench.js';
import {BENCH_GROUPS, BENCH_ROWS, formatLine, rowOf, verdictOf, type BenchGroup, type Measured} from './rows.js';
import {firstFrameFigures, logFigures} from './startup-bench.js';
import {syncFigures} from './sync-bench.js';

const measures: Record<BenchGroup, () => Measured[] | Promise<Measured[]>> = {
	append: appendFigures,
	log: logFigures,
	screen: firstFrameFigures,
	history: historyFigures,
	enter: enterFigures,
	keys: keystrokeFigures,
	sync: syncFigures,
	incidents: acrossIncidentsFigures,
	replay: replayFigures,
	render: reportFigures,
	evidence: evidenceFigures,
};

const {values} = parseArgs({options: {json: {type: 'boolean', default: false}, only: {type: 'string'}}});
const groups = values.only === undefined ? BENCH_GROUPS : values.only.split(',').map(name => name.trim());
const unknown = groups.filter(name => !BENCH_GROUPS.includes(name as BenchGroup));
if (unknown.length > 0) {
	process.stderr.write(`bench: no group "${unknown.join('", "')}"; the groups are ${BENCH_GROUPS.join(', ')}\n`);
	process.exit(1);
}

const machine = {host: hostname(), cpus: cpus().length, node: process.version, loadBefore: loadavg()[0]!};
process.stdout.write(
	`incident-tui bench on ${machine.host} (${machine.cpus} cores, Node ${machine.node}, load ${machine.loadBefore.toFixed(2)}); medians of runs taken in turn with their baselines\n\n`,
);

const began = performance.now();
const results: Measured[] = [];
for (const group of BENCH_GROUPS.filter(name => groups.includes(name))) {
	const groupBegan = performance.now();
	const measured = await measures[group]();
	for (const result of measured) process.stdout.write(`${formatLine(result)}\n`);
	process.stdout.write(`    (${group}: ${((performance.now() - groupBegan) / 1000).toFixed(1)} s)\n`);
	results.push(...measured);
}

const targeted = results.filter(result => rowOf(result.id).target);
const missed = targeted.filter(result => !verdictOf(result).met);
const verdicts = targeted.length === 0 ? '' : `${targeted.length - missed.length} of ${targeted.length} targets met; `;
const names = missed.length === 0 ? '' : `\nnot met: ${missed.map(result => rowOf(result.id).title).join('; ')}`;
const seconds = ((performance.now() - began) / 1000).toFixed(0);
process.stdout.write(`\n${verdicts}${seconds} s, load ${loadavg()[0]!.toFixed(2)} at the end${names}\n`);

if (values.json) {
	const rows = results.map(result => {
		const row = rowOf(result.id);
		return {...row, ...result, ...verdictOf(result)};
	});
	const complete = BENCH_ROWS.every(row => results.some(result => result.id === row.id));
	const report = {machine: {...machine, loadAfter: loadavg()[0]!}, at: new Date().toISOString(), complete, rows};
	writeFileSync('bench-results.json', `${JSON.stringify(report, null, 2)}\n`);
	process.stdout.write('bench-results.json written\n');
}
