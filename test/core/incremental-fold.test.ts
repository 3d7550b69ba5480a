import {describe, expect, it} from 'vitest';
import type {AnyEvent, EventPayload, IncidentEvent} from '../../source/core/events.js';
import {extendFold, finishFold, foldIncident, reduceIncident} from '../../source/core/reducer.js';
import {eventFactory} from '../helpers/event-factory.js';

// A checkpoint keeps a fold as JSON and continues it with the lines appended
// after it. Whatever the journal holds and wherever it is cut, that must give
// exactly the state folding every event gives, or refuse (and the caller folds
// from the start).

const ID = '2026-11-23-01';

/** A small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

function randomJournal(seed: number): AnyEvent[] {
	const next = random(seed);
	const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const writers = ['alice', 'bob', 'carol'].map(name => eventFactory(name));
	const events: AnyEvent[] = [writers[0]!(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 1, commander: 'alice'})];
	let minute = 1;
	const count = 5 + Math.floor(next() * 40);
	for (let index = 0; index < count; index++) {
		const write = pick(writers);
		const earlier = pick(events);
		// Mostly forward in time; sometimes backdated, so an event lands among the older ones.
		const backdated = next() < 0.1;
		const at = backdated ? Math.max(0, minute - Math.floor(next() * 30)) : minute;
		minute++;
		const known = events.filter((event): event is IncidentEvent => !('unknownType' in event));
		const hypotheses = known.filter(event => event.type === 'hypothesis.added');
		const payloads: EventPayload[] = [
			{type: 'note.logged', kind: pick(['note', 'mitigation', 'detection', 'communication', 'resolution', 'impact'] as const), text: `note ${index}`},
			{type: 'status.changed', status: pick(['investigating', 'identified', 'monitoring', 'resolved'] as const)},
			{type: 'severity.changed', severity: pick([1, 2, 3] as const)},
			{type: 'role.assigned', role: 'commander', handle: pick(['alice', 'bob', 'dave'])},
			{type: 'checklist.ticked', item: pick(['ack', 'assess']), label: 'x'},
			{type: 'checklist.unticked', item: pick(['ack', 'assess'])},
			{type: 'hypothesis.added', statement: `h${index}`, test: 't'},
			...(hypotheses.length > 0 ? [{type: 'hypothesis.resolved', hypothesis: pick(hypotheses).id, result: 'confirmed', evidence: 'e'} as const] : []),
			{type: 'event.retracted', target: earlier.id},
			{type: 'event.amended', target: earlier.id, text: `amended ${index}`, happenedAt: new Date(Date.parse('2026-11-23T03:00:00.000Z') + at * 60_000).toISOString()},
			{type: 'incident.opened', title: 'Again', severity: 3, commander: 'bob'},
			{type: 'closure.recorded', field: 'rootCause', value: `cause ${index}`},
			{type: 'incident.closed'},
		];
		// Notes and status changes most of all, as in a real incident.
		const payload = next() < 0.5 ? payloads[0]! : pick(payloads);
		events.push(write(at, payload, {loggedAtMinute: minute}));
		if (next() < 0.05) events.push(earlier); // the same line in two journals
		if (next() < 0.05) events.push({unknownType: true, id: events.at(-1)!.id.replace(/.$/, 'Z'), at: events.at(-1)!.at, author: 'bob', type: 'future.thing', raw: {}});
	}
	return events;
}

/** What a checkpoint stores and reads back. */
const throughJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('folding from a checkpoint', () => {
	it('gives the state a full fold gives, for random journals cut at random points, or refuses', () => {
		let continued = 0;
		for (let seed = 1; seed <= 400; seed++) {
			const events = randomJournal(seed);
			// As the journal files hold them: in the order written, one copy of each id.
			const seen = new Set<string>();
			const unique = events.filter(event => !seen.has(event.id) && seen.add(event.id));
			const cut = 1 + Math.floor(random(seed * 7)() * unique.length);
			const checkpoint = throughJson(foldIncident(ID, unique.slice(0, cut)));
			const extended = extendFold(checkpoint, unique.slice(cut));
			if (!extended) continue;
			continued++;
			expect(throughJson(finishFold(extended)), `seed ${seed}, cut ${cut}`).toEqual(throughJson(reduceIncident(ID, unique)));
		}
		// Most cuts continue: otherwise the test would prove nothing.
		expect(continued).toBeGreaterThan(100);
	});

	it('continues with appended notes however the fold was cut, and refuses what must go among older events', () => {
		const alice = eventFactory('alice');
		const opened = alice(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 1, commander: 'alice'});
		const note = alice(5, {type: 'note.logged', kind: 'mitigation', text: 'rolled back'});
		const fold = foldIncident(ID, [opened, note]);
		const later = alice(6, {type: 'note.logged', kind: 'note', text: 'later'});
		expect(finishFold(extendFold(fold, [later])!)).toEqual(reduceIncident(ID, [opened, note, later]));
		expect(extendFold(fold, [alice(1, {type: 'note.logged', kind: 'note', text: 'backdated'}, {loggedAtMinute: 7})])).toBeUndefined();
		expect(extendFold(fold, [alice(7, {type: 'event.retracted', target: note.id})])).toBeUndefined();
		expect(extendFold(fold, [note])).toBeUndefined();
		// A correction that arrived before its target: the target cannot simply be added.
		const bob = eventFactory('bob');
		const early = bob(8, {type: 'note.logged', kind: 'note', text: 'typo'});
		const fix = alice(9, {type: 'event.amended', target: early.id, text: 'fixed'});
		expect(extendFold(foldIncident(ID, [opened, fix]), [early])).toBeUndefined();
	});

	it('leaves the fold it continues, and the states it gave, as they were', () => {
		const alice = eventFactory('alice');
		const opened = alice(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 1, commander: 'alice'});
		const fold = foldIncident(ID, [opened]);
		const before = finishFold(fold);
		const copy = throughJson(before);
		extendFold(fold, [alice(1, {type: 'status.changed', status: 'identified'}), alice(2, {type: 'checklist.ticked', item: 'ack', label: 'x'})]);
		expect(throughJson(before)).toEqual(copy);
		expect(throughJson(finishFold(fold))).toEqual(copy);
	});
});
