import {compareEvents, isKnownEvent, type AnyEvent, type IncidentEvent} from './events.js';
import {describeEvent} from './describe-event.js';
import {emptyIncidentState, type IncidentState, type Milestones, type TimelineEntry, type TimelineKind} from './incident-state.js';
import {checkMilestoneOrder} from './metrics.js';

/**
 * Folds the merged events of all authors into incident state. Pure and
 * order-independent for retractions and amendments: a retraction synced from a
 * machine with a slow clock can sort before its target and still applies.
 */
export function reduceIncident(incidentId: string, events: readonly AnyEvent[]): IncidentState {
	const sorted = [...events].sort(compareEvents);
	const retracted = findRetracted(sorted);
	const amendments = latestAmendments(sorted, retracted);
	const state = emptyIncidentState(incidentId);
	const authors = new Set<string>();
	const opening = firstOpening(sorted, retracted);

	for (const event of sorted) {
		state.eventCount++;
		authors.add(event.author);
		if (retracted.has(event.id)) continue;
		if (!isKnownEvent(event)) {
			state.activeEventIds.push(event.id);
			addTimeline(state, event, 'unknown', describeEvent(event), false);
			continue;
		}
		if (event.type === 'event.retracted' || event.type === 'event.amended') continue;
		state.activeEventIds.push(event.id);
		if (event.type === 'incident.opened' && event.id !== opening?.id) {
			state.warnings.push(`a second "opened" event by ${event.author} at ${event.at} was ignored; ${opening?.author} opened this incident at ${opening?.at}`);
			continue;
		}
		applyEvent(state, event, amendments.get(event.id));
	}

	state.authors = [...authors].sort();
	state.warnings.push(...checkMilestoneOrder(state.milestones));
	return state;
}

function applyEvent(state: IncidentState, event: IncidentEvent, amendedText: string | undefined): void {
	const text = describeEvent(event, amendedText);
	const amended = amendedText !== undefined;
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
			if (event.status === 'monitoring') setMilestone(state.milestones, 'mitigated', event.at);
			if (event.status === 'resolved') setMilestone(state.milestones, 'resolved', event.at);
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
			state.checklist[event.item] = {eventId: event.id, item: event.item, label: event.label, at: event.at, by: event.author};
			if (isAcknowledgeItem(event.item)) setMilestone(state.milestones, 'acknowledged', event.at);
			addTimeline(state, event, 'checklist', text, amended);
			return;
		case 'checklist.unticked':
			delete state.checklist[event.item];
			addTimeline(state, event, 'checklist', text, amended);
			return;
		case 'note.logged':
			if (event.kind === 'detection') setMilestone(state.milestones, 'detected', event.at);
			if (event.kind === 'acknowledged') setMilestone(state.milestones, 'acknowledged', event.at);
			if (event.kind === 'mitigation') setMilestone(state.milestones, 'mitigated', event.at);
			if (event.kind === 'resolution') setMilestone(state.milestones, 'resolved', event.at);
			if (event.kind === 'communication' && (state.lastCommunicationAt ?? '') < event.at) state.lastCommunicationAt = event.at;
			addTimeline(state, event, event.kind, amendedText ?? event.text, amended);
			return;
		case 'hypothesis.added':
			state.hypotheses.push({
				id: event.id,
				statement: amendedText ?? event.statement,
				test: event.test,
				at: event.at,
				by: event.author,
			});
			addTimeline(state, event, 'hypothesis', text, amended);
			return;
		case 'hypothesis.resolved': {
			const hypothesis = state.hypotheses.find(h => h.id === event.hypothesis);
			if (!hypothesis) {
				state.warnings.push(`a result by ${event.author} names a hypothesis that is not in the journal`);
				return;
			}
			hypothesis.result = {outcome: event.result, evidence: event.evidence, at: event.at, by: event.author, eventId: event.id};
			addTimeline(state, event, 'hypothesis', describeEvent(event, undefined, hypothesis.statement), amended).outcome = event.result;
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
			setMilestone(state.milestones, 'resolved', event.at);
			addTimeline(state, event, 'closed', text, amended);
			return;
		case 'report.published':
			state.publications.push({path: event.path, template: event.template, commit: event.commit, at: event.at, by: event.author});
			return;
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
	amended: boolean,
): TimelineEntry {
	const loggedAt = 'loggedAt' in event && isBackdated(event.at, event.loggedAt) ? event.loggedAt : undefined;
	const entry: TimelineEntry = {eventId: event.id, at: event.at, loggedAt, author: event.author, kind, text, amended};
	state.timeline.push(entry);
	return entry;
}

/**
 * Typing a note takes seconds, so every event is written a little after its key
 * press; only a gap of a minute or more is a backdate worth showing.
 */
function isBackdated(at: string, loggedAt: string | undefined): boolean {
	return loggedAt !== undefined && Math.abs(Date.parse(loggedAt) - Date.parse(at)) >= 60_000;
}

/** The first time wins: a later "mitigated" note does not move time to mitigate. */
function setMilestone(milestones: Milestones, name: keyof Milestones, at: string): void {
	if (milestones[name] === undefined || at < milestones[name]) milestones[name] = at;
}

function isAcknowledgeItem(item: string): boolean {
	return item === 'acknowledge' || item.endsWith('/acknowledge');
}

/**
 * An event is retracted when a retraction that is itself still in force names
 * it, so undoing an undo brings the event back.
 */
function findRetracted(events: readonly AnyEvent[]): Set<string> {
	const retractionsOf = new Map<string, string[]>();
	for (const event of events) {
		if (isKnownEvent(event) && event.type === 'event.retracted') {
			const list = retractionsOf.get(event.target) ?? [];
			list.push(event.id);
			retractionsOf.set(event.target, list);
		}
	}
	const memo = new Map<string, boolean>();
	const isRetracted = (id: string, depth: number): boolean => {
		const known = memo.get(id);
		if (known !== undefined) return known;
		const retractions = retractionsOf.get(id) ?? [];
		const result = depth < 64 && retractions.some(r => !isRetracted(r, depth + 1));
		memo.set(id, result);
		return result;
	};
	const retracted = new Set<string>();
	for (const id of retractionsOf.keys()) if (isRetracted(id, 0)) retracted.add(id);
	return retracted;
}

function latestAmendments(events: readonly AnyEvent[], retracted: ReadonlySet<string>): Map<string, string> {
	const amendments = new Map<string, string>();
	for (const event of events) {
		if (isKnownEvent(event) && event.type === 'event.amended' && !retracted.has(event.id)) {
			amendments.set(event.target, event.text);
		}
	}
	return amendments;
}
