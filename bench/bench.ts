// `npm run bench` (add `-- --json` for machine-readable output). Timings live
// here, never in test assertions.
import {writeFileSync} from 'node:fs';
import {cpus, hostname} from 'node:os';
import {formatFigure, type BenchFigure} from './figures.js';
import {journalFigures} from './journal-bench.js';
import {keystrokeFigures} from './keystroke-bench.js';
import {reportFigures} from './report-bench.js';
import {startupFigures} from './startup-bench.js';
import {syncFigures} from './sync-bench.js';

const figures: BenchFigure[] = [...journalFigures(), ...(await startupFigures()), ...(await keystrokeFigures()), ...reportFigures(), ...(await syncFigures())];

if (process.argv.includes('--json')) {
	const report = {machine: {host: hostname(), cpus: cpus().length, node: process.version}, at: new Date().toISOString(), figures};
	writeFileSync('bench-results.json', `${JSON.stringify(report, null, 2)}\n`);
	process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
	process.stdout.write(`incident-tui bench on ${hostname()} (${cpus().length} cores, Node ${process.version})\n`);
	for (const figure of figures) process.stdout.write(`${formatFigure(figure)}\n`);
}
