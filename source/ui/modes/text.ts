import {hypothesisResultLabel} from '../../core/describe-event.js';
import type {EventPayload} from '../../core/events.js';
import {formatWhenConfirmation} from '../../core/time-format.js';
import {parsePromptPrefix, parseWhen, type PromptPrefix} from '../../core/when.js';
import {
	info,
	refuse,
	toBrowse,
	withoutRefusal,
	type LiveEffect,
	type LiveKeyResult,
	type LiveUi,
	type ModeHandler,
	type ModeOf,
	type PromptTimes,
	type TextPurpose,
} from '../live-state.js';
import {submitAmendment} from './amend.js';
import {handleProblem, textProblem} from '../prompt-rules.js';
import {applyEdit, editingCommands} from '../text-editing.js';

// A one-line prompt: a note, a hypothesis and its test, evidence, a handle, a
// hand-over note. Enter turns the text into an event (or the next prompt).

type TextMode = ModeOf<'text'>;

const typed = (ui: LiveUi, mode: TextMode, value: string): LiveKeyResult => ({ui: {...withoutRefusal(ui), mode: {...mode, value}}});

export const textMode: ModeHandler<TextMode> = {
	commands: {
		submit: (ui, mode, {now}) => submitText(ui, mode, now),
		cancel: ui => ({ui: toBrowse(ui, 'cancelled; nothing logged')}),
		...editingCommands(command => (ui: LiveUi, mode: TextMode) => typed(ui, mode, applyEdit(mode.value, command))),
	},
	text: (ui, mode, text) => typed(ui, mode, mode.value + text),
};

const ask = (ui: LiveUi, purpose: TextPurpose, pressedAt: Date): LiveKeyResult => ({ui: {...ui, mode: {name: 'text', purpose, value: '', pressedAt}}});

/**
 * An event at the prompt's `@WHEN` (written down at Enter) and by its `@name:`,
 * else at the key that opened the prompt. A later prompt's own prefix wins over
 * what an earlier one of the same event carried.
 */
function timed(event: EventPayload, times: PromptTimes, pressedAt: Date, now: Date): Extract<LiveEffect, {type: 'record'}> {
	return {type: 'record', event, at: times.at ?? pressedAt, ...(times.at ? {loggedAt: now} : {}), ...(times.by ? {by: times.by} : {})};
}

const timesOf = (prefix: PromptPrefix, carried: PromptTimes = {}): PromptTimes => ({
	...carried,
	...(prefix.at ? {at: prefix.at} : {}),
	...(prefix.by ? {by: prefix.by} : {}),
});

function submitText(ui: LiveUi, mode: TextMode, now: Date): LiveKeyResult {
	const browse = toBrowse(ui);
	const {purpose, value, pressedAt} = mode;
	if (purpose.kind === 'amend') return submitAmendment(ui, purpose.target, value, pressedAt, now);
	if (purpose.kind === 'pending-time') return setPendingTime(ui, value, pressedAt);
	// A command line is the shell's text: `@` there is not a time.
	if (purpose.kind === 'command-line') {
		const line = value.trim();
		return line === '' ? {ui: info(browse, 'no command given; nothing run')} : {ui: browse, effect: {type: 'run-command', line}};
	}
	// `@WHEN` and `@name:` at the start of any prompt (README "Backdating"), read against the key that opened it.
	const prefix = parsePromptPrefix(value, pressedAt);
	if (prefix.error) return {ui: refuse(ui, `not logged: ${prefix.error}`)};
	const {text} = prefix;
	switch (purpose.kind) {
		case 'note': {
			const event = {type: 'note.logged', kind: purpose.noteKind, text} as const;
			return {ui: browse, effect: {type: 'record', event, at: prefix.at ?? pressedAt, loggedAt: now, ...(prefix.by ? {by: prefix.by} : {})}};
		}
		case 'hypothesis-statement': {
			if (text.trim() === '') return {ui: info(browse, 'a hypothesis needs a statement; nothing logged')};
			const problem = textProblem(text);
			if (problem) return {ui: refuse(ui, problem)};
			return ask(ui, {kind: 'hypothesis-test', statement: text, times: timesOf(prefix)}, pressedAt);
		}
		case 'hypothesis-test':
			return {ui: browse, effect: timed({type: 'hypothesis.added', statement: purpose.statement, test: text}, timesOf(prefix, purpose.times), pressedAt, now)};
		case 'evidence': {
			const event = {type: 'hypothesis.resolved', hypothesis: purpose.hypothesisId, result: purpose.result, evidence: text} as const;
			const changed = purpose.replaces ? ` (changed from ${hypothesisResultLabel(purpose.replaces)})` : '';
			const effect = timed(event, timesOf(prefix), pressedAt, now);
			const confirmation = `${purpose.ref} ${hypothesisResultLabel(purpose.result)}${changed} at ${formatWhenConfirmation(effect.at, now)}`;
			return {ui: browse, effect: {...effect, confirmation}};
		}
		case 'role-handle': {
			const handle = text.trim().replace(/^@/, '');
			if (handle === '') return {ui: info(browse, 'no handle given; nothing assigned')};
			const problem = handleProblem(handle);
			if (problem) return {ui: refuse(ui, problem)};
			if (purpose.role === 'commander') return ask(ui, {kind: 'handover-summary', handle, times: timesOf(prefix)}, pressedAt);
			return {ui: browse, effect: timed({type: 'role.assigned', role: purpose.role, handle}, timesOf(prefix), pressedAt, now)};
		}
		case 'handover-summary': {
			const summary = text.trim();
			const event = {type: 'role.assigned', role: 'commander', handle: purpose.handle, ...(summary ? {summary} : {})} as const;
			return {ui: browse, effect: timed(event, timesOf(prefix, purpose.times), pressedAt, now)};
		}
	}
}

/** `@`'s prompt: a WHEN (the `@` is optional), or nothing to clear the pending time. */
function setPendingTime(ui: LiveUi, value: string, pressedAt: Date): LiveKeyResult {
	const when = value.trim().replace(/^@/, '');
	if (when === '') {
		const {pendingAt: _cleared, ...rest} = ui;
		return {ui: toBrowse(rest, 'no time set: actions are timed at their key press')};
	}
	const parsed = parseWhen(when, pressedAt);
	if (!parsed.ok) return {ui: refuse(ui, `not set: ${parsed.reason}`)};
	// The bottom line shows it from now on (PromptLine), until it is used or cleared.
	return {ui: toBrowse({...withoutRefusal(ui), pendingAt: parsed.at})};
}
