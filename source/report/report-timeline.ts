import {formatCommandDuration, hypothesisResultLabel, SHORT_HASH_LENGTH, statusLabel} from '../core/describe-event.js';
import type {IncidentState, TimelineEntry, TimelineKind} from '../core/incident-state.js';
import {formatDuration} from '../core/metrics.js';
import {formatUtcDate, formatUtcDateTime, utcIso} from '../core/time-format.js';
import type {Runbook} from '../runbook/runbook.js';

// What a report's timeline shows, chosen from the incident's events. Pure, so
// the choices are tested directly (test/report/report-timeline.test.ts):
// checklist ticks get a section of their own, a stakeholder update shows its
// first line (its full text has a section of its own), and "logged at" is a
// footnote only where the gap matters.

const KIND_LABELS: Record<TimelineKind, string> = {
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

/**
 * Never marked as written down late: their time is a stamp, not a memory.
 * Closing stamps the status and the close at the resolution, hours before the
 * wizard runs; a status, severity or role given a time with `@` feeds no metric.
 */
const STAMPED_KINDS: ReadonlySet<TimelineKind> = new Set(['status', 'severity', 'role', 'closed']);

/** A backdate shorter than this is the time it took to type, not worth a footnote. */
const LATE_LOGGING_MS = 10 * 60_000;

export interface TimelineRow {
	/** `03:12`; once the incident spans several UTC days, the first time of each day is `2026-11-24 03:12`. */
	time: string;
	/** `2026-11-23 03:12`, always with the date. */
	dateTime: string;
	kind: string;
	milestone: boolean;
	/** The first line of a text of several (`fullTextBelow`): a communication's full text is in `communications`, a note's in `longNotes`. */
	text: string;
	fullTextBelow: boolean;
	/** Where the full text is: the section `Communications` or `Notes in full`. */
	fullTextIn?: string;
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
	const time = timeLabeller(state.timeline);
	const rows = state.timeline
		.filter(entry => !NOT_IN_TIMELINE.has(entry.kind))
		.map(entry => {
			const row = rowOf(entry, time);
			if (isLoggedLate(entry) && !STAMPED_KINDS.has(entry.kind)) {
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
	const time = timeLabeller(state.timeline);
	return state.timeline.map(entry => ({...rowOf(entry, time), text: entry.text, fullTextBelow: false, fullTextIn: undefined}));
}

function isLoggedLate(entry: Pick<TimelineEntry, 'at' | 'loggedAt'>): boolean {
	return entry.loggedAt !== undefined && Date.parse(entry.loggedAt) - Date.parse(entry.at) > LATE_LOGGING_MS;
}

/**
 * The runbook items ticked now, in the order they were ticked: an item ticked,
 * unticked and ticked again is one row with its last tick, and an item left
 * unticked is not here.
 */
export function checklistProgress(state: IncidentState, runbook: Runbook): ChecklistProgressRow[] {
	const time = timeLabeller(state.timeline);
	return Object.values(state.checklist)
		.sort((a, b) => a.at.localeCompare(b.at) || a.eventId.localeCompare(b.eventId))
		.map(tick => {
			const found = findItem(runbook, tick.item);
			return {time: time(tick.at), dateTime: formatUtcDateTime(tick.at), phase: found?.phase, label: found?.label ?? tick.label, by: tick.by};
		});
}

/** Each communication in full, in the order sent. */
export function communications(state: IncidentState): CommunicationRow[] {
	return fullTexts(state, entry => entry.kind === 'communication');
}

/**
 * Every other note of several lines (a pasted stack trace or log excerpt) in
 * full: the timeline shows its first line, so a table row stays one line.
 */
export function longNotes(state: IncidentState): CommunicationRow[] {
	return fullTexts(state, entry => entry.kind !== 'communication' && !NOT_IN_TIMELINE.has(entry.kind) && isMultiLine(entry.text));
}

function fullTexts(state: IncidentState, wanted: (entry: TimelineEntry) => boolean): CommunicationRow[] {
	const time = timeLabeller(state.timeline);
	return state.timeline
		.filter(wanted)
		.map(entry => ({time: time(entry.at), dateTime: formatUtcDateTime(entry.at), owner: entry.by ?? entry.author, text: entry.text, amended: entry.amended}));
}

const isMultiLine = (text: string) => /\r|\n/.test(text.trim());

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
	const time = timeLabeller(state.timeline);
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
	const text = withoutKindWords(entry).trim();
	// Where the first line ends, found without splitting the whole text: most texts are one line.
	const lineEnd = text.search(/\r|\n/);
	const firstLineOnly = lineEnd !== -1;
	return {
		time: time(entry.at),
		dateTime: formatUtcDateTime(entry.at),
		kind: entry.kind === 'hypothesis' && entry.outcome ? `Hypothesis ${hypothesisResultLabel(entry.outcome)}` : KIND_LABELS[entry.kind],
		milestone: MILESTONE_KINDS.has(entry.kind),
		text: firstLineOnly ? text.slice(0, lineEnd) : text,
		fullTextBelow: firstLineOnly,
		...(firstLineOnly ? {fullTextIn: entry.kind === 'communication' ? 'Communications' : 'Notes in full'} : {}),
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
	// `ruled out: DB locks (evidence)`: the kind says the result, unless the text says it changed.
	if (entry.kind === 'hypothesis' && entry.outcome) return entry.text.replace(`${hypothesisResultLabel(entry.outcome)}: `, '');
	return entry.text;
}

function findItem(runbook: Runbook, key: string): {phase: string; label: string} | undefined {
	for (const phase of runbook.phases) {
		const item = phase.items.find(candidate => candidate.key === key);
		if (item) return {phase: phase.name, label: item.label};
	}
	return undefined;
}

/**
 * The times of one list, labelled in order. Times of day alone are ambiguous
 * once an incident crosses midnight (UTC): then the first time of each day
 * carries its date, as a postmortem's timeline starts each day with it.
 */
export function timeLabeller(entries: readonly Pick<TimelineEntry, 'at'>[]): (at: string) => string {
	const firstDay = entries[0] === undefined ? undefined : formatUtcDate(entries[0].at);
	const multiDay = entries.some(entry => formatUtcDate(entry.at) !== firstDay);
	let day: string | undefined;
	return at => {
		// Once per row: a report may label 100,000 of them.
		const iso = utcIso(at);
		const date = iso.slice(0, 10);
		const minute = iso.slice(11, 16);
		if (!multiDay) return minute;
		const label = date === day ? minute : `${date} ${minute}`;
		day = date;
		return label;
	};
}
