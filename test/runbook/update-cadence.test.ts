import {describe, expect, it} from 'vitest';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {handoverSuggestion, nextUpdateDue} from '../../source/runbook/update-cadence.js';
import {eventFactory} from '../helpers/event-factory.js';

const runbook = builtInRunbook();
const at = (minute: number) => new Date(Date.parse('2026-11-23T03:00:00.000Z') + minute * 60_000);

describe('update cadence', () => {
	const alice = eventFactory('alice');
	const opened = alice(0, {type: 'incident.opened', title: 'Cadence', severity: 1, commander: 'alice'});

	it('counts down from the opening, then from the last communication', () => {
		const state = reduceIncident('2026-11-23-01', [opened]);
		expect(nextUpdateDue(runbook, state, at(10))).toEqual({dueAt: at(30).toISOString(), remainingMs: 20 * 60_000});
		expect(nextUpdateDue(runbook, state, at(35))?.remainingMs).toBe(-5 * 60_000);
		const updated = reduceIncident('2026-11-23-01', [opened, alice(33, {type: 'note.logged', kind: 'communication', text: 'status page updated'})]);
		expect(nextUpdateDue(runbook, updated, at(35))).toEqual({dueAt: at(63).toISOString(), remainingMs: 28 * 60_000});
	});

	it('follows the severity: 60 minutes for SEV-2, none for SEV-3 or a closed incident', () => {
		const sev2 = reduceIncident('2026-11-23-01', [opened, alice(1, {type: 'severity.changed', severity: 2})]);
		expect(nextUpdateDue(runbook, sev2, at(1))?.dueAt).toBe(at(60).toISOString());
		const sev3 = reduceIncident('2026-11-23-01', [opened, alice(1, {type: 'severity.changed', severity: 3})]);
		expect(nextUpdateDue(runbook, sev3, at(1))).toBeUndefined();
		const closed = reduceIncident('2026-11-23-01', [opened, alice(2, {type: 'incident.closed', overrideReason: 'test'})]);
		expect(nextUpdateDue(runbook, closed, at(90))).toBeUndefined();
	});

	it('uses the runbook interval when it names one, the defaults otherwise', () => {
		const custom = {...runbook, severities: [{severity: 1 as const, name: 'x', updateInterval: {text: 'every 15 minutes', ms: 15 * 60_000}}]};
		expect(nextUpdateDue(custom, reduceIncident('2026-11-23-01', [opened]), at(0))?.remainingMs).toBe(15 * 60_000);
		const none = {...runbook, severities: []};
		expect(nextUpdateDue(none, reduceIncident('2026-11-23-01', [opened]), at(0))?.remainingMs).toBe(30 * 60_000);
	});
});

describe('hand-over', () => {
	const alice = eventFactory('alice');
	const opened = alice(0, {type: 'incident.opened', title: 'Long one', severity: 1, commander: 'alice'});

	it('suggests a hand-over after the configured hours in command, counted from the last hand-over', () => {
		const state = reduceIncident('2026-11-23-01', [opened]);
		expect(handoverSuggestion(state, at(179), 3)).toBeUndefined();
		expect(handoverSuggestion(state, at(181), 3)).toMatch(/^alice has been in command 3h: consider a hand-over/);
		expect(handoverSuggestion(state, at(181), 0)).toBeUndefined();
		const handedOver = reduceIncident('2026-11-23-01', [
			opened,
			alice(170, {type: 'role.assigned', role: 'commander', handle: 'bob', summary: 'DB failover done; watching replication lag'}),
		]);
		expect(handoverSuggestion(handedOver, at(181), 3)).toBeUndefined();
		expect(handedOver.lastHandover).toEqual({from: 'alice', to: 'bob', at: at(170).toISOString(), summary: 'DB failover done; watching replication lag'});
	});
});
