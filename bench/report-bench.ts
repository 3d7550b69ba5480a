import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {monotonicFactory} from 'ulid';
import {buildEvent} from '../source/core/build-event.js';
import type {AnyEvent} from '../source/core/events.js';
import {reduceIncident} from '../source/core/reducer.js';
import {builtInRunbook} from '../source/runbook/load-runbook.js';
import {renderReport} from '../source/report/render-report.js';
import {findTemplate, templateNames} from '../source/report/template-store.js';
import {median} from './figures.js';
import type {Measured} from './rows.js';

function incidentOf(size: number): AnyEvent[] {
	const ulid = monotonicFactory();
	const start = Date.parse('2026-11-23T03:00:00.000Z');
	const at = (index: number) => new Date(start + index * 1000);
	const events: AnyEvent[] = [
		buildEvent({type: 'incident.opened', title: 'Bench', severity: 1, commander: 'alice'}, {id: ulid(start), at: at(0), author: 'alice'}),
	];
	for (let index = 1; index < size; index++) {
		const author = index % 3 === 0 ? 'bob' : 'alice';
		events.push(
			buildEvent({type: 'note.logged', kind: index % 7 === 0 ? 'mitigation' : 'note', text: `event ${index} | with <tags> and _markup_`}, {id: ulid(start + index * 1000), at: at(index), author}),
		);
	}
	return events;
}

/** Rendering only (the incident already folded into state): the slowest built-in template's median. */
export function reportFigures(): Measured[] {
	const docsDir = mkdtempSync(join(tmpdir(), 'incident-tui-bench-report-'));
	try {
		const runbook = builtInRunbook();
		const now = new Date('2026-11-23T06:00:00.000Z');
		const figures: Measured[] = [];
		for (const [size, id] of [[10, 'render-10'], [10_000, 'render-10k']] as const) {
			let slowest: number[] = [];
			const state = reduceIncident('2026-11-23-01', incidentOf(size));
			for (const name of templateNames(docsDir)) {
				const template = findTemplate(docsDir, name);
				const runs: number[] = [];
				for (let run = 0; run < 5; run++) {
					const began = performance.now();
					renderReport(template, state, runbook, now);
					runs.push(performance.now() - began);
				}
				if (slowest.length === 0 || median(runs) > median(slowest)) slowest = runs;
			}
			figures.push({id, value: median(slowest), samples: slowest});
		}
		return figures;
	} finally {
		rmSync(docsDir, {recursive: true, force: true});
	}
}
