import {applyCorrections, type Correction} from './corrections.js';
import {compareEvents, isKnownEvent, type AnyEvent, type IncidentEvent, type NoteKind} from './events.js';
import {describeEvent} from './describe-event.js';
import {emptyIncidentState, type IncidentState, type Milestones, type TimelineEntry, type TimelineKind} from './incident-state.js';
import {checkMilestoneOrder} from './metrics.js';

/**
 * Folds the merged events of all authors into incident state. Pure, and the
 * same whatever order the events arrive in. Amendments apply before the fold,
 * so an event moved to another time is folded at that time.
 */
export function reduceIncident(incidentId: string, events: readonly AnyEvent[]): IncidentState {
	return finishFold(foldIncident(incidentId, events));
}

/**
 * The fold before its last touches (authors sorted, the declared milestone,
 * warnings about the milestones' order), so that events can still be added to
 * it: `extendFold` continues it without folding again what it holds. Plain
 * data, so a checkpoint can keep it as JSON.
 */
export interface IncidentFold {
	state: IncidentState;
	authors: string[];
	/** The largest event id folded: a new event above it cannot be one already folded. */
	maxId: string;
	/** The largest (at, id) folded, as written or as corrected: a new event after it folds last. */
	last: {at: string; id: string} | undefined;
	/** Ids that retractions and amendments name: an event among them changes what was folded before it. */
	correctionTargets: string[];
}

export function foldIncident(incidentId: string, events: readonly AnyEvent[]): IncidentFold {
	const sorted = [...events].sort(compareEvents);
	const {events: corrected, corrections, retracted, warnings} = applyCorrections(sorted);
	const state = emptyIncidentState(incidentId);
	state.warnings.push(...warnings);
	const authors = new Set<string>();
	const opening = firstOpening(corrected, retracted);
	for (const event of corrected) foldOne(state, authors, event, retracted.has(event.id), opening, corrections.get(event.id));
	const correctionTargets = new Set<string>();
	let maxId = '';
	for (const event of sorted) {
		if (event.id > maxId) maxId = event.id;
		if (isKnownEvent(event) && (event.type === 'event.retracted' || event.type === 'event.amended')) correctionTargets.add(event.target);
	}
	const lastOf = (list: readonly AnyEvent[]) => (list.length > 0 ? {at: list.at(-1)!.at, id: list.at(-1)!.id} : undefined);
	return {state, authors: [...authors], maxId, last: laterOf(lastOf(sorted), lastOf(corrected)), correctionTargets: [...correctionTargets]};
}

/**
 * The fold with `events` added, exactly as folding everything again would give
 * it, or undefined when that needs the whole journal: an event that sorts
 * before one already folded (backdated, or from a slower clock), a correction,
 * an event a correction names, a second copy, an opening. Those are rare; the
 * caller then folds from the start. `fold` itself is left as it was.
 */
export function extendFold(fold: IncidentFold, events: readonly AnyEvent[]): IncidentFold | undefined {
	const added = [...events].sort(compareEvents);
	const targets = new Set(fold.correctionTargets);
	let {maxId, last} = fold;
	for (const event of added) {
		if (event.id <= maxId || (last && compareEvents(event, last) <= 0) || targets.has(event.id)) return undefined;
		if (isKnownEvent(event) && ['event.retracted', 'event.amended', 'incident.opened'].includes(event.type)) return undefined;
		maxId = event.id;
		last = {at: event.at, id: event.id};
	}
	const state = copyForFold(fold.state);
	const authors = new Set(fold.authors);
	for (const event of added) foldOne(state, authors, event, false, undefined, undefined);
	return {state, authors: [...authors], maxId, last, correctionTargets: fold.correctionTargets};
}

export function finishFold(fold: IncidentFold): IncidentState {
	// Only these three change here; the rest is shared with the fold, which extendFold copies before it changes anything.
	const state = {...fold.state, milestones: {...fold.state.milestones}, warnings: [...fold.state.warnings]};
	state.authors = [...fold.authors].sort();
	if (state.openedAt) state.milestones.declared = state.openedAt;
	state.warnings.push(...checkMilestoneOrder(state.milestones));
	if (state.closed && !state.milestones.resolved) {
		state.warnings.push('closed without a resolution milestone: log one (kind resolution, backdated) so the metrics have an end');
	}
	return state;
}

/** New containers for everything folding changes, so a state already handed out never changes under its reader. */
function copyForFold(state: IncidentState): IncidentState {
	return {
		...state,
		roles: {...state.roles},
		checklist: {...state.checklist},
		timeline: [...state.timeline],
		hypotheses: state.hypotheses.map(hypothesis => ({...hypothesis})),
		closure: {...state.closure},
		actions: state.actions.map(action => ({...action})),
		invariants: [...state.invariants],
		publications: [...state.publications],
		milestones: {...state.milestones},
		warnings: [...state.warnings],
		authors: [...state.authors],
		activeEventIds: [...state.activeEventIds],
	};
}

function laterOf(a: {at: string; id: string} | undefined, b: {at: string; id: string} | undefined) {
	if (!a || !b) return a ?? b;
	return compareEvents(a, b) >= 0 ? a : b;
}

/** `opening` is the incident's identity; undefined when the caller knows `event` is no opening. */
function foldOne(
	state: IncidentState,
	authors: Set<string>,
	event: AnyEvent,
	isRetracted: boolean,
	opening: IncidentEvent | undefined,
	correction: Correction | undefined,
): void {
	state.eventCount++;
	authors.add(event.author);
	if (isRetracted) return;
	if (!isKnownEvent(event)) {
		state.activeEventIds.push(event.id);
		addTimeline(state, event, 'unknown', describeEvent(event), undefined);
		return;
	}
	if (event.type === 'event.retracted' || event.type === 'event.amended') return;
	state.activeEventIds.push(event.id);
	if (event.type === 'incident.opened' && event.id !== opening?.id) {
		state.warnings.push(`a second "opened" event by ${event.author} at ${event.at} was ignored; ${opening?.author} opened this incident at ${opening?.at}`);
		return;
	}
	applyEvent(state, event, correction);
}

const NOTE_MILESTONES: Partial<Record<NoteKind, keyof Milestones>> = {
	impact: 'impact',
	detection: 'detected',
	acknowledged: 'acknowledged',
	mitigation: 'mitigated',
	resolution: 'resolved',
};

function applyEvent(state: IncidentState, event: IncidentEvent, correction: Correction | undefined): void {
	const amendedText = correction?.text;
	const text = describeEvent(event, amendedText);
	const amended = correction;
	switch (event.type) {
		case 'incident.opened': {
			state.opened = true;
			state.title = event.title;
			state.severity = event.severity;
			state.environment = event.environment;
			state.openedAt = event.at;
			state.openedBy = event.author;
			state.roles.commander = event.commander;
			state.commanderSince = event.at;
			addTimeline(state, event, 'opened', text, amended);
			return;
		}
		case 'severity.changed':
			state.severity = event.severity;
			addTimeline(state, event, 'severity', text, amended);
			return;
		case 'status.changed':
			state.status = event.status;
			addTimeline(state, event, 'status', text, amended).status = event.status;
			return;
		case 'role.assigned':
			if (event.role === 'commander' && event.handle !== state.roles.commander) {
				state.lastHandover = {from: state.roles.commander ?? event.author, to: event.handle, at: event.at, summary: event.summary};
				state.commanderSince = event.at;
			}
			state.roles[event.role] = event.handle;
			addTimeline(state, event, 'role', text, amended);
			return;
		case 'checklist.ticked':
			state.checklist[event.item] = {eventId: event.id, item: event.item, label: event.label, at: event.at, by: event.by ?? event.author};
			addTimeline(state, event, 'checklist', text, amended);
			return;
		case 'checklist.unticked': {
			// The untick event names its item by key only; the tick it undoes has the label.
			const label = state.checklist[event.item]?.label;
			delete state.checklist[event.item];
			addTimeline(state, event, 'checklist', label === undefined ? text : `Unchecked: ${label}`, amended);
			return;
		}
		case 'note.logged': {
			const milestone = NOTE_MILESTONES[event.kind];
			if (milestone) setMilestone(state.milestones, milestone, event.at);
			if (event.kind === 'communication' && (state.lastCommunicationAt ?? '') < event.at) state.lastCommunicationAt = event.at;
			addTimeline(state, event, event.kind, amendedText ?? event.text, amended);
			return;
		}
		case 'hypothesis.added':
			state.hypotheses.push({
				id: event.id,
				statement: amendedText ?? event.statement,
				test: event.test,
				at: event.at,
				by: event.by ?? event.author,
			});
			addTimeline(state, event, 'hypothesis', text, amended);
			return;
		case 'hypothesis.resolved': {
			const hypothesis = state.hypotheses.find(h => h.id === event.hypothesis);
			if (!hypothesis) {
				state.warnings.push(`a result by ${event.author} names a hypothesis that is not in the journal`);
				return;
			}
			// A second result replaces the first, like an amendment, and says so.
			const previous = hypothesis.result;
			const outcome = {outcome: event.result, evidence: event.evidence, at: event.at, by: event.by ?? event.author, eventId: event.id};
			if (previous) {
				const {previous: _older, ...replaced} = previous;
				hypothesis.result = {...outcome, previous: replaced};
			} else {
				hypothesis.result = outcome;
			}
			const described = describeEvent(event, undefined, hypothesis.statement, previous?.outcome);
			addTimeline(state, event, 'hypothesis', described, amended).outcome = event.result;
			return;
		}
		case 'closure.recorded':
			state.closure[event.field] = event.value;
			return;
		case 'action.added':
			state.actions.push({
				id: event.id,
				description: event.description,
				owner: event.owner,
				priority: event.priority,
				due: event.due,
				status: event.status,
				kind: event.kind,
				bug: event.bug,
				at: event.at,
				by: event.author,
			});
			return;
		case 'action.updated': {
			const action = state.actions.find(a => a.id === event.action);
			if (!action) {
				state.warnings.push(`an update by ${event.author} names a corrective action that is not in the journal`);
				return;
			}
			if (event.description !== undefined) action.description = event.description;
			if (event.owner !== undefined) action.owner = event.owner;
			if (event.priority !== undefined) action.priority = event.priority;
			if (event.due !== undefined) action.due = event.due;
			if (event.status !== undefined) action.status = event.status;
			if (event.kind !== undefined) action.kind = event.kind;
			if (event.bug !== undefined) action.bug = event.bug;
			if (event.ref !== undefined) {
				action.ref = event.ref;
				action.refs = [...(action.refs ?? []), event.ref];
			}
			return;
		}
		case 'invariant.recorded':
			state.invariants.push({
				eventId: event.id,
				kind: event.kind,
				reference: event.reference,
				description: event.description,
				at: event.at,
				by: event.author,
			});
			return;
		case 'incident.closed':
			state.closed = {at: event.at, by: event.author, overrideReason: event.overrideReason};
			state.status = 'resolved';
			addTimeline(state, event, 'closed', text, amended);
			return;
		case 'report.published':
			state.publications.push({path: event.path, template: event.template, commit: event.commit, at: event.at, by: event.author});
			return;
		case 'command.run':
			addTimeline(state, event, 'action', text, amended).command = {
				line: event.command,
				exitCode: event.exitCode,
				durationMs: event.durationMs,
				...(event.evidence === undefined ? {} : {evidence: event.evidence}),
			};
			return;
		case 'change.recorded': {
			// Picked twice (two responders, or twice by one): shown once.
			if (state.timeline.some(entry => entry.change?.hash === event.hash && entry.change.repository === event.repository)) return;
			const {change: kind, hash, commitAuthor: author, subject, repository, tag} = event;
			addTimeline(state, event, 'change', text, amended).change = {kind, hash, author, subject, repository, ...(tag === undefined ? {} : {tag})};
			return;
		}
		case 'event.retracted':
		case 'event.amended':
			return;
	}
}

/**
 * The incident's identity comes from the opening logged first (the smallest
 * ULID, which is made from the moment of logging), not the one with the
 * earliest `at`: `at` may be backdated, so an opening that arrives later with
 * an earlier time must not replace the title, severity and commander. Any
 * other opening is shown once as a warning.
 */
function firstOpening(events: readonly AnyEvent[], retracted: ReadonlySet<string>): IncidentEvent | undefined {
	let first: IncidentEvent | undefined;
	for (const event of events) {
		if (isKnownEvent(event) && event.type === 'incident.opened' && !retracted.has(event.id) && (!first || event.id < first.id)) first = event;
	}
	return first;
}

function addTimeline(
	state: IncidentState,
	event: AnyEvent,
	kind: TimelineKind,
	text: string,
	correction: Correction | undefined,
): TimelineEntry {
	const loggedAt = 'loggedAt' in event && isBackdated(event.at, event.loggedAt) ? event.loggedAt : undefined;
	const by = 'by' in event ? event.by : undefined;
	const entry: TimelineEntry = {eventId: event.id, at: event.at, loggedAt, author: event.author, kind, text, amended: correction !== undefined};
	if (by !== undefined) entry.by = by;
	if (correction) entry.original = originalOf(correction.original, kind);
	state.timeline.push(entry);
	return entry;
}

function originalOf(original: IncidentEvent, kind: TimelineKind): NonNullable<TimelineEntry['original']> {
	return {
		text: describeEvent(original),
		at: original.at,
		kind: original.type === 'note.logged' ? original.kind : kind,
		...(original.by !== undefined ? {by: original.by} : {}),
	};
}

/**
 * Typing a note takes seconds, so every event is written a little after its key
 * press; only a gap of a minute or more is a backdate worth showing.
 */
function isBackdated(at: string, loggedAt: string | undefined): boolean {
	return loggedAt !== undefined && Math.abs(Date.parse(loggedAt) - Date.parse(at)) >= 60_000;
}

/** The earliest in force wins: a later "mitigated" note does not move time to mitigate. */
function setMilestone(milestones: Milestones, name: keyof Milestones, at: string): void {
	const current = milestones[name];
	if (current === undefined || at < current) milestones[name] = at;
}
