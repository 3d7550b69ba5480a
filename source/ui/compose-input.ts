import type {KeyPress} from './key-press.js';
import {withoutRefusal, type LiveKeyResult, type LiveMode, type LiveUi} from './live-input.js';
import {editText} from './text-editing.js';

/** The update composer: type or trim at the end, Ctrl-J for a new line, Enter sends, Esc drops it. */
export function handleComposeKey(ui: LiveUi, mode: Extract<LiveMode, {name: 'compose'}>, press: KeyPress): LiveKeyResult {
	if (press.lineFeed) return {ui: {...withoutRefusal(ui), mode: {...mode, value: `${mode.value}\n`}}};
	const edit = editText(mode.value, press);
	if (edit.type === 'edit') return {ui: {...withoutRefusal(ui), mode: {...mode, value: edit.value}}};
	if (edit.type === 'cancel') return {ui: {...ui, mode: {name: 'browse'}, message: {text: 'update not sent', tone: 'info'}}};
	if (edit.type !== 'submit' || mode.value.trim() === '') return {ui};
	return {
		ui: {...ui, mode: {name: 'sent-update', text: mode.value}},
		effect: {type: 'send-update', text: mode.value, pressedAt: mode.pressedAt},
	};
}
