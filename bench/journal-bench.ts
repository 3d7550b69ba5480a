import {closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {monotonicFactory} from 'ulid';
import {buildEvent} from '../source/core/build-event.js';
import {reduceIncident} from '../source/core/reducer.js';
import {appendEvent} from '../source/journal/append-event.js';
import {readIncidentJournal} from '../source/journal/read-journal.js';
import {percentile} from './figures.js';
import type {Measured} from './rows.js';

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

/**
 * The journal's append against the floor: a bare write + fdatasync of the same
 * bytes on the same disk, one of each in turn, so both see the same disk.
 */
export function benchAppend(dir: string, count = 1000): Measured[] {
	const journal = join(dir, 'append@bench.jsonl');
	const fd = openSync(join(dir, 'bare.jsonl'), 'a');
	const ours: number[] = [];
	const bare: number[] = [];
	try {
		for (let index = 0; index < count; index++) {
			const event = sampleEvent(index);
			const line = Buffer.from(`${JSON.stringify(event)}\n`);
			let began = performance.now();
			writeSync(fd, line);
			fdatasyncSync(fd);
			bare.push(performance.now() - began);
			began = performance.now();
			appendEvent(journal, event);
			ours.push(performance.now() - began);
		}
	} finally {
		closeSync(fd);
	}
	return [
		{id: 'append-p50', value: percentile(ours, 50), samples: ours, baseline: {value: percentile(bare, 50), samples: bare}},
		{id: 'append-p99', value: percentile(ours, 99), samples: ours, baseline: {value: percentile(bare, 99), samples: bare}},
	];
}

/** Reading every writer's file, merging, validating and folding into state. */
function benchReplay(dir: string, count: number, id: string): Measured {
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
	return {id, value: percentile(runs, 50), samples: runs};
}

function inTempDir<T>(work: (dir: string) => T): T {
	const dir = mkdtempSync(join(process.env['BENCH_DIR'] ?? tmpdir(), 'incident-tui-bench-'));
	try {
		return work(dir);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export const appendFigures = () => inTempDir(dir => benchAppend(dir));

export const replayFigures = () => inTempDir(dir => [benchReplay(dir, 10_000, 'replay-10k'), benchReplay(dir, 100_000, 'replay-100k')]);
