import {mkdirSync, writeFileSync} from 'node:fs';
import {monotonicFactory} from 'ulid';
import {buildEvent} from '../source/core/build-event.js';
import type {EventPayload} from '../source/core/events.js';
import {formatIncidentId} from '../source/core/incident-id.js';
import {eventsDirOf} from '../source/journal/journal-paths.js';

// A repository's worth of closed incidents, written as journals directly (the
// same JSON lines `log` writes, without an fsync per event), for measuring
// the commands that read across incidents.

const MINUTE = 60_000;

/**
 * `count` incidents, two a day backwards from `newest`, each with about 30
 * events: the six milestones, notes, three actions (one done), an invariant
 * (or the override on every tenth) and the close. Deterministic.
 */
export function writeManyIncidents(docsDir: string, count: number, newest = Date.parse('2026-11-20T10:00:00.000Z')): string[] {
	const ulid = monotonicFactory();
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const start = newest - Math.floor(index / 2) * 86_400_000 - (index % 2) * 5 * 3_600_000;
		const id = formatIncidentId(new Date(start).toISOString().slice(0, 10), 1 + (index % 2));
		const lines: string[] = [];
		const add = (minute: number, payload: EventPayload) => {
			const at = new Date(start + minute * MINUTE);
			lines.push(JSON.stringify(buildEvent(payload, {id: ulid(at.getTime()), at, author: 'alice'})));
		};
		const spread = index % 7;
		add(0, {type: 'note.logged', kind: 'impact', text: 'checkout errors began'});
		add(2 + spread, {type: 'note.logged', kind: 'detection', text: 'pager fired'});
		add(3 + spread, {type: 'incident.opened', title: `Incident number ${index}`, severity: (1 + (index % 3)) as 1 | 2 | 3, commander: 'alice'});
		add(4 + spread, {type: 'note.logged', kind: 'acknowledged', text: 'on it'});
		for (let note = 0; note < 18; note++) add(5 + spread + note, {type: 'note.logged', kind: 'note', text: `looked at dashboard ${note}`});
		add(30 + spread * 3, {type: 'note.logged', kind: 'mitigation', text: 'rolled back'});
		add(60 + spread * 5, {type: 'note.logged', kind: 'resolution', text: 'back to normal'});
		add(61 + spread * 5, {type: 'action.added', description: 'Alert on the error rate', owner: 'alice', priority: 'P1', due: '2026-12-31', status: 'open', kind: 'detect'});
		add(62 + spread * 5, {type: 'action.added', description: 'Add a regression test', owner: 'bob', priority: 'P2', status: 'done', kind: 'prevent'});
		add(63 + spread * 5, {type: 'action.added', description: 'Write the runbook page', owner: 'carol', priority: 'P3', status: 'open', kind: 'process'});
		if (index % 10 === 9) {
			add(64 + spread * 5, {type: 'incident.closed', overrideReason: 'a test needs the vendor sandbox'});
		} else {
			add(64 + spread * 5, {type: 'invariant.recorded', kind: 'test', reference: 'test/checkout.test.ts', description: ''});
			add(65 + spread * 5, {type: 'incident.closed'});
		}
		mkdirSync(eventsDirOf(docsDir, id), {recursive: true});
		writeFileSync(`${eventsDirOf(docsDir, id)}/alice@bench.jsonl`, `${lines.join('\n')}\n`);
		ids.push(id);
	}
	return ids;
}
