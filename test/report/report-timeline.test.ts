import {describe, expect, it} from 'vitest';
import type {AnyEvent} from '../../source/core/events.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {allTimelineEvents, checklistProgress, communications, longNotes, reportTimeline} from '../../source/report/report-timeline.js';
import {eventFactory} from '../helpers/event-factory.js';

const ID = '2026-11-23-01';
const runbook = builtInRunbook();
const alice = eventFactory('alice');
const bob = eventFactory('bob');
const opened = alice(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 2, commander: 'alice'});
const FLAGS = 'detection-and-triage/contain/turn-off-feature-flags';
const ISOLATE = 'detection-and-triage/contain/isolate-the-affected-cell-or';
const state = (...events: AnyEvent[]) => reduceIncident(ID, [opened, ...events]);
const rows = (...events: AnyEvent[]) => reportTimeline(state(...events)).rows;

describe('the report timeline', () => {
	it('leaves checklist ticks out and keeps the events that shaped the response, each with its doer', () => {
		const timeline = rows(
			alice(1, {type: 'checklist.ticked', item: FLAGS, label: 'Turn off feature flags / kill switches'}),
			bob(2, {type: 'note.logged', kind: 'escalation', text: 'Paged the DB on-call'}, {by: 'carol'}),
			alice(3, {type: 'severity.changed', severity: 1}),
			alice(4, {type: 'status.changed', status: 'identified'}),
			alice(5, {type: 'role.assigned', role: 'scribe', handle: 'bob'}),
			bob(6, {type: 'note.logged', kind: 'note', text: 'error rate is flat'}),
		);
		expect(timeline.map(row => [row.time, row.kind, row.text, row.owner])).toEqual([
			['03:00', 'Declared', 'Checkout 5xx (SEV-2), commander alice', 'alice'],
			['03:02', 'Escalation', 'Paged the DB on-call', 'carol'],
			['03:03', 'Severity', 'SEV-1', 'alice'],
			['03:04', 'Status', 'Identified', 'alice'],
			['03:05', 'Role', 'bob is now scribe', 'alice'],
			['03:06', 'Note', 'error rate is flat', 'bob'],
		]);
	});

	it('drops retracted events and shows amended ones with their final text, marked', () => {
		const typo = alice(1, {type: 'note.logged', kind: 'note', text: 'restarting pods (wrong cluster)'});
		const rollback = alice(2, {type: 'note.logged', kind: 'mitigation', text: 'Rolled back'});
		const timeline = rows(typo, alice(3, {type: 'event.retracted', target: typo.id}), rollback, alice(4, {type: 'event.amended', target: rollback.id, text: 'Rolled back payments to v142'}));
		expect(timeline.map(row => [row.kind, row.text, row.amended, row.milestone])).toEqual([
			['Declared', 'Checkout 5xx (SEV-2), commander alice', false, true],
			['Mitigation', 'Rolled back payments to v142', true, true],
		]);
	});

	it('shows a stakeholder update by its first line; the full text is in communications', () => {
		const update = 'Checkout is back.\nImpact: 30% of attempts failed.\nNext update 04:00 UTC.';
		const events = [bob(5, {type: 'note.logged', kind: 'communication', text: update}), bob(6, {type: 'note.logged', kind: 'communication', text: 'one line'})];
		expect(rows(...events).slice(1).map(row => [row.text, row.fullTextBelow])).toEqual([
			['Checkout is back.', true],
			['one line', false],
		]);
		expect(communications(state(...events))).toEqual([
			{time: '03:05', dateTime: '2026-11-23 03:05', owner: 'bob', text: update, amended: false},
			{time: '03:06', dateTime: '2026-11-23 03:06', owner: 'bob', text: 'one line', amended: false},
		]);
	});

	it('marks only what was written down more than 10 minutes late, with a numbered footnote', () => {
		const {rows: timeline, footnotes} = reportTimeline(
			state(
				alice(1, {type: 'note.logged', kind: 'detection', text: 'pager'}, {loggedAtMinute: 4}),
				bob(2, {type: 'note.logged', kind: 'action', text: 'drained USA-2'}, {loggedAtMinute: 12, by: 'carol'}),
				alice(3, {type: 'note.logged', kind: 'action', text: 'restarted'}, {loggedAtMinute: 13}),
				alice(4, {type: 'note.logged', kind: 'action', text: 'scaled up'}, {loggedAtMinute: 30}),
			),
		);
		expect(timeline.map(row => [row.text, row.lateMark])).toEqual([
			['Checkout 5xx (SEV-2), commander alice', undefined],
			['pager', undefined],
			['drained USA-2', undefined],
			['restarted', undefined],
			['scaled up', 1],
		]);
		expect(footnotes).toEqual([{mark: 1, loggedAt: '2026-11-23 03:30', delay: '26m 00s', loggedBy: 'alice'}]);
	});

	it('dates the first time of each UTC day once the incident crosses midnight, and no other', () => {
		const timeline = rows(
			alice(30, {type: 'note.logged', kind: 'action', text: 'scaled out'}),
			alice(24 * 60 + 5, {type: 'note.logged', kind: 'mitigation', text: 'rolled back'}),
			alice(24 * 60 + 9, {type: 'note.logged', kind: 'resolution', text: 'back to normal'}),
		);
		expect(timeline.map(row => row.time)).toEqual(['2026-11-23 03:00', '03:30', '2026-11-24 03:05', '03:09']);
		expect(rows().map(row => row.time)).toEqual(['03:00']);
	});

	it('marks no status, severity, role or close as late: closing stamps them at the resolution', () => {
		const {rows: timeline, footnotes} = reportTimeline(
			state(
				alice(20, {type: 'note.logged', kind: 'resolution', text: 'back to normal'}, {loggedAtMinute: 22}),
				alice(20, {type: 'status.changed', status: 'resolved'}, {loggedAtMinute: 600}),
				alice(20, {type: 'severity.changed', severity: 3}, {loggedAtMinute: 600}),
				alice(20, {type: 'incident.closed'}, {loggedAtMinute: 600}),
			),
		);
		expect(timeline.filter(row => row.lateMark !== undefined)).toEqual([]);
		expect(footnotes).toEqual([]);
	});

	it('shows a note of several lines (a pasted stack trace) by its first line; the full text is in longNotes', () => {
		const trace = 'PoolTimeoutError: 5/5 in use\n    at Pool.acquire (pool.js:212:17)\n    at main (app.js:1:1)';
		const events = [bob(5, {type: 'note.logged', kind: 'note', text: trace}, {by: 'dave'}), bob(6, {type: 'note.logged', kind: 'communication', text: 'Checkout is back.\nNext update 04:00.'})];
		expect(rows(...events).slice(1).map(row => [row.text, row.fullTextIn])).toEqual([
			['PoolTimeoutError: 5/5 in use', 'Notes in full'],
			['Checkout is back.', 'Communications'],
		]);
		expect(longNotes(state(...events))).toEqual([{time: '03:05', dateTime: '2026-11-23 03:05', owner: 'dave', text: trace, amended: false}]);
	});

	it('cuts a text at its first line break of any kind (\\r\\n, \\r, \\n), after trimming it', () => {
		const texts = ['  padded, one line  ', 'Windows\r\nline two', 'old Mac\rline two', '\n\nblank lines first\nthen more\n', 'ends in a break\n'];
		const events = texts.map((text, index) => bob(index + 1, {type: 'note.logged', kind: 'note', text}));
		expect(rows(...events).slice(1).map(row => [row.text, row.fullTextBelow])).toEqual([
			['padded, one line', false],
			['Windows', true],
			['old Mac', true],
			['blank lines first', true],
			['ends in a break', false],
		]);
	});

	it('says a hypothesis result in its kind, not twice', () => {
		const hypothesis = alice(1, {type: 'hypothesis.added', statement: 'DB locks', test: 'pg_stat_activity'});
		const timeline = rows(hypothesis, bob(2, {type: 'hypothesis.resolved', hypothesis: hypothesis.id, result: 'ruled-out', evidence: 'no waiting queries'}));
		expect(timeline.slice(1).map(row => `${row.kind}: ${row.text}`)).toEqual(['Hypothesis: DB locks (test: pg_stat_activity)', 'Hypothesis ruled out: DB locks (no waiting queries)']);
	});
});

describe('checklist progress', () => {
	it('lists each ticked item once, by its runbook label, with its last tick; an item left unticked is not there', () => {
		const progress = checklistProgress(
			state(
				bob(1, {type: 'checklist.ticked', item: FLAGS, label: 'Turn off feature flags / kill switches'}),
				bob(2, {type: 'checklist.unticked', item: FLAGS}),
				alice(3, {type: 'checklist.ticked', item: ISOLATE, label: 'Isolate the affected cell or shard'}),
				alice(4, {type: 'checklist.unticked', item: ISOLATE}),
				alice(5, {type: 'checklist.ticked', item: FLAGS, label: 'Flags off (the label of an older runbook)'}, {by: 'carol'}),
				alice(6, {type: 'checklist.ticked', item: 'gone-from-the-runbook', label: 'An item since removed'}),
			),
			runbook,
		);
		expect(progress).toEqual([
			{time: '03:05', dateTime: '2026-11-23 03:05', phase: 'Detection & Triage', label: 'Turn off feature flags / kill switches', by: 'carol'},
			{time: '03:06', dateTime: '2026-11-23 03:06', phase: undefined, label: 'An item since removed', by: 'alice'},
		]);
	});

	it('names an untick by the item, never by its key, in the list of every event', () => {
		const all = allTimelineEvents(state(bob(1, {type: 'checklist.ticked', item: FLAGS, label: 'Turn off feature flags / kill switches'}), bob(2, {type: 'checklist.unticked', item: FLAGS})));
		expect(all.map(row => `${row.kind}: ${row.text}`)).toEqual([
			'Declared: Incident opened: Checkout 5xx (SEV-2), commander alice',
			'Checklist: Checked: Turn off feature flags / kill switches',
			'Checklist: Unchecked: Turn off feature flags / kill switches',
		]);
		expect(JSON.stringify(all)).not.toContain(FLAGS);
	});
});
