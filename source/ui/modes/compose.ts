import {toBrowse, withoutRefusal, type LiveKeyResult, type LiveUi, type ModeHandler, type ModeOf} from '../live-state.js';
import {applyEdit, editingCommands} from '../text-editing.js';

// The stakeholder update: add or trim at the end, a new line with Ctrl-J;
// Enter sends it (logged, and copied through the terminal) and leaves it on
// screen until the next key, which acts as usual; Esc drops it.

type ComposeMode = ModeOf<'compose'>;

const typed = (ui: LiveUi, mode: ComposeMode, value: string): LiveKeyResult => ({ui: {...withoutRefusal(ui), mode: {...mode, value}}});

export const composeMode: ModeHandler<ComposeMode> = {
	commands: {
		'new-line': (ui, mode) => typed(ui, mode, `${mode.value}\n`),
		send: (ui, mode) => {
			if (mode.value.trim() === '') return {ui};
			return {ui: {...toBrowse(ui), sentUpdate: mode.value}, effect: {type: 'send-update', text: mode.value, at: mode.pressedAt}};
		},
		cancel: ui => ({ui: {...ui, mode: {name: 'browse'}, message: {text: 'update not sent', tone: 'info'}}}),
		...editingCommands(command => (ui: LiveUi, mode: ComposeMode) => typed(ui, mode, applyEdit(mode.value, command))),
	},
	text: (ui, mode, text) => typed(ui, mode, mode.value + text),
};
