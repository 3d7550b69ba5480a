import {describe, expect, it} from 'vitest';
import type {IncidentEvent, NoteKind, Severity} from '../../source/core/events.js';
import {computeStats, median, parseSince, percentile} from '../../source/core/incident-stats.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {bar, barChart, chartStyleFor, sparkline} from '../../source/core/text-charts.js';
import {eventFactory} from '../helpers/event-factory.js';

const NOW = new Date('2026-11-30T12:00:00.000Z');

/** An incident whose milestones fall at these minutes after its start (undefined: not logged). */
function incident(id: string, start: string, severity: Severity, minutes: Partial<Record<NoteKind, number>>, extra: (f: ReturnType<typeof eventFactory>) => IncidentEvent[] = () => []) {
	const alice = eventFactory('alice', Date.parse(start));
	const events = [alice(0, {type: 'incident.opened', title: id, severity, commander: 'alice'})];
	for (const [kind, minute] of Object.entries(minutes)) events.push(alice(minute, {type: 'note.logged', kind: kind as NoteKind, text: kind}, {loggedAtMinute: 200}));
	return reduceIncident(id, [...events, ...extra(alice)]);
}

describe('median and p90', () => {
	it('take the middle (the mean of the two middle ones) and the nearest rank', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
		expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 0.9)).toBe(10);
		expect(percentile([7], 0.9)).toBe(7);
		expect(median([])).toBeUndefined();
	});
});

describe('the figures of stats', () => {
	// Declared at 0 (the detection, since no detection note is earlier), the milestones after it.
	const states = [
		incident('2026-11-02-01', '2026-11-02T10:00:00.000Z', 1, {impact: -4, acknowledged: 2, mitigation: 10, resolution: 30}),
		incident('2026-11-10-01', '2026-11-10T10:00:00.000Z', 1, {impact: -10, acknowledged: 6, mitigation: 20, resolution: 90}),
		incident('2026-11-20-01', '2026-11-20T10:00:00.000Z', 1, {acknowledged: 1, mitigation: 40}),
		incident('2026-10-05-01', '2026-10-05T10:00:00.000Z', 2, {impact: -2, acknowledged: 3, resolution: 60}),
		incident('2026-08-01-01', '2026-08-01T10:00:00.000Z', 3, {}),
	];

	it('give the median and p90 per severity over the incidents with both milestones, with n', () => {
		const stats = computeStats(states, NOW, {by: 'severity'});
		const sev1 = stats.groups.find(group => group.key === 'SEV-1')!;
		expect(sev1.incidents).toBe(3);
		expect(sev1.times.detect).toEqual({n: 2, medianMs: 7 * 60_000, p90Ms: 10 * 60_000});
		expect(sev1.times.acknowledge).toEqual({n: 3, medianMs: 2 * 60_000, p90Ms: 6 * 60_000});
		expect(sev1.times.mitigate).toEqual({n: 3, medianMs: 20 * 60_000, p90Ms: 40 * 60_000});
		expect(sev1.times.resolve).toEqual({n: 2, medianMs: 60 * 60_000, p90Ms: 90 * 60_000});
		expect(stats.groups.map(group => [group.key, group.incidents])).toEqual([['SEV-1', 3], ['SEV-2', 1], ['SEV-3', 1]]);
		expect(stats.groups[2]!.times.resolve).toEqual({n: 0});
		expect(stats.all.times.resolve).toEqual({n: 3, medianMs: 60 * 60_000, p90Ms: 90 * 60_000});
	});

	it('group by month, leave out what came before --since, and count every month to now for the trend', () => {
		const stats = computeStats(states, NOW, {by: 'month', since: parseSince('60d', NOW)});
		expect(stats.groups.map(group => [group.key, group.incidents])).toEqual([['2026-10', 1], ['2026-11', 3]]);
		expect(stats.perMonth).toEqual([
			{month: '2026-10', incidents: 1},
			{month: '2026-11', incidents: 3},
		]);
		expect(computeStats(states, NOW, {by: 'month'}).perMonth.map(month => month.incidents)).toEqual([1, 0, 1, 3]);
	});

	it('count open actions by age and how the golden rule held', () => {
		const closedWith = (id: string, kinds: ('test' | 'monitor')[], override?: string) =>
			incident(id, '2026-11-01T10:00:00.000Z', 2, {}, f => [
				...kinds.map((kind, i) => f(i + 1, {type: 'invariant.recorded', kind, reference: kind, description: ''})),
				f(5, {type: 'incident.closed', ...(override ? {overrideReason: override} : {})}),
			]);
		const withActions = incident('2026-11-25-01', '2026-11-25T10:00:00.000Z', 2, {}, f => [
			f(0, {type: 'action.added', description: 'new', owner: '', priority: 'P1', status: 'open', due: '2026-11-26'}),
			f(-40 * 24 * 60, {type: 'action.added', description: 'old', owner: '', priority: 'P2', status: 'in-progress'}),
			f(1, {type: 'action.added', description: 'done', owner: '', priority: 'P2', status: 'done'}),
		]);
		const stats = computeStats(
			[closedWith('2026-11-01-01', ['test', 'monitor']), closedWith('2026-11-01-02', ['monitor']), closedWith('2026-11-01-03', [], 'no sandbox'), withActions],
			NOW,
			{by: 'severity'},
		);
		expect(stats.goldenRule).toEqual({closed: 3, test: 1, monitor: 1, override: 1, neither: 0});
		expect(stats.openActions).toEqual({
			total: 2,
			overdue: 1,
			byAge: [
				{label: 'under 1 week', count: 1},
				{label: '1-4 weeks', count: 0},
				{label: '1-3 months', count: 1},
				{label: 'over 3 months', count: 0},
			],
		});
	});

	it('reads --since as days, weeks or a date, and refuses the rest', () => {
		expect(parseSince('90d', NOW)?.toISOString()).toBe('2026-09-01T12:00:00.000Z');
		expect(parseSince('2w', NOW)?.toISOString()).toBe('2026-11-16T12:00:00.000Z');
		expect(parseSince('2026-09-01', NOW)?.toISOString()).toBe('2026-09-01T00:00:00.000Z');
		for (const bad of ['90', '3m', '2026-02-30', 'soon']) expect(parseSince(bad, NOW)).toBeUndefined();
	});
});

describe('charts in text', () => {
	it('draws bars in eighths of a cell with blocks, in whole cells in ASCII', () => {
		expect(bar(10, 10, 4, 'unicode')).toBe('████');
		expect(bar(5, 10, 3, 'unicode')).toBe('█▌');
		expect(bar(1, 1000, 4, 'unicode')).toBe('▏');
		expect(bar(5, 10, 3, 'ascii')).toBe('##');
		expect(bar(0, 10, 3, 'ascii')).toBe('');
		expect(barChart([{label: 'SEV-1', value: 2, shown: '2'}, {label: 'SEV-10', value: 4, shown: '4'}], 4, 'ascii')).toEqual(['SEV-1   ##    2', 'SEV-10  ####  4']);
	});

	it('draws a sparkline from the lowest block to the highest', () => {
		expect(sparkline([0, 1, 2, 4, 7], 'unicode')).toBe('▁▂▃▅█');
		expect(sparkline([0, 1, 2, 4, 7], 'ascii')).toBe('_.-=#');
		expect(sparkline([0, 0], 'unicode')).toBe('▁▁');
	});

	it('uses blocks only under a UTF-8 locale without NO_COLOR', () => {
		expect(chartStyleFor({LANG: 'en_US.UTF-8'})).toBe('unicode');
		expect(chartStyleFor({LC_ALL: 'C.utf8', LANG: 'C'})).toBe('unicode');
		expect(chartStyleFor({LANG: 'en_US.UTF-8', NO_COLOR: '1'})).toBe('ascii');
		expect(chartStyleFor({LANG: 'en_US.UTF-8', NO_COLOR: ''})).toBe('unicode');
		expect(chartStyleFor({LC_ALL: 'POSIX', LANG: 'en_US.UTF-8'})).toBe('ascii');
		expect(chartStyleFor({})).toBe('ascii');
	});
});
