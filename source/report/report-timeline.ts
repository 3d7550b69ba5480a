import {formatCommandDuration, SHORT_HASH_LENGTH, statusLabel} from '../core/describe-event.js';
import type {IncidentState, TimelineEntry, TimelineKind} from '../core/incident-state.js';
import {formatDuration} from '../core/metrics.js';
import {formatUtcDate, formatUtcDateTime, formatUtcMinute} from '../core/time-format.js';
import type {Runbook} from '../runbook/runbook.js';

// What a report's timeline shows, chosen from the incident's events. Pure, so
// the choices are tested directly (test/report/report-timeline.test.ts):
// checklist ticks get a section of their own, a stakeholder update shows its
// first line (its full text has a section of its own), and "logged at" is a
// footnote only where the gap matters.

export const KIND_LABELS: Record<TimelineKind, string> = {
	note: 'Note',
	impact: 'Impact',
	detection: 'Detection',
	acknowledged: 'Acknowledged',
	action: 'Action',
	communication: 'Communication',
	mitigation: 'Mitigation',
	escalation: 'Escalation',
	resolution: 'Resolution',
	opened: 'Declared',
	severity: 'Severity',
	status: 'Status',
	role: 'Role',
	checklist: 'Checklist',
	hypothesis: 'Hypothesis',
	closed: 'Closed',
	change: 'Change',
	unknown: 'Other',
};

/** The kinds that set a milestone (README "Milestones and metrics"). */
const MILESTONE_KINDS: ReadonlySet<TimelineKind> = new Set(['impact', 'detection', 'acknowledged', 'mitigation', 'resolution', 'opened']);

/**
 * Left out of the report's timeline: checklist ticks (their own section) and
 * events from a newer version, shown raw (still in `allEvents`). A note stays:
 * it is what a responder chose to write down.
 */
const NOT_IN_TIMELINE: ReadonlySet<TimelineKind> = new Set(['checklist', 'unknown']);

/** A backdate shorter than this is the time it took to type, not worth a footnote. */
export const LATE_LOGGING_MS = 10 * 60_000;

export interface TimelineRow {
	/** `03:12`, or `2026-11-24 03:12` when the incident spans several UTC days. */
	time: string;
	/** `2026-11-23 03:12`, always with the date. */
	dateTime: string;
	kind: string;
	milestone: boolean;
	/** For a communication, its first line; `fullTextBelow` says there is more. */
	text: string;
	fullTextBelow: boolean;
	/** Who did it: the doer when one was named, else who typed it. */
	owner: string;
	amended: boolean;
	/** When it was written down, for any backdate of a minute or more (built-in templates show only `lateMark`). */
	loggedAt?: string;
	/** The footnote number when this was written down more than 10 minutes after it happened. */
	lateMark?: number;
}

export interface LateFootnote {
	mark: number;
	loggedAt: string;
	/** How long after the event: `27m 00s`. */
	delay: string;
	loggedBy: string;
}

export interface ChecklistProgressRow {
	/** Written like the timeline's times. */
	time: string;
	dateTime: string;
	phase?: string;
	label: string;
	by: string;
}

export interface CommunicationRow {
	time: string;
	dateTime: string;
	owner: string;
	text: string;
	amended: boolean;
}

/**
 * The chosen rows with their footnotes. Retracted events never reach the
 * state's timeline; an amended one already carries its final text.
 */
export function reportTimeline(state: IncidentState): {rows: TimelineRow[]; footnotes: LateFootnote[]} {
	const footnotes: LateFootnote[] = [];
	const time = timeFormatFor(state.timeline);
	const rows = state.timeline
		.filter(entry => !NOT_IN_TIMELINE.has(entry.kind))
		.map(entry => {
			const row = rowOf(entry, time);
			if (isLoggedLate(entry)) {
				row.lateMark = footnotes.length + 1;
				footnotes.push({
					mark: row.lateMark,
					loggedAt: formatUtcDateTime(entry.loggedAt!),
					delay: formatDuration(Date.parse(entry.loggedAt!) - Date.parse(entry.at)),
					loggedBy: entry.author,
				});
			}
			return row;
		});
	return {rows, footnotes};
}

/** Every event in force, checklist ticks and unticks included, for a template that wants them all. */
export function allTimelineEvents(state: IncidentState): TimelineRow[] {
	const time = timeFormatFor(state.timeline);
	return state.timeline.map(entry => ({...rowOf(entry, time), text: entry.text, fullTextBelow: false}));
}

export function isLoggedLate(entry: Pick<TimelineEntry, 'at' | 'loggedAt'>): boolean {
	return entry.loggedAt !== undefined && Date.parse(entry.loggedAt) - Date.parse(entry.at) > LATE_LOGGING_MS;
}

/**
 * The runbook items ticked now, in the order they were ticked: an item ticked,
 * unticked and ticked again is one row with its last tick, and an item left
 * unticked is not here.
 */
export function checklistProgress(state: IncidentState, runbook: Runbook): ChecklistProgressRow[] {
	const time = timeFormatFor(state.timeline);
	return Object.values(state.checklist)
		.sort((a, b) => a.at.localeCompare(b.at) || a.eventId.localeCompare(b.eventId))
		.map(tick => {
			const found = findItem(runbook, tick.item);
			return {time: time(tick.at), dateTime: formatUtcDateTime(tick.at), phase: found?.phase, label: found?.label ?? tick.label, by: tick.by};
		});
}

/** Each communication in full, in the order sent. */
export function communications(state: IncidentState): CommunicationRow[] {
	const time = timeFormatFor(state.timeline);
	return state.timeline
		.filter(entry => entry.kind === 'communication')
		.map(entry => ({time: time(entry.at), dateTime: formatUtcDateTime(entry.at), owner: entry.by ?? entry.author, text: entry.text, amended: entry.amended}));
}

export interface CommandRow {
	time: string;
	dateTime: string;
	command: string;
	exitCode: number;
	failed: boolean;
	duration: string;
	owner: string;
	/** The masked output's tail, relative to the report (`<ID>/evidence/<file>.txt`), when one was kept. */
	evidencePath?: string;
}

/** The commands run with `incident-tui run`, in the order they started. */
export function commandsRun(state: IncidentState): CommandRow[] {
	const time = timeFormatFor(state.timeline);
	return state.timeline.flatMap(entry => {
		const {command} = entry;
		if (!command) return [];
		return [
			{
				time: time(entry.at),
				dateTime: formatUtcDateTime(entry.at),
				command: command.line,
				exitCode: command.exitCode,
				failed: command.exitCode !== 0,
				duration: formatCommandDuration(command.durationMs),
				owner: entry.by ?? entry.author,
				...(command.evidence === undefined ? {} : {evidencePath: `${state.id}/evidence/${command.evidence}`}),
			},
		];
	});
}

export interface ChangeRow {
	dateTime: string;
	kind: string;
	shortHash: string;
	hash: string;
	author: string;
	subject: string;
	repository: string;
	tag?: string;
	/** The hypotheses (`A`, `B`) whose statement or test names the short hash. */
	citedBy?: string;
}

/** The picked changes, newest first, as `incident-tui changes` lists them. */
export function recentChanges(state: IncidentState): ChangeRow[] {
	const letters = state.hypotheses.map((hypothesis, index) => ({letter: String.fromCharCode(65 + (index % 26)), text: `${hypothesis.statement} ${hypothesis.test}`.toLowerCase()}));
	return state.timeline
		.filter(entry => entry.change !== undefined)
		.reverse()
		.map(entry => {
			const change = entry.change!;
			const shortHash = change.hash.slice(0, SHORT_HASH_LENGTH);
			const citing = letters.filter(hypothesis => hypothesis.text.includes(shortHash)).map(hypothesis => hypothesis.letter);
			return {
				dateTime: formatUtcDateTime(entry.at),
				kind: change.kind,
				shortHash,
				hash: change.hash,
				author: change.author,
				subject: change.subject,
				repository: change.repository,
				...(change.tag === undefined ? {} : {tag: change.tag}),
				...(citing.length > 0 ? {citedBy: citing.join(', ')} : {}),
			};
		});
}

function rowOf(entry: TimelineEntry, time: (at: string) => string): TimelineRow {
	const lines = entry.text.trim().split(/\r\n?|\n/);
	const firstLineOnly = entry.kind === 'communication' && lines.length > 1;
	return {
		time: time(entry.at),
		dateTime: formatUtcDateTime(entry.at),
		kind: KIND_LABELS[entry.kind],
		milestone: MILESTONE_KINDS.has(entry.kind),
		text: firstLineOnly ? lines[0]! : withoutKindWords(entry),
		fullTextBelow: firstLineOnly,
		owner: entry.by ?? entry.author,
		amended: entry.amended,
		...(entry.loggedAt === undefined ? {} : {loggedAt: formatUtcDateTime(entry.loggedAt)}),
	};
}

/**
 * The row says its kind already (`Status: Identified`), so the words of
 * core/describe-event.ts that repeat it are left out; a test pins each one.
 */
function withoutKindWords(entry: TimelineEntry): string {
	if (entry.kind === 'status' && entry.status) return statusLabel(entry.status);
	if (entry.kind === 'severity') return entry.text.replace(/^Severity set to /, '');
	if (entry.kind === 'opened') return entry.text.replace(/^Incident opened: /, '');
	return entry.text;
}

function findItem(runbook: Runbook, key: string): {phase: string; label: string} | undefined {
	for (const phase of runbook.phases) {
		const item = phase.items.find(candidate => candidate.key === key);
		if (item) return {phase: phase.name, label: item.label};
	}
	return undefined;
}

/** Times of day alone are ambiguous once an incident crosses midnight (UTC): then every row carries its date. */
export function timeFormatFor(entries: readonly Pick<TimelineEntry, 'at'>[]): (at: string) => string {
	const days = new Set(entries.map(entry => formatUtcDate(entry.at)));
	return days.size > 1 ? formatUtcDateTime : formatUtcMinute;
}
