import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/commands/command-errors.js';
import {createCommandContext} from '../../source/commands/command-context.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// A real journal in a temp directory; the clock is the only thing given.
function setUp(nowIso = '2026-11-23T15:10:30.000Z') {
	const docsDir = makeTempDir();
	let now = Date.parse(nowIso);
	const context = createCommandContext(docsDir, 'alice', () => now);
	const {incidentId} = openIncident(context, {title: 'USA-2 outage', severity: 1});
	const events = () => loadIncident(docsDir, incidentId).events;
	return {context, incidentId, events, setNow: (iso: string) => (now = Date.parse(iso))};
}

describe('logNote', () => {
	it('reads @WHEN and @name: from the text, keeping when it was written', () => {
		const {context, incidentId} = setUp();
		const {event} = logNote(context, {incidentId, kind: 'mitigation', text: '@15:02 @docbrown: drained USA-2'});
		expect(event).toMatchObject({
			at: '2026-11-23T15:02:00.000Z',
			loggedAt: '2026-11-23T15:10:30.000Z',
			by: 'docbrown',
			author: 'alice',
			text: 'drained USA-2',
		});
	});

	it('takes the time and doer as options (--at, --by), and a new kind: impact', () => {
		const {context, incidentId} = setUp();
		const at = new Date('2026-11-23T14:54:00.000Z');
		const {event} = logNote(context, {incidentId, kind: 'impact', text: 'checkout errors began', at, by: 'docbrown'});
		expect(event).toMatchObject({kind: 'impact', at: at.toISOString(), by: 'docbrown', text: 'checkout errors began'});
	});

	it('counts @15:12 typed at 15:10:30 as now, not as yesterday', () => {
		const {context, incidentId} = setUp();
		expect(logNote(context, {incidentId, kind: 'resolution', text: '@15:12 all clear'}).event.at).toBe('2026-11-23T15:10:30.000Z');
	});

	it('refuses a time ahead of now in one line and writes nothing', () => {
		const {context, incidentId, events} = setUp();
		const before = events().length;
		const attempt = () => logNote(context, {incidentId, kind: 'mitigation', text: '@15:40 drained USA-2'});
		expect(attempt).toThrow(UserError);
		expect(attempt).toThrow(/^not logged: 15:40 UTC is 29m 30s ahead of now \(15:10:30 UTC\); nothing was written/);
		expect(events()).toHaveLength(before);
	});

	it('refuses a time or doer given two different ways, and a doer that is not a handle', () => {
		const {context, incidentId, events} = setUp();
		const at = new Date('2026-11-23T15:00:00.000Z');
		expect(() => logNote(context, {incidentId, kind: 'note', text: '@15:01 x', at})).toThrow(/two different times/);
		expect(() => logNote(context, {incidentId, kind: 'note', text: '@bob: x', by: 'carol'})).toThrow(/two different doers/);
		expect(() => logNote(context, {incidentId, kind: 'note', text: 'x', by: 'not a handle'})).toThrow(/not logged: by: a handle/);
		expect(events()).toHaveLength(1);
	});
});

describe('openIncident', () => {
	it('takes the declared time, and the ID takes its UTC date', () => {
		const docsDir = makeTempDir();
		const context = createCommandContext(docsDir, 'alice', () => Date.parse('2026-11-24T00:20:00.000Z'));
		const declared = new Date('2026-11-23T23:50:00.000Z');
		const {incidentId, event} = openIncident(context, {title: 'Late night', severity: 2, at: declared});
		expect(incidentId).toBe('2026-11-23-01');
		expect(event).toMatchObject({at: declared.toISOString(), loggedAt: '2026-11-24T00:20:00.000Z'});
		expect(loadIncident(docsDir, incidentId).state.milestones.declared).toBe(declared.toISOString());
	});
});
