import {describe, expect, it} from 'vitest';
import {parseEventLine, validateEvent, type IncidentEvent, type NoteKind} from '../../source/core/events.js';
import {computeMetrics, formatDuration} from '../../source/core/metrics.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {eventFactory} from '../helpers/event-factory.js';

const ID = '2026-11-23-01';
// Minutes after 14:00 UTC.
const alice = eventFactory('alice', Date.parse('2026-11-23T14:00:00.000Z'));
const bob = eventFactory('bob', Date.parse('2026-11-23T14:00:00.000Z'));
const note = (minute: number, kind: NoteKind, text: string = kind) =>
	alice(minute, {type: 'note.logged', kind, text}, {loggedAtMinute: 120});
const opened = alice(61, {type: 'incident.opened', title: 'USA-2 outage', severity: 1, commander: 'alice'});
const figures = (events: IncidentEvent[], now = '2026-11-23T17:00:00Z') => {
	const metrics = computeMetrics(reduceIncident(ID, events), new Date(now));
	const shown = (ms: number | undefined) => (ms === undefined ? undefined : formatDuration(ms));
	return {
		ttd: shown(metrics.timeToDetectMs),
		tta: shown(metrics.timeToAcknowledgeMs),
		ttm: shown(metrics.timeToMitigateMs),
		ttr: shown(metrics.timeToResolveMs),
		duration: shown(metrics.durationMs),
	};
};

describe('milestones and metrics', () => {
	// The SEV-1 of issue 13: outage 14:54, pager 14:55, ack 14:55, declared 15:01, mitigated 15:36, resolved 16:00.
	const sev1 = [
		opened,
		note(54, 'impact', 'checkout errors began'),
		note(55, 'detection', 'pager'),
		note(55, 'acknowledged', 'on it'),
		note(96, 'mitigation', 'drained USA-2'),
		note(120, 'resolution', 'all clear'),
	];

	it('gives the figures of the real incident', () => {
		expect(reduceIncident(ID, sev1).milestones).toEqual({
			impact: '2026-11-23T14:54:00.000Z',
			detected: '2026-11-23T14:55:00.000Z',
			acknowledged: '2026-11-23T14:55:00.000Z',
			declared: '2026-11-23T15:01:00.000Z',
			mitigated: '2026-11-23T15:36:00.000Z',
			resolved: '2026-11-23T16:00:00.000Z',
		});
		expect(figures(sev1)).toEqual({ttd: '1m 00s', tta: '0s', ttm: '41m 00s', ttr: '1h 05m', duration: '1h 06m'});
		expect(reduceIncident(ID, sev1).warnings).toEqual([]);
	});

	it('takes nothing from checklist ticks, status changes or the close', () => {
		const state = reduceIncident(ID, [
			opened,
			alice(75, {type: 'checklist.ticked', item: 'detection-and-triage/acknowledge', label: 'Acknowledge'}),
			alice(80, {type: 'status.changed', status: 'monitoring'}),
			alice(100, {type: 'status.changed', status: 'resolved'}),
			alice(104, {type: 'incident.closed'}),
		]);
		expect(state.milestones).toEqual({declared: '2026-11-23T15:01:00.000Z'});
		expect(computeMetrics(state, new Date('2026-11-23T17:00:00Z'))).toMatchObject({timeToAcknowledgeMs: undefined, timeToResolveMs: undefined, durationMs: undefined});
		expect(state.warnings.join('\n')).toContain('closed without a resolution milestone');
	});

	it('counts the duration from impact, else detection, else the declaration, until now while open', () => {
		expect(figures([opened, note(54, 'impact'), note(55, 'detection')]).duration).toBe('2h 06m');
		expect(figures([opened, note(55, 'detection')]).duration).toBe('2h 05m');
		expect(figures([opened]).duration).toBe('1h 59m');
		// Without a detection, the declaration is when it was known: acknowledge and mitigate count from it.
		expect(figures([opened, note(62, 'acknowledged'), note(70, 'mitigation')])).toMatchObject({ttd: undefined, tta: '1m 00s', ttm: '9m 00s'});
	});

	it('counts from the declaration when the detection was logged after it and not backdated', () => {
		const events = [opened, note(54, 'impact'), note(65, 'detection', 'pager'), note(66, 'acknowledged')];
		expect(figures(events)).toMatchObject({ttd: '7m 00s', tta: '5m 00s'});
		expect(reduceIncident(ID, events).warnings).toEqual(['declared (2026-11-23T15:01:00.000Z) is before detected (2026-11-23T15:05:00.000Z)']);
	});

	it('lets the earliest milestone of a kind in force win', () => {
		const early = note(90, 'mitigation', 'first try');
		const state = reduceIncident(ID, [opened, note(95, 'mitigation', 'second'), early, alice(97, {type: 'event.retracted', target: early.id})]);
		expect(state.milestones.mitigated).toBe('2026-11-23T15:35:00.000Z');
		expect(reduceIncident(ID, [opened, note(95, 'mitigation'), early]).milestones.mitigated).toBe('2026-11-23T15:30:00.000Z');
	});

	it('warns about, and keeps, out-of-order milestones', () => {
		const state = reduceIncident(ID, [opened, note(58, 'impact'), note(56, 'detection')]);
		expect(state.milestones.impact).toBe('2026-11-23T14:58:00.000Z');
		expect(state.warnings).toEqual(['detected (2026-11-23T14:56:00.000Z) is before impact (2026-11-23T14:58:00.000Z)']);
		expect(computeMetrics(state, new Date('2026-11-23T17:00:00Z')).timeToDetectMs).toBe(0);
	});
});

describe('amendments', () => {
	it('change text, time, kind and doer, the latest in force winning per field, keeping the original', () => {
		const typo = note(50, 'note', 'draned USA-2');
		const fixText = alice(100, {type: 'event.amended', target: typo.id, text: 'drained USA-2'});
		const fixTime = bob(101, {type: 'event.amended', target: typo.id, happenedAt: '2026-11-23T15:36:00.000Z', kind: 'mitigation'});
		const fixDoer = alice(102, {type: 'event.amended', target: typo.id, doer: 'docbrown'});
		const laterTime = alice(103, {type: 'event.amended', target: typo.id, happenedAt: '2026-11-23T15:37:00.000Z'});
		const state = reduceIncident(ID, [opened, typo, fixText, fixTime, fixDoer, laterTime]);
		const entry = state.timeline.find(e => e.eventId === typo.id);
		expect(entry).toMatchObject({
			text: 'drained USA-2',
			at: '2026-11-23T15:37:00.000Z',
			kind: 'mitigation',
			by: 'docbrown',
			author: 'alice',
			amended: true,
			original: {text: 'draned USA-2', at: '2026-11-23T14:50:00.000Z', kind: 'note'},
		});
		expect(state.milestones.mitigated).toBe('2026-11-23T15:37:00.000Z');
		// The entry moved to its corrected place in the timeline: after the opening.
		expect(state.timeline.map(e => e.kind)).toEqual(['opened', 'mitigation']);
		// Retracting the later time brings back the earlier amendment's time.
		const undo = alice(104, {type: 'event.retracted', target: laterTime.id});
		expect(reduceIncident(ID, [opened, typo, fixText, fixTime, fixDoer, laterTime, undo]).milestones.mitigated).toBe('2026-11-23T15:36:00.000Z');
	});

	it('move the metrics with a corrected time or kind', () => {
		const resolved = note(150, 'resolution', 'all clear');
		const pager = note(60, 'note', 'pager fired');
		const events = [
			opened,
			note(54, 'impact'),
			pager,
			resolved,
			alice(151, {type: 'event.amended', target: resolved.id, happenedAt: '2026-11-23T16:00:00.000Z'}),
			alice(152, {type: 'event.amended', target: pager.id, kind: 'detection', happenedAt: '2026-11-23T14:55:00.000Z'}),
		];
		expect(figures(events)).toMatchObject({ttd: '1m 00s', ttr: '1h 05m', duration: '1h 06m'});
	});

	it('correct the declared time of the opening', () => {
		const state = reduceIncident(ID, [opened, alice(70, {type: 'event.amended', target: opened.id, happenedAt: '2026-11-23T15:00:00.000Z'})]);
		expect(state.milestones.declared).toBe('2026-11-23T15:00:00.000Z');
		expect(state.timeline[0]).toMatchObject({kind: 'opened', amended: true, original: {at: '2026-11-23T15:01:00.000Z'}});
	});

	it('ignore a kind for an event that is not a note, with a warning', () => {
		const status = alice(70, {type: 'status.changed', status: 'identified'});
		const state = reduceIncident(ID, [opened, status, alice(71, {type: 'event.amended', target: status.id, kind: 'mitigation'})]);
		expect(state.milestones.mitigated).toBeUndefined();
		expect(state.timeline[1]?.kind).toBe('status');
		expect(state.warnings.join()).toContain('only a note has one');
	});

	it('must change something, and old text-only amendments still read', () => {
		const target = opened.id;
		expect(() => validateEvent({...opened, id: '01KAZ0000000000000000000AB', type: 'event.amended', target})).toThrow(/at least one/);
		const line = `{"v":1,"id":"01KAZ0000000000000000000AC","at":"2026-11-23T15:05:00.000Z","author":"bob","type":"event.amended","target":"${target}","text":"fixed"}`;
		expect(parseEventLine(line)).toMatchObject({ok: true, event: {type: 'event.amended', text: 'fixed'}});
	});
});

describe('doers and results', () => {
	it('keeps who did it apart from who typed it', () => {
		const drained = alice(96, {type: 'note.logged', kind: 'mitigation', text: 'drained USA-2'}, {by: 'docbrown'});
		expect(drained.by).toBe('docbrown');
		const state = reduceIncident(ID, [opened, drained]);
		expect(state.timeline[1]).toMatchObject({author: 'alice', by: 'docbrown'});
		// Naming yourself as the doer stores nothing extra.
		expect(alice(97, {type: 'note.logged', kind: 'note', text: 'x'}, {by: 'alice'}).by).toBeUndefined();
	});

	it('keeps the latest result of a hypothesis and says it changed', () => {
		const hypothesis = alice(70, {type: 'hypothesis.added', statement: 'DB locks', test: ''});
		const first = bob(75, {type: 'hypothesis.resolved', hypothesis: hypothesis.id, result: 'confirmed', evidence: 'waits'});
		const second = bob(80, {type: 'hypothesis.resolved', hypothesis: hypothesis.id, result: 'ruled-out', evidence: 'waits were the backup'});
		const state = reduceIncident(ID, [opened, hypothesis, first, second]);
		expect(state.hypotheses[0]?.result).toMatchObject({
			outcome: 'ruled-out',
			evidence: 'waits were the backup',
			previous: {outcome: 'confirmed', evidence: 'waits', eventId: first.id},
		});
		expect(state.timeline.at(-1)?.text).toBe('ruled out (changed from confirmed): DB locks (waits were the backup)');
		expect(reduceIncident(ID, [opened, hypothesis, first]).hypotheses[0]?.result?.previous).toBeUndefined();
	});
});
