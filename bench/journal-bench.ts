import {closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {monotonicFactory} from 'ulid';
import {buildEvent} from '../source/core/build-event.js';
import {reduceIncident} from '../source/core/reducer.js';
import {appendEvent} from '../source/journal/append-event.js';
import {readIncidentJournal} from '../source/journal/read-journal.js';
import {percentile, type BenchFigure} from './figures.js';

const ulid = monotonicFactory();
const start = Date.parse('2026-11-23T03:00:00.000Z');

function sampleEvent(index: number, author = 'alice') {
	const at = new Date(start + index * 1000);
	const kinds = ['note', 'action', 'mitigation', 'communication'] as const;
	return buildEvent(
		{type: 'note.logged', kind: kinds[index % kinds.length]!, text: `event ${index}: checked the dashboards, p99 still high`},
		{id: ulid(at.getTime()), at, author},
	);
}

/** The journal's append against the floor: a bare write + fdatasync loop on the same disk. */
export function benchAppend(dir: string, count = 1000): BenchFigure[] {
	const journal = join(dir, 'append@bench.jsonl');
	const ours: number[] = [];
	for (let index = 0; index < count; index++) {
		const event = sampleEvent(index);
		const began = performance.now();
		appendEvent(journal, event);
		ours.push(performance.now() - began);
	}
	const bare: number[] = [];
	const fd = openSync(join(dir, 'bare.jsonl'), 'a');
	const line = Buffer.from(`${JSON.stringify(sampleEvent(0))}\n`);
	for (let index = 0; index < count; index++) {
		const began = performance.now();
		writeSync(fd, line);
		fdatasyncSync(fd);
		bare.push(performance.now() - began);
	}
	closeSync(fd);
	const p50 = percentile(ours, 50);
	const p99 = percentile(ours, 99);
	const bareP50 = percentile(bare, 50);
	const bareP99 = percentile(bare, 99);
	return [
		{name: 'append+fdatasync p50', value: p50, unit: 'ms', compare: {name: 'bare write+fdatasync p50', value: bareP50}},
		{name: 'append+fdatasync p99', value: p99, unit: 'ms', compare: {name: 'bare write+fdatasync p99', value: bareP99}},
	];
}

/** Reading every writer's file, merging, validating and folding into state. */
export function benchReplay(dir: string, count: number): BenchFigure {
	const eventsDir = mkdtempSync(join(dir, 'replay-'));
	for (const [author, share] of [['alice', 0.5], ['bob', 0.3], ['carol', 0.2]] as const) {
		const fd = openSync(join(eventsDir, `${author}@bench.jsonl`), 'w');
		const lines: string[] = [];
		for (let index = 0; index < count * share; index++) lines.push(JSON.stringify(sampleEvent(index, author)));
		writeSync(fd, `${lines.join('\n')}\n`);
		closeSync(fd);
	}
	const runs: number[] = [];
	for (let run = 0; run < 3; run++) {
		const began = performance.now();
		const journal = readIncidentJournal(eventsDir);
		reduceIncident('2026-11-23-01', journal.events);
		runs.push(performance.now() - began);
	}
	rmSync(eventsDir, {recursive: true, force: true});
	return {name: `read+replay ${count.toLocaleString('en')} events (median of 3)`, value: percentile(runs, 50), unit: 'ms'};
}

export function journalFigures(): BenchFigure[] {
	const dir = mkdtempSync(join(process.env['BENCH_DIR'] ?? tmpdir(), 'incident-tui-bench-'));
	try {
		return [...benchAppend(dir), benchReplay(dir, 10_000), benchReplay(dir, 100_000)];
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
