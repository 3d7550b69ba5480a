import {parsePromptPrefix} from '../../core/when.js';
import {
	info,
	record,
	refuse,
	toBrowse,
	withoutRefusal,
	type LiveKeyResult,
	type LiveUi,
	type ModeHandler,
	type ModeOf,
	type TextPurpose,
} from '../live-state.js';
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

function submitText(ui: LiveUi, mode: TextMode, now: Date): LiveKeyResult {
	const browse = toBrowse(ui);
	const {purpose, value, pressedAt} = mode;
	switch (purpose.kind) {
		case 'note': {
			// `@WHEN` and `@name:` at the start (README "Backdating"), read against the key that opened the prompt.
			const prefix = parsePromptPrefix(value, pressedAt);
			if (prefix.error) return {ui: refuse(ui, `not logged: ${prefix.error}`)};
			const event = {type: 'note.logged', kind: purpose.noteKind, text: prefix.text} as const;
			return {ui: browse, effect: {type: 'record', event, at: prefix.at ?? pressedAt, loggedAt: now, ...(prefix.by ? {by: prefix.by} : {})}};
		}
		case 'hypothesis-statement': {
			if (value.trim() === '') return {ui: info(browse, 'a hypothesis needs a statement; nothing logged')};
			const problem = textProblem(value);
			if (problem) return {ui: refuse(ui, problem)};
			return ask(ui, {kind: 'hypothesis-test', statement: value}, pressedAt);
		}
		case 'hypothesis-test':
			return {ui: browse, effect: record({type: 'hypothesis.added', statement: purpose.statement, test: value}, pressedAt)};
		case 'evidence':
			return {
				ui: browse,
				effect: record({type: 'hypothesis.resolved', hypothesis: purpose.hypothesisId, result: purpose.result, evidence: value}, pressedAt),
			};
		case 'role-handle': {
			const handle = value.trim().replace(/^@/, '');
			if (handle === '') return {ui: info(browse, 'no handle given; nothing assigned')};
			const problem = handleProblem(handle);
			if (problem) return {ui: refuse(ui, problem)};
			if (purpose.role === 'commander') return ask(ui, {kind: 'handover-summary', handle}, pressedAt);
			return {ui: browse, effect: record({type: 'role.assigned', role: purpose.role, handle}, pressedAt)};
		}
		case 'handover-summary': {
			const summary = value.trim();
			const event = {type: 'role.assigned', role: 'commander', handle: purpose.handle, ...(summary ? {summary} : {})} as const;
			return {ui: browse, effect: record(event, pressedAt)};
		}
	}
}
