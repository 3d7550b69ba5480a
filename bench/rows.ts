// The rows `npm run bench` measures, in the order it prints them, with each
// row's baseline and target (issue 15's table). Pure: the bench, the README
// table script (`npm run docs:bench`) and its test all read this one list.

export type BenchGroup = 'append' | 'log' | 'screen' | 'history' | 'enter' | 'keys' | 'sync' | 'incidents' | 'replay' | 'render' | 'evidence';

export const BENCH_GROUPS: readonly BenchGroup[] = ['append', 'log', 'screen', 'history', 'enter', 'keys', 'sync', 'incidents', 'replay', 'render', 'evidence'];

/** No more than `ratio` times the baseline, no more than `plusMs` above it, or within `withinMs` in all. */
export type BenchTarget = {ratio: number} | {plusMs: number} | {withinMs: number};

export interface BenchRow {
	id: string;
	group: BenchGroup;
	/** The README table's first cell. */
	title: string;
	/** Which statistic of the samples `value` is. */
	statistic: 'median' | 'p99' | 'once';
	baseline?: string;
	target?: BenchTarget;
}

const SYNC_BASELINE = '`node -e 0` + `git fetch && git push` of a commit of the same 10 lines, same clone';
const TEN_EVENTS = 'the same on a 10-event incident';

export const BENCH_ROWS: readonly BenchRow[] = [
	{id: 'append-p50', group: 'append', title: 'acknowledged append, p50', statistic: 'median', baseline: 'bare write + fdatasync of the same bytes'},
	{id: 'append-p99', group: 'append', title: 'acknowledged append, p99', statistic: 'p99', baseline: 'bare write + fdatasync of the same bytes', target: {ratio: 2}},
	{id: 'log', group: 'log', title: '`log "x"`, start to exit', statistic: 'median', baseline: '`node -e 0`', target: {ratio: 1.5}},
	{id: 'first-frame', group: 'screen', title: 'live screen, start to first full frame (pty 120x40)', statistic: 'median', baseline: 'bundled minimal Ink 6 app', target: {ratio: 1.25}},
	{id: 'history-resume', group: 'history', title: '100,000-event incident: resume to first full frame', statistic: 'median', baseline: TEN_EVENTS, target: {plusMs: 50}},
	{id: 'history-list', group: 'history', title: '100,000-event incident: `list`', statistic: 'median', baseline: TEN_EVENTS, target: {plusMs: 50}},
	{id: 'history-report', group: 'history', title: '100,000-event incident: `report --stdout`', statistic: 'median', baseline: TEN_EVENTS, target: {plusMs: 50}},
	{id: 'history-log', group: 'history', title: '100,000-event incident: `log`', statistic: 'median', baseline: TEN_EVENTS, target: {plusMs: 50}},
	{id: 'enter', group: 'enter', title: 'Enter that logs a note, to "Logged" drawn (pty), 100,000 events', statistic: 'median', baseline: 'the same at 10 events', target: {plusMs: 50}},
	{id: 'keys-prompt-10', group: 'keys', title: 'key press to frame (in process), open a prompt, 10 events', statistic: 'median'},
	{id: 'keys-prompt-10k', group: 'keys', title: 'key press to frame (in process), open a prompt, 10,000 events', statistic: 'median'},
	{id: 'keys-enter-10', group: 'keys', title: 'key press to frame (in process), Enter logs a note, 10 events', statistic: 'median'},
	{id: 'keys-enter-10k', group: 'keys', title: 'key press to frame (in process), Enter logs a note, 10,000 events', statistic: 'median'},
	{id: 'update-draft', group: 'keys', title: 'stakeholder update: `U` to the draft on screen (in process, cold)', statistic: 'once'},
	{id: 'update-send', group: 'keys', title: 'stakeholder update: Enter to logged and copied (in process)', statistic: 'once'},
	{id: 'sync-1', group: 'sync', title: '`sync`, 10 new events, 1 incident in history', statistic: 'median', baseline: SYNC_BASELINE, target: {ratio: 1.5}},
	{id: 'sync-51', group: 'sync', title: '`sync`, 10 new events, 51 incidents in history', statistic: 'median', baseline: SYNC_BASELINE, target: {ratio: 1.5}},
	{id: 'sync-200', group: 'sync', title: '`sync`, 10 new events, 200 incidents in history', statistic: 'median', baseline: SYNC_BASELINE, target: {ratio: 1.5}},
	{id: 'across-actions', group: 'incidents', title: '`actions` over 500 incidents', statistic: 'median', baseline: '`incident-tui --version`', target: {withinMs: 1000}},
	{id: 'across-stats', group: 'incidents', title: '`stats` over 500 incidents', statistic: 'median', baseline: '`incident-tui --version`', target: {withinMs: 1000}},
	{id: 'replay-10k', group: 'replay', title: 'read and fold 10,000 events (in process, no checkpoint)', statistic: 'median'},
	{id: 'replay-100k', group: 'replay', title: 'read and fold 100,000 events (in process, no checkpoint)', statistic: 'median'},
	{id: 'render-10', group: 'render', title: 'report render, 10 events (slowest built-in template, in process)', statistic: 'median'},
	{id: 'render-10k', group: 'render', title: 'report render, 10,000 events (slowest built-in template, in process)', statistic: 'median'},
	{id: 'evidence-run', group: 'evidence', title: '`run -- true` on a terminal (bin/incident-tui, pty), start to exit, open incident', statistic: 'median', baseline: 'bare `true`, same terminal', target: {plusMs: 30}},
	{id: 'evidence-run-pipe', group: 'evidence', title: '`run -- true` into a pipe (bin/incident-tui), start to exit, open incident', statistic: 'median', baseline: 'bare `true`', target: {plusMs: 30}},
	{
		id: 'evidence-listen',
		group: 'evidence',
		title: '`listen`, 1,000 one-alert posts, 50 in flight, to the last 200',
		statistic: 'median',
		baseline: '1,000 bare write + fdatasync appends',
	},
];

/** What one row measured: its samples, and its baseline's, taken in turn in the same run. */
export interface Measured {
	id: string;
	value: number;
	samples: number[];
	baseline?: {value: number; samples: number[]};
	/** A figure derived from the value, shown beside it (a throughput). */
	note?: string;
}

export interface Verdict {
	ratio?: number;
	differenceMs?: number;
	target?: string;
	met?: boolean;
}

export function rowOf(id: string): BenchRow {
	const row = BENCH_ROWS.find(candidate => candidate.id === id);
	if (!row) throw new Error(`no bench row "${id}"`);
	return row;
}

export function targetText(target: BenchTarget): string {
	if ('ratio' in target) return `≤ ${target.ratio}x`;
	return 'plusMs' in target ? `≤ +${target.plusMs} ms` : `≤ ${target.withinMs.toLocaleString('en')} ms`;
}

export function verdictOf(measured: Measured): Verdict {
	const {target} = rowOf(measured.id);
	if (!measured.baseline) return {};
	const ratio = measured.value / measured.baseline.value;
	const differenceMs = measured.value - measured.baseline.value;
	if (!target) return {ratio, differenceMs};
	const met = 'ratio' in target ? ratio <= target.ratio : 'plusMs' in target ? differenceMs <= target.plusMs : measured.value <= target.withinMs;
	return {ratio, differenceMs, target: targetText(target), met};
}

export function formatMs(ms: number): string {
	if (ms >= 100) return `${Math.round(ms).toLocaleString('en')} ms`;
	if (ms >= 10) return `${ms.toFixed(1)} ms`;
	return `${ms.toFixed(2)} ms`;
}

function comparison(row: BenchRow, verdict: Verdict): string {
	if (verdict.ratio === undefined || verdict.differenceMs === undefined) return '';
	const sign = verdict.differenceMs >= 0 ? '+' : '−';
	const difference = `${sign}${formatMs(Math.abs(verdict.differenceMs))}`;
	return row.target && 'plusMs' in row.target ? `${difference} (${verdict.ratio.toFixed(2)}x)` : `${verdict.ratio.toFixed(2)}x (${difference})`;
}

function targetCell(verdict: Verdict): string {
	if (verdict.target === undefined) return '';
	return `${verdict.target}: ${verdict.met ? 'met' : 'not met'}`;
}

/** The row for the terminal: the figure, then its baseline, ratio and target on a second line. */
export function formatLine(measured: Measured): string {
	const row = rowOf(measured.id);
	const verdict = verdictOf(measured);
	const note = measured.note === undefined ? '' : ` (${measured.note})`;
	const head = `${row.title.padEnd(68)} ${formatMs(measured.value).padStart(9)}  ${statisticText(row, measured.samples.length)}${note}`;
	if (!measured.baseline) return head;
	const target = verdict.target === undefined ? [] : [`target ${verdict.target}: ${verdict.met ? 'met' : 'NOT MET'}`];
	return `${head}\n    baseline ${formatMs(measured.baseline.value)}: ${[row.baseline, comparison(row, verdict), ...target].join(' · ')}`;
}

function statisticText(row: BenchRow, count: number): string {
	if (row.statistic === 'once') return 'once';
	return `${row.statistic === 'p99' ? 'p99' : 'median'} of ${count}`;
}

export const README_TABLE_HEADER = '| measure | measured | baseline, same run | ratio | target |';

/** The README's speed table: every row, in order; rows not measured are an error. */
export function readmeSpeedTable(results: readonly Measured[]): string {
	const lines = [README_TABLE_HEADER, '| --- | --- | --- | --- | --- |'];
	for (const row of BENCH_ROWS) {
		const measured = results.find(result => result.id === row.id);
		if (!measured) throw new Error(`the results have no "${row.id}" row: run the whole bench (npm run bench -- --json)`);
		const verdict = verdictOf(measured);
		const baseline = measured.baseline ? `${row.baseline}: ${formatMs(measured.baseline.value)}` : '';
		const note = measured.note === undefined ? '' : ` (${measured.note})`;
		lines.push(`| ${escapeCell(row.title)} | ${formatMs(measured.value)}${note} | ${escapeCell(baseline)} | ${comparison(row, verdict)} | ${targetCell(verdict)} |`);
	}
	return lines.join('\n');
}

function escapeCell(text: string): string {
	return text.replaceAll('|', '\\|');
}
