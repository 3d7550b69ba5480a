import {existsSync, readFileSync} from 'node:fs';
import {STAT_METRICS, type IncidentStats, type Spread, type StatsGroup, type StatsGrouping} from '../core/incident-stats.js';
import {formatDuration} from '../core/metrics.js';

// docs/INCIDENT_STATS.md: the figures of `incident-tui stats` for the
// repository's readers, with a Mermaid chart GitHub draws. Its second line
// keeps the options it was written with, so `publish` writes it again alike.

export interface StatsDocumentOptions {
	by: StatsGrouping;
	/** As typed: `90d`. */
	since?: string;
}

const OPTIONS_LINE = /^<!-- incident-tui stats --markdown --by (severity|month)(?: --since (\S+))? -->$/m;

/** The options a document was written with; undefined when it holds no options line (not ours, or edited). */
function readStatsDocumentOptions(markdown: string): StatsDocumentOptions | undefined {
	const match = OPTIONS_LINE.exec(markdown);
	if (!match) return undefined;
	return {by: match[1] as StatsGrouping, ...(match[2] ? {since: match[2]} : {})};
}

/** The options of the document at `path`; undefined when there is none, or it is not one `stats --markdown` wrote. */
export function readStatsDocumentOptionsAt(path: string): StatsDocumentOptions | undefined {
	return existsSync(path) ? readStatsDocumentOptions(readFileSync(path, 'utf8')) : undefined;
}

const METRIC_TITLES = {detect: 'Detect', acknowledge: 'Acknowledge', mitigate: 'Mitigate', resolve: 'Resolve'} as const;

/** `12m 03s / 45m 00s (n=4)`: median / p90 over n incidents; `— (n=0)` with none. */
export function formatSpread(spread: Spread): string {
	if (spread.medianMs === undefined || spread.p90Ms === undefined) return `— (n=${spread.n})`;
	return `${formatDuration(spread.medianMs)} / ${formatDuration(spread.p90Ms)} (n=${spread.n})`;
}

export function renderStatsDocument(stats: IncidentStats, options: StatsDocumentOptions, now: Date): string {
	const window = stats.since ? ` declared since ${stats.since.slice(0, 10)}` : '';
	const row = (group: StatsGroup) => `| ${group.key} | ${group.incidents} | ${STAT_METRICS.map(metric => formatSpread(group.times[metric])).join(' | ')} |`;
	const {goldenRule: rule, openActions} = stats;
	const lines = [
		'# Incident statistics',
		`<!-- incident-tui stats --markdown --by ${options.by}${options.since ? ` --since ${options.since}` : ''} -->`,
		'',
		`Written by \`incident-tui stats --markdown\` on ${now.toISOString().slice(0, 10)} (UTC); \`incident-tui publish\` writes it again with each report it commits.`,
		'Times follow the milestone definitions of incident-tui\'s README: each cell is median / p90, over the n incidents that have both milestones of that time.',
		'',
		`${stats.all.incidents} incidents${window}.`,
		'',
		`## Times by ${options.by}`,
		'',
		`| ${options.by === 'severity' ? 'Severity' : 'Month'} | Incidents | ${STAT_METRICS.map(metric => `Time to ${METRIC_TITLES[metric].toLowerCase()}`).join(' | ')} |`,
		`| --- | ---: | ${STAT_METRICS.map(() => '---').join(' | ')} |`,
		...stats.groups.map(row),
		row({...stats.all, key: '**all**'}),
		'',
		...incidentsChart(stats),
		'## Open actions by age',
		'',
		`${openActions.total} open or in progress, ${openActions.overdue} past their due date.`,
		'',
		'| Age | Actions |',
		'| --- | ---: |',
		...openActions.byAge.map(bucket => `| ${bucket.label} | ${bucket.count} |`),
		'',
		'## The golden rule',
		'',
		`How the ${rule.closed} closed incidents were closed: a test or monitor must be recorded, or the reason to close without one.`,
		'',
		'| Closed with | Incidents |',
		'| --- | ---: |',
		`| a test | ${rule.test} |`,
		`| a monitor (no test) | ${rule.monitor} |`,
		`| the override | ${rule.override} |`,
		...(rule.neither > 0 ? [`| neither (closed before the rule) | ${rule.neither} |`] : []),
		'',
	];
	return lines.join('\n');
}

/** A Mermaid bar chart of incidents per month; none without a month to show. */
function incidentsChart(stats: IncidentStats): string[] {
	if (stats.perMonth.length === 0) return [];
	const top = Math.max(1, ...stats.perMonth.map(month => month.incidents));
	return [
		'## Incidents per month',
		'',
		'```mermaid',
		'xychart-beta',
		'    title "Incidents per month"',
		`    x-axis [${stats.perMonth.map(month => `"${month.month}"`).join(', ')}]`,
		`    y-axis "Incidents" 0 --> ${top}`,
		`    bar [${stats.perMonth.map(month => month.incidents).join(', ')}]`,
		'```',
		'',
	];
}
