import {severityLabel} from './describe-event.js';
import {isOpenAction} from './follow-ups.js';
import type {IncidentState} from './incident-state.js';
import {computeMetrics, type IncidentMetrics} from './metrics.js';

// The figures of `incident-tui stats` (README "Across incidents"): pure, with
// `now` passed in. Times come from computeMetrics, so they follow the README's
// milestone definitions; an incident counts in a metric only when it has both
// of that metric's milestones, and every figure says over how many (n).

export const STAT_METRICS = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;
export type StatMetric = (typeof STAT_METRICS)[number];
export type StatsGrouping = 'severity' | 'month';

const METRIC_FIELDS: Record<StatMetric, keyof IncidentMetrics> = {
	detect: 'timeToDetectMs',
	acknowledge: 'timeToAcknowledgeMs',
	mitigate: 'timeToMitigateMs',
	resolve: 'timeToResolveMs',
};

export interface Spread {
	/** How many incidents had the milestones this figure needs. */
	n: number;
	medianMs?: number;
	p90Ms?: number;
}

export interface StatsGroup {
	/** `SEV-1`, `2026-11`, or `all`. */
	key: string;
	incidents: number;
	times: Record<StatMetric, Spread>;
}

export const ACTION_AGE_BUCKETS = [
	{label: 'under 1 week', fromDays: 0},
	{label: '1-4 weeks', fromDays: 7},
	{label: '1-3 months', fromDays: 30},
	{label: 'over 3 months', fromDays: 90},
] as const;

export interface IncidentStats {
	/** The first moment counted, when `--since` was given. */
	since?: string;
	by: StatsGrouping;
	groups: StatsGroup[];
	all: StatsGroup;
	/** Incidents declared in each month, from the first month counted to the current one: the trend. */
	perMonth: {month: string; incidents: number}[];
	openActions: {total: number; overdue: number; byAge: {label: string; count: number}[]};
	/** Closed incidents by what closed them: a test (with or without a monitor), a monitor only, the override, or none of them (older journals). */
	goldenRule: {closed: number; test: number; monitor: number; override: number; neither: number};
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest rank: the smallest value with at least `fraction` of them at or below it (an observed value, never interpolated). */
export function percentile(values: readonly number[], fraction: number): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}

function spreadOf(values: readonly number[]): Spread {
	const medianMs = median(values);
	const p90Ms = percentile(values, 0.9);
	return {n: values.length, ...(medianMs === undefined ? {} : {medianMs}), ...(p90Ms === undefined ? {} : {p90Ms})};
}

function groupOf(key: string, states: readonly IncidentState[], now: Date): StatsGroup {
	const metrics = states.map(state => computeMetrics(state, now));
	const times = Object.fromEntries(
		STAT_METRICS.map(metric => [metric, spreadOf(metrics.flatMap(m => (m[METRIC_FIELDS[metric]] === undefined ? [] : [m[METRIC_FIELDS[metric]] as number])))]),
	) as Record<StatMetric, Spread>;
	return {key, incidents: states.length, times};
}

const monthOf = (state: IncidentState) => (state.openedAt ?? '').slice(0, 7);

/** `90d`, `12w` or a date `2026-09-01` (UTC): the start of the window; undefined when it is none of those. */
export function parseSince(text: string, now: Date): Date | undefined {
	const span = /^(\d{1,5})([dw])$/.exec(text.trim());
	if (span) return new Date(now.getTime() - Number(span[1]) * (span[2] === 'w' ? 7 : 1) * 86_400_000);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return undefined;
	const date = new Date(`${text.trim()}T00:00:00.000Z`);
	return Number.isNaN(date.getTime()) || !date.toISOString().startsWith(text.trim()) ? undefined : date;
}

/** `states` are opened incidents; those declared before `since` are left out. */
export function computeStats(states: readonly IncidentState[], now: Date, {by, since}: {by: StatsGrouping; since?: Date}): IncidentStats {
	const counted = states.filter(state => state.openedAt !== undefined && (!since || Date.parse(state.openedAt) >= since.getTime()));
	const keyOf = (state: IncidentState) => (by === 'severity' ? severityLabel(state.severity) : monthOf(state));
	const keys = [...new Set(counted.map(keyOf))].sort();
	const groups = keys.map(key => groupOf(key, counted.filter(state => keyOf(state) === key), now));

	const actions = counted.flatMap(state => state.actions).filter(action => isOpenAction(action.status));
	const today = now.toISOString().slice(0, 10);
	const ageDays = (at: string) => (now.getTime() - Date.parse(at)) / 86_400_000;
	const byAge = ACTION_AGE_BUCKETS.map((bucket, index) => {
		const until = ACTION_AGE_BUCKETS[index + 1]?.fromDays ?? Infinity;
		return {label: bucket.label, count: actions.filter(action => ageDays(action.at) >= bucket.fromDays && ageDays(action.at) < until).length};
	});
	// A clock behind an action's own time would give a negative age: count it as new.
	byAge[0]!.count += actions.filter(action => ageDays(action.at) < 0).length;

	const closed = counted.filter(state => state.closed !== undefined);
	const hasKind = (state: IncidentState, kind: 'test' | 'monitor') => state.invariants.some(invariant => invariant.kind === kind);
	const test = closed.filter(state => hasKind(state, 'test')).length;
	const monitor = closed.filter(state => !hasKind(state, 'test') && hasKind(state, 'monitor')).length;
	const override = closed.filter(state => state.invariants.length === 0 && state.closed?.overrideReason !== undefined).length;

	return {
		...(since ? {since: since.toISOString()} : {}),
		by,
		groups,
		all: groupOf('all', counted, now),
		perMonth: monthsBetween(since ? since.toISOString().slice(0, 7) : counted.map(monthOf).sort()[0], today.slice(0, 7)).map(month => ({
			month,
			incidents: counted.filter(state => monthOf(state) === month).length,
		})),
		openActions: {total: actions.length, overdue: actions.filter(action => action.due !== undefined && action.due < today).length, byAge},
		goldenRule: {closed: closed.length, test, monitor, override, neither: closed.length - test - monitor - override},
	};
}

/** Every `YYYY-MM` from `first` to `last`, both included; none without a first. */
function monthsBetween(first: string | undefined, last: string): string[] {
	if (first === undefined) return [];
	const months: string[] = [];
	let [year, month] = first.split('-').map(Number) as [number, number];
	for (let guard = 0; guard < 1200; guard++) {
		const key = `${year}-${String(month).padStart(2, '0')}`;
		if (key > last) break;
		months.push(key);
		month = month === 12 ? 1 : month + 1;
		if (month === 1) year++;
	}
	return months;
}
