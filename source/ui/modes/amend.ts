import {describeAmendment} from '../../core/describe-event.js';
import {NOTE_KINDS, type NoteKind} from '../../core/events.js';
import type {TimelineEntry, TimelineKind} from '../../core/incident-state.js';
import {parsePromptPrefix} from '../../core/when.js';
import {
	info,
	refuse,
	selectedTimelineEntry,
	toBrowse,
	type AmendTarget,
	type LiveKeyResult,
	type LiveUi,
	type LiveView,
} from '../live-state.js';
import {textProblem} from '../prompt-rules.js';

// Correcting the event selected in the timeline (README "Correcting"): `E`
// amends its time, doer or text in the prompt grammar, `K` a note's kind, `u`
// retracts it. Nothing is rewritten: each writes one event that says what changed.

const isNoteKind = (kind: TimelineKind): kind is NoteKind => (NOTE_KINDS as readonly string[]).includes(kind);

/** The selected event, when the timeline has focus; otherwise what to do first. */
function selectedEvent(ui: LiveUi, view: LiveView, doing: string): TimelineEntry | LiveKeyResult {
	if (ui.focus !== 'timeline') return {ui: info(ui, `tab to the timeline and select the event to ${doing}`)};
	const entry = selectedTimelineEntry(ui, view);
	if (!entry) return {ui: info(ui, `the timeline is empty; nothing to ${doing}`)};
	if (entry.kind === 'unknown') return {ui: info(ui, `that event is from a newer version of incident-tui; it cannot be changed here`)};
	return entry;
}

const isEntry = (value: TimelineEntry | LiveKeyResult): value is TimelineEntry => 'eventId' in value;

/** `@2026-11-25 15:01`, with seconds only when it has some, so an untouched prompt changes nothing. */
function whenOf(at: string): string {
	const iso = new Date(at).toISOString();
	const seconds = iso.slice(17, 19);
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

export function startAmendment(ui: LiveUi, view: LiveView, now: Date): LiveKeyResult {
	const entry = selectedEvent(ui, view, 'amend');
	if (!isEntry(entry)) return entry;
	// Only a note's text and a hypothesis's statement are text an amendment can replace (core/corrections.ts).
	const statement = entry.kind === 'hypothesis' && entry.outcome === undefined ? view.hypotheses.find(h => h.id === entry.eventId)?.statement : undefined;
	const text = isNoteKind(entry.kind) ? entry.text : statement;
	const target: AmendTarget = {eventId: entry.eventId, at: entry.at, owner: entry.by ?? entry.author, summary: entry.text, ...(text === undefined ? {} : {text})};
	const value = `@${whenOf(entry.at)} @${target.owner}: ${text ?? ''}`;
	return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'amend', target}, value, pressedAt: now}}};
}

/** Enter on the amend prompt: one amendment with the fields that changed, or nothing. */
export function submitAmendment(ui: LiveUi, target: AmendTarget, value: string, pressedAt: Date, now: Date): LiveKeyResult {
	const prefix = parsePromptPrefix(value, pressedAt);
	if (prefix.error) return {ui: refuse(ui, `not amended: ${prefix.error}`)};
	const change: {happenedAt?: string; doer?: string; text?: string} = {};
	// The prompt shows whole seconds: the same second is the same time.
	if (prefix.at && Math.floor(prefix.at.getTime() / 1000) !== Math.floor(Date.parse(target.at) / 1000)) change.happenedAt = prefix.at.toISOString();
	if (prefix.by && prefix.by !== target.owner) change.doer = prefix.by;
	if (target.text === undefined) {
		if (prefix.text.trim() !== '') return {ui: refuse(ui, 'only a note or a hypothesis has text to amend; change the time or @name:, or Esc')};
	} else if (prefix.text !== target.text) {
		if (prefix.text.trim() === '') return {ui: refuse(ui, 'an amendment cannot empty the text; Esc, then u retracts the event')};
		const problem = textProblem(prefix.text);
		if (problem) return {ui: refuse(ui, problem)};
		change.text = prefix.text;
	}
	if (Object.keys(change).length === 0) return {ui: toBrowse(ui, 'nothing changed; nothing written')};
	const event = {type: 'event.amended', target: target.eventId, ...change} as const;
	const confirmation = describeAmendment(target, {at: change.happenedAt, owner: change.doer, text: change.text}, now);
	return {ui: toBrowse(ui), effect: {type: 'record', event, at: pressedAt, confirmation}};
}

export function startKindChange(ui: LiveUi, view: LiveView, now: Date): LiveKeyResult {
	const entry = selectedEvent(ui, view, 'change the kind of');
	if (!isEntry(entry)) return entry;
	if (!isNoteKind(entry.kind)) return {ui: info(ui, 'only a note has a kind; E amends the time or doer of this one')};
	const purpose = {kind: 'note-kind', target: entry.eventId, current: entry.kind} as const;
	return {ui: {...ui, mode: {name: 'choose', purpose, index: NOTE_KINDS.indexOf(entry.kind), pressedAt: now}}};
}

/** The kind picked for a note: an amendment when it differs. */
export function amendKind(ui: LiveUi, target: string, current: NoteKind, kind: NoteKind, pressedAt: Date): LiveKeyResult {
	if (kind === current) return {ui: toBrowse(ui, 'kind unchanged; nothing written')};
	const event = {type: 'event.amended', target, kind} as const;
	return {ui: toBrowse(ui), effect: {type: 'record', event, at: pressedAt, confirmation: `Amended: kind ${current} → ${kind}`}};
}

/** `u` with the timeline focused: retract the selected event, anyone's, after y/n. */
export function startRetraction(ui: LiveUi, view: LiveView): LiveKeyResult {
	const entry = selectedEvent(ui, view, 'retract');
	if (!isEntry(entry)) return entry;
	if (entry.kind === 'opened') return {ui: info(ui, 'the opening is never retracted; E amends its time (declared)')};
	const doer = entry.by && entry.by !== entry.author ? ` (done by ${entry.by})` : '';
	const summary = `${entry.author}'s ${entry.kind}${doer}: ${entry.text}`;
	return {ui: {...ui, mode: {name: 'confirm', targetId: entry.eventId, summary}}};
}
