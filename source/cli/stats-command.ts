import {incidentStats, writeStatsDocument} from '../commands/incident-stats.js';
import {UserError} from '../commands/command-errors.js';
import {STAT_METRICS, type IncidentStats, type StatsGrouping} from '../core/incident-stats.js';
import {formatDuration} from '../core/metrics.js';
import {barChart, chartStyleFor, sparkline, type ChartStyle} from '../core/text-charts.js';
import {formatSpread} from '../report/incident-stats-doc.js';
import type {CliSetup} from './cli-setup.js';
import type {Flags} from './commands-table.js';
import {alignedLines, print, shownPath} from './output.js';

const BAR_WIDTH = 24;

export function statsCommand(setup: CliSetup, flags: Flags): void {
	const now = setup.context.now();
	const by = parseGrouping(flags.by);
	const options = {by, ...(flags.since !== undefined ? {since: flags.since} : {})};
	if (flags.markdown && flags.json) throw new UserError('--json and --markdown: choose one');
	if (flags.markdown) {
		const path = writeStatsDocument(setup.workspace.docsDir, now, options);
		print(`Wrote ${shownPath(path)}; incident-tui publish keeps it up to date and commits it beside INCIDENT_LOG.md`);
		return;
	}
	const stats = incidentStats(setup.workspace.docsDir, now, options);
	if (flags.json) {
		print(JSON.stringify(stats, null, 2));
		return;
	}
	for (const line of statsLines(stats, chartStyleFor(process.env))) print(line);
}

function parseGrouping(value: string | undefined): StatsGrouping {
	if (value === undefined) return 'severity';
	const by = value.trim().toLowerCase();
	if (by !== 'severity' && by !== 'month') throw new UserError(`--by "${value}": stats group by severity or month`);
	return by;
}

const TITLES = {detect: 'DETECT', acknowledge: 'ACKNOWLEDGE', mitigate: 'MITIGATE', resolve: 'RESOLVE'} as const;

/** What `stats` prints. */
function statsLines(stats: IncidentStats, style: ChartStyle): string[] {
	const window = stats.since ? ` declared since ${stats.since.slice(0, 10)}` : '';
	if (stats.all.incidents === 0) return [`No incidents${window}.`];
	const trend = stats.perMonth;
	const lines = [
		`${stats.all.incidents} incidents${window}. Each time is median / p90 (n = incidents with both milestones).`,
		`Per month ${trend[0]?.month} to ${trend.at(-1)?.month}: ${sparkline(trend.map(month => month.incidents), style)}  (${trend.map(month => month.incidents).join(' ')})`,
		'',
	];
	const header = [stats.by === 'severity' ? 'SEVERITY' : 'MONTH', 'INCIDENTS', ...STAT_METRICS.map(metric => `TIME TO ${TITLES[metric]}`)];
	const rows = [...stats.groups, stats.all].map(group => [group.key, String(group.incidents), ...STAT_METRICS.map(metric => formatSpread(group.times[metric]))]);
	lines.push(...alignedLines([header, ...rows]));

	lines.push('', 'Median time to resolve');
	lines.push(
		...barChart(
			stats.groups.map(group => {
				const spread = group.times.resolve;
				return {label: group.key, value: spread.medianMs ?? 0, shown: spread.medianMs === undefined ? `— (n=0)` : `${formatDuration(spread.medianMs)} (n=${spread.n})`};
			}),
			BAR_WIDTH,
			style,
		),
	);

	const {openActions, goldenRule: rule} = stats;
	lines.push('', `Open actions by age: ${openActions.total} open or in progress, ${openActions.overdue} past their due date`);
	lines.push(...barChart(openActions.byAge.map(bucket => ({label: bucket.label, value: bucket.count, shown: String(bucket.count)})), BAR_WIDTH, style));

	lines.push('', `Golden rule: how the ${rule.closed} closed incidents were closed`);
	const closedWith = [
		{label: 'with a test', value: rule.test},
		{label: 'with a monitor', value: rule.monitor},
		{label: 'with the override', value: rule.override},
		...(rule.neither > 0 ? [{label: 'with neither', value: rule.neither}] : []),
	];
	lines.push(...barChart(closedWith.map(row => ({...row, shown: String(row.value)})), BAR_WIDTH, style));
	return lines;
}
