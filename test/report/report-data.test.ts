import {describe, expect, it} from 'vitest';
import type {AnyEvent} from '../../source/core/events.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {buildReportData} from '../../source/report/report-data.js';
import {SCRIPTED_ID, SCRIPTED_NOW, scriptedIncident} from '../fixtures/scripted-incident.js';
import {eventFactory} from '../helpers/event-factory.js';

// What the report's data says about the incident as a whole, read off the
// scripted SEV-1 that crosses midnight and off small incidents.

const data = (events: AnyEvent[] = scriptedIncident()) => buildReportData(reduceIncident(SCRIPTED_ID, events), builtInRunbook(), SCRIPTED_NOW);

describe('the report data', () => {
	it('spans the UTC days from the impact to the resolution, and starts at the impact', () => {
		const {incident} = data();
		expect(incident.days).toBe('2026-11-23 to 2026-11-24');
		expect(incident.startedAt).toBe('2026-11-23 23:41');
		const alice = eventFactory('alice');
		expect(data([alice(0, {type: 'incident.opened', title: 'x', severity: 3, commander: 'alice'})]).incident.days).toBe('2026-11-23');
	});

	it('signs the close off on the day it was written down, not at the resolution it is stamped with', () => {
		expect(data().closed).toMatchObject({at: '2026-11-24 01:10', signedOn: '2026-11-24'});
		const alice = eventFactory('alice', Date.parse('2026-11-23T23:00:00.000Z'));
		const closedLater = [
			alice(0, {type: 'incident.opened', title: 'x', severity: 3, commander: 'alice'}),
			alice(50, {type: 'note.logged', kind: 'resolution', text: 'ok'}),
			alice(50, {type: 'incident.closed'}, {loggedAtMinute: 60 * 24 + 90}),
		];
		expect(data(closedLater).closed).toMatchObject({at: '2026-11-23 23:50', signedOn: '2026-11-25'});
	});

	it('names as responders everyone who wrote an event and everyone who did one once it began', () => {
		// release-bot deployed before the impact: not a responder. carol was named as a doer only.
		expect(data().incident.responders).toEqual(['alice', 'bob', 'dave', 'carol']);
	});

	it('counts a step done when one of its sub-steps is, with that tick', () => {
		const contain = data().immediateActions.find(item => item.label === 'Contain: stop the harm');
		expect(contain).toMatchObject({done: true, tickedAt: '2026-11-24 00:31', by: 'dave'});
		const isolate = data().immediateActions.find(item => item.label === 'Isolate the affected cell or shard');
		expect(isolate).toMatchObject({done: false});
	});

	it('knows whether the incident was published', () => {
		expect(data().published).toBe(true);
		expect(data(scriptedIncident().filter(event => event.type !== 'report.published')).published).toBe(false);
	});
});
