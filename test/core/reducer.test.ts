import {describe, expect, it} from 'vitest';
import {parseEventLine, type AnyEvent} from '../../source/core/events.js';
import {computeMetrics} from '../../source/core/metrics.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {eventFactory} from '../helpers/event-factory.js';

const ID = '2026-11-23-01';
const alice = eventFactory('alice');
const bob = eventFactory('bob');
const opened = alice(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 1, commander: 'alice'});

describe('reduceIncident', () => {
	it('opens with metadata from incident.opened', () => {
		const state = reduceIncident(ID, [opened]);
		expect(state).toMatchObject({id: ID, opened: true, title: 'Checkout 5xx', severity: 1, status: 'investigating'});
		expect(state.roles.commander).toBe('alice');
		expect(state.timeline[0]?.kind).toBe('opened');
	});

	it('shows a placeholder until the opening event arrives', () => {
		const state = reduceIncident(ID, [bob(1, {type: 'note.logged', kind: 'note', text: 'here'})]);
		expect(state.opened).toBe(false);
		expect(state.timeline).toHaveLength(1);
	});

	it('ignores a second opened event with a warning', () => {
		const second = bob(1, {type: 'incident.opened', title: 'Other', severity: 3, commander: 'bob'});
		const state = reduceIncident(ID, [opened, second]);
		expect(state.title).toBe('Checkout 5xx');
		expect(state.warnings.join()).toContain('second "opened"');
	});

	it('keeps the opening logged first when a later one claims an earlier time, and warns once', () => {
		// Logged at minute 5 but backdated to half an hour before the real opening.
		const backdated = bob(-30, {type: 'incident.opened', title: 'Forged title', severity: 3, commander: 'bob'}, {loggedAtMinute: 5});
		for (const events of [[opened, backdated], [backdated, opened]]) {
			const state = reduceIncident(ID, events);
			expect(state).toMatchObject({title: 'Checkout 5xx', severity: 1, openedAt: opened.at, openedBy: 'alice'});
			expect(state.roles.commander).toBe('alice');
			expect(state.warnings.filter(warning => warning.includes('second "opened"'))).toEqual([
				`a second "opened" event by bob at ${backdated.at} was ignored; alice opened this incident at ${opened.at}`,
			]);
		}
	});

	it('applies severity, status and role changes', () => {
		const state = reduceIncident(ID, [
			opened,
			alice(1, {type: 'severity.changed', severity: 2}),
			alice(2, {type: 'status.changed', status: 'identified'}),
			alice(3, {type: 'role.assigned', role: 'scribe', handle: 'bob'}),
			alice(4, {type: 'role.assigned', role: 'commander', handle: 'carol'}),
		]);
		expect(state.severity).toBe(2);
		expect(state.status).toBe('identified');
		expect(state.roles).toEqual({commander: 'carol', scribe: 'bob'});
	});

	it('ticks and unticks checklist items; ticking "acknowledge" is not the acknowledgement milestone', () => {
		const state = reduceIncident(ID, [
			opened,
			alice(2, {type: 'checklist.ticked', item: 'acknowledge', label: 'Acknowledge'}),
			alice(3, {type: 'checklist.ticked', item: 'assess', label: 'Assess scope'}),
			alice(4, {type: 'checklist.unticked', item: 'assess'}),
		]);
		expect(Object.keys(state.checklist)).toEqual(['acknowledge']);
		expect(state.checklist['acknowledge']?.at).toBe('2026-11-23T03:02:00.000Z');
		expect(state.milestones.acknowledged).toBeUndefined();
	});

	it('logs notes of every kind and takes milestones from the first of each', () => {
		const state = reduceIncident(ID, [
			opened,
			alice(-5, {type: 'note.logged', kind: 'detection', text: 'pager'}, {loggedAtMinute: 1}),
			alice(2, {type: 'note.logged', kind: 'acknowledged', text: 'on it'}),
			alice(6, {type: 'note.logged', kind: 'mitigation', text: 'rolled back'}),
			alice(7, {type: 'note.logged', kind: 'mitigation', text: 'again'}),
			alice(9, {type: 'note.logged', kind: 'escalation', text: 'paged db team'}),
			alice(20, {type: 'note.logged', kind: 'resolution', text: 'fixed'}),
		]);
		expect(state.milestones).toEqual({
			declared: '2026-11-23T03:00:00.000Z',
			detected: '2026-11-23T02:55:00.000Z',
			acknowledged: '2026-11-23T03:02:00.000Z',
			mitigated: '2026-11-23T03:06:00.000Z',
			resolved: '2026-11-23T03:20:00.000Z',
		});
		const detection = state.timeline.find(entry => entry.kind === 'detection');
		expect(detection?.loggedAt).toBe('2026-11-23T03:01:00.000Z');
		expect(computeMetrics(state, new Date('2026-11-23T05:00:00Z'))).toEqual({
			startedAt: '2026-11-23T02:55:00.000Z',
			detectedAt: '2026-11-23T02:55:00.000Z',
			timeToAcknowledgeMs: 7 * 60_000,
			timeToMitigateMs: 11 * 60_000,
			timeToResolveMs: 25 * 60_000,
			durationMs: 25 * 60_000,
		});
	});

	it('warns, but keeps, an out-of-order milestone', () => {
		const state = reduceIncident(ID, [
			opened,
			alice(5, {type: 'note.logged', kind: 'detection', text: 'late detection'}),
			alice(2, {type: 'note.logged', kind: 'mitigation', text: 'early fix'}),
		]);
		expect(state.milestones.mitigated).toBe('2026-11-23T03:02:00.000Z');
		expect(state.warnings).toContain('mitigated (2026-11-23T03:02:00.000Z) is before detected (2026-11-23T03:05:00.000Z)');
	});

	it('adds hypotheses and records their results', () => {
		const hypothesis = alice(3, {type: 'hypothesis.added', statement: 'DB locks', test: 'pg_stat_activity'});
		const state = reduceIncident(ID, [
			opened,
			hypothesis,
			bob(5, {type: 'hypothesis.resolved', hypothesis: hypothesis.id, result: 'ruled-out', evidence: 'no waits'}),
		]);
		expect(state.hypotheses).toEqual([
			expect.objectContaining({
				id: hypothesis.id,
				statement: 'DB locks',
				test: 'pg_stat_activity',
				result: expect.objectContaining({outcome: 'ruled-out', evidence: 'no waits', by: 'bob'}),
			}),
		]);
	});

	it('retracts an event, and a retracted retraction brings it back', () => {
		const note = alice(1, {type: 'note.logged', kind: 'note', text: 'wrong'});
		const undo = alice(2, {type: 'event.retracted', target: note.id});
		expect(reduceIncident(ID, [opened, note, undo]).timeline.map(e => e.text)).not.toContain('wrong');
		const redo = alice(3, {type: 'event.retracted', target: undo.id});
		expect(reduceIncident(ID, [opened, note, undo, redo]).timeline.map(e => e.text)).toContain('wrong');
	});

	it('applies a retraction that sorts before its target (clock skew between machines)', () => {
		const note = alice(5, {type: 'note.logged', kind: 'mitigation', text: 'rolled back'});
		const undo = bob(4, {type: 'event.retracted', target: note.id});
		const state = reduceIncident(ID, [opened, note, undo]);
		expect(state.milestones.mitigated).toBeUndefined();
	});

	it('amends the text of a note and of a hypothesis, latest amendment winning', () => {
		const note = alice(1, {type: 'note.logged', kind: 'note', text: 'typo'});
		const hypothesis = alice(2, {type: 'hypothesis.added', statement: 'cache', test: ''});
		const state = reduceIncident(ID, [
			opened,
			note,
			hypothesis,
			alice(3, {type: 'event.amended', target: note.id, text: 'first fix'}),
			alice(4, {type: 'event.amended', target: note.id, text: 'second fix'}),
			alice(5, {type: 'event.amended', target: hypothesis.id, text: 'CDN cache'}),
		]);
		expect(state.timeline.find(e => e.eventId === note.id)).toMatchObject({text: 'second fix', amended: true});
		expect(state.hypotheses[0]?.statement).toBe('CDN cache');
	});

	it('records closure fields, corrective actions, invariants, closing and publishing', () => {
		const action = alice(30, {type: 'action.added', description: 'Add canary', owner: 'bob', priority: 'P1', status: 'open'});
		const state = reduceIncident(ID, [
			opened,
			alice(30, {type: 'closure.recorded', field: 'rootCause', value: 'bad migration'}),
			alice(31, {type: 'closure.recorded', field: 'rootCause', value: 'unindexed migration'}),
			action,
			alice(32, {type: 'action.updated', action: action.id, status: 'done', due: '2026-12-01'}),
			alice(33, {type: 'invariant.recorded', kind: 'monitor', reference: 'alerts/checkout.yaml', description: '5xx rate'}),
			alice(34, {type: 'incident.closed'}),
			alice(35, {type: 'report.published', path: 'docs/incidents/x.md', template: 'postmortem', commit: 'abc1234'}),
		]);
		expect(state.closure.rootCause).toBe('unindexed migration');
		expect(state.actions[0]).toMatchObject({description: 'Add canary', status: 'done', due: '2026-12-01', priority: 'P1'});
		expect(state.invariants[0]).toMatchObject({kind: 'monitor', reference: 'alerts/checkout.yaml'});
		expect(state.closed).toMatchObject({by: 'alice'});
		expect(state.status).toBe('resolved');
		expect(state.publications[0]).toMatchObject({commit: 'abc1234', template: 'postmortem'});
	});

	it('keeps the override reason of a close without an invariant', () => {
		const state = reduceIncident(ID, [opened, alice(9, {type: 'incident.closed', overrideReason: 'monitor lands Monday'})]);
		expect(state.closed?.overrideReason).toBe('monitor lands Monday');
		expect(state.timeline.at(-1)?.text).toContain('monitor lands Monday');
	});

	it('keeps an unknown event type and a newer version as raw timeline entries', () => {
		const lines = [
			'{"v":1,"id":"01KAZ0000000000000000000AA","at":"2026-11-23T03:01:00.000Z","author":"zoe","type":"pager.synced","x":1}',
			'{"v":2,"id":"01KAZ0000000000000000000AB","at":"2026-11-23T03:02:00.000Z","author":"zoe","type":"note.logged","kind":"new"}',
		];
		const unknown = lines.map(line => {
			const parsed = parseEventLine(line);
			if (!parsed.ok) throw new Error(parsed.reason);
			return parsed.event;
		});
		const state = reduceIncident(ID, [opened, ...unknown] as AnyEvent[]);
		expect(state.timeline.filter(e => e.kind === 'unknown')).toHaveLength(2);
		expect(state.timeline[1]?.text).toContain('pager.synced');
		expect(state.eventCount).toBe(3);
	});

	it('merges two authors into one timeline ordered by (at, id), whatever the input order', () => {
		const events = [
			opened,
			bob(1, {type: 'note.logged', kind: 'note', text: 'bob 1'}),
			alice(1, {type: 'note.logged', kind: 'note', text: 'alice 1'}),
			bob(2, {type: 'note.logged', kind: 'action', text: 'bob 2'}),
		];
		const forward = reduceIncident(ID, events);
		const backward = reduceIncident(ID, [...events].reverse());
		expect(backward.timeline).toEqual(forward.timeline);
		expect(forward.authors).toEqual(['alice', 'bob']);
		const sameMinute = forward.timeline.filter(e => e.at === '2026-11-23T03:01:00.000Z');
		expect(sameMinute.map(e => e.eventId)).toEqual([...sameMinute.map(e => e.eventId)].sort());
	});
});
