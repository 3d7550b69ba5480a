import {describe, expect, it} from 'vitest';
import type {IncidentEvent} from '../../source/core/events.js';
import {
	filterFollowUps,
	followUpsOf,
	isUrgentOverdue,
	parseActionAddress,
	parseTrailerLog,
	trailerMarks,
} from '../../source/core/follow-ups.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {actionAdded, eventFactory} from '../helpers/event-factory.js';

const ID = '2026-11-23-01';
const alice = eventFactory('alice');
const bob = eventFactory('bob');
const opened = alice(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 1, commander: 'alice'});
const NOW = new Date('2026-12-10T12:00:00.000Z');

describe('action numbers', () => {
	it('reads ID#N and refuses anything else', () => {
		expect(parseActionAddress('2026-11-23-01#2')).toEqual({incidentId: ID, number: 2});
		for (const bad of ['2026-11-23-01', '2026-11-23-01#0', '2026-11-23-01#x', '2026-13-40-01#1', '#2']) expect(parseActionAddress(bad)).toBeUndefined();
	});

	it('numbers actions by when they were added, whoever added them, wherever their lines are', () => {
		const events: IncidentEvent[] = [opened, bob(20, actionAdded('P2', 'second')), alice(10, actionAdded('P1', 'first')), alice(30, actionAdded('P3', 'third'))];
		const rows = followUpsOf([reduceIncident(ID, events.reverse())], NOW);
		expect(rows.map(row => [row.action, row.description])).toEqual([
			[`${ID}#1`, 'first'],
			[`${ID}#2`, 'second'],
			[`${ID}#3`, 'third'],
		]);
	});

	it('keeps the number through updates, and folds done with its ref', () => {
		const first = alice(10, actionAdded('P1', 'first'));
		const state = reduceIncident(ID, [opened, first, alice(11, actionAdded('P2', 'second')), bob(40, {type: 'action.updated', action: first.id, status: 'done', ref: 'https://x/pull/1'})]);
		expect(state.actions[0]).toMatchObject({status: 'done', ref: 'https://x/pull/1', refs: ['https://x/pull/1']});
		expect(followUpsOf([state], NOW)[0]).toMatchObject({action: `${ID}#1`, status: 'done', ref: 'https://x/pull/1'});
	});
});

describe('filters and the overdue rule', () => {
	const state = reduceIncident(ID, [
		opened,
		alice(1, actionAdded('P1', 'late P1', {due: '2026-12-09'})),
		alice(2, actionAdded('P2', 'late P2', {due: '2026-12-01', owner: 'bob'})),
		alice(3, actionAdded('P0', 'due today', {due: '2026-12-10'})),
		alice(4, actionAdded('P0', 'late but done', {due: '2026-12-01', status: 'done'})),
	]);
	const rows = followUpsOf([state], NOW);

	it('is overdue only when still to do and due before today (UTC)', () => {
		expect(rows.map(row => row.overdue)).toEqual([true, true, false, false]);
		expect(rows.filter(isUrgentOverdue).map(row => row.description)).toEqual(['late P1']);
	});

	it('filters by owner (any case, @ or not), open and overdue', () => {
		expect(filterFollowUps(rows, {owner: '@Bob'}).map(row => row.description)).toEqual(['late P2']);
		expect(filterFollowUps(rows, {open: true})).toHaveLength(3);
		expect(filterFollowUps(rows, {overdue: true}).map(row => row.description)).toEqual(['late P1', 'late P2']);
	});

	it('gives the age in whole days since the action was added', () => {
		expect(rows[0]!.ageDays).toBe(17);
	});
});

describe('commit trailers', () => {
	const first = alice(10, actionAdded('P1', 'first'));
	const state = reduceIncident(ID, [opened, first]);
	const log = `aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1\0${ID}#1\n${ID}#9\n\x1e\nbbbbbbb2bbbbbbb2bbbbbbb2bbbbbbb2bbbbbbb2\0\n\x1e\n`;

	it('reads each commit with its values, and leaves out commits without one', () => {
		expect(parseTrailerLog(log)).toEqual([{commit: 'aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1', values: [`${ID}#1`, `${ID}#9`]}]);
	});

	it('marks a named action once, and names what it cannot find', () => {
		const {marks, problems} = trailerMarks(parseTrailerLog(log), id => (id === ID ? state : undefined));
		expect(marks).toEqual([{incidentId: ID, actionId: first.id, address: `${ID}#1`, commit: 'aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1'}]);
		expect(problems).toEqual([`commit aaaaaaa has "Incident-Action: ${ID}#9", which names no action (ID#N, see incident-tui actions)`]);
	});

	it('records nothing again once the commit is among the action refs, even after the action was reopened', () => {
		const recorded = alice(50, {type: 'action.updated', action: first.id, status: 'done', ref: 'aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1aaaaaaa1'});
		const reopened = alice(60, {type: 'action.updated', action: first.id, status: 'open'});
		const after = reduceIncident(ID, [opened, first, recorded, reopened]);
		expect(trailerMarks(parseTrailerLog(log), () => after).marks).toEqual([]);
	});
});
