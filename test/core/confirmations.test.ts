import {describe, expect, it} from 'vitest';
import {confirmationOf, describeAmendment} from '../../source/core/describe-event.js';
import type {EventPayload} from '../../source/core/events.js';
import {eventFactory} from '../helpers/event-factory.js';

// What the live screen says once an event is on disk: a time not on today's
// UTC date carries its date, so a backdate into yesterday cannot pass unseen.

const alice = eventFactory('alice', Date.parse('2026-11-23T00:00:00.000Z'));
const TODAY = new Date('2026-11-23T00:10:00.000Z');

describe('confirmations', () => {
	it.each<[EventPayload, string]>([
		[{type: 'note.logged', kind: 'impact', text: 'x'}, 'Logged impact at'],
		[{type: 'checklist.ticked', item: 'a', label: 'a'}, 'Ticked at'],
		[{type: 'checklist.unticked', item: 'a'}, 'Unticked at'],
		[{type: 'status.changed', status: 'identified'}, 'Status: Identified at'],
		[{type: 'severity.changed', severity: 1}, 'Severity: SEV-1 at'],
		[{type: 'hypothesis.added', statement: 's', test: ''}, 'Hypothesis added at'],
		[{type: 'hypothesis.resolved', hypothesis: '01KAZ0000000000000000000AB', result: 'confirmed', evidence: ''}, 'Hypothesis confirmed at'],
		[{type: 'role.assigned', role: 'scribe', handle: 'bob'}, 'bob is now scribe at'],
	])('%o: the time alone today, with its date on another day', (payload, words) => {
		expect(confirmationOf(alice(5, payload), TODAY)).toMatch(`${words} 00:05:00 UTC`);
		expect(confirmationOf(alice(-10, payload), TODAY)).toMatch(`${words} 2026-11-22 23:50:00 UTC`);
	});

	it('says what an amendment changed, with dates where not today', () => {
		const before = {at: '2026-11-23T00:05:00.000Z', owner: 'alice', text: 'drained USA-2'};
		expect(describeAmendment(before, {at: '2026-11-22T23:55:00.000Z'}, TODAY)).toBe('Amended: time 00:05:00 → 2026-11-22 23:55:00 UTC');
		expect(describeAmendment(before, {owner: 'doc', text: 'drained USA-3'}, TODAY)).toBe('Amended: doer alice → doc, text "drained USA-2" → "drained USA-3"');
	});
});
