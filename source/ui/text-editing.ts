import type {KeyPress} from './key-press.js';

// Line editing for every prompt that takes text. Kept in plain state updated
// per key (not ink-text-input, which computes each value from the last render
// and drops characters typed faster than a frame: test/ui/text-input-choice.test.tsx).

export const EDIT_COMMANDS = ['erase', 'clear', 'delete-word'] as const;
export type EditCommand = (typeof EDIT_COMMANDS)[number];

export function applyEdit(value: string, command: EditCommand): string {
	switch (command) {
		case 'erase':
			return Array.from(value).slice(0, -1).join('');
		case 'clear':
			return '';
		case 'delete-word':
			return value.replace(/\S+\s*$/, '');
	}
}

/** Characters to insert: not a control key, an arrow or an Alt combination. */
export function isTypedText(press: KeyPress): boolean {
	return press.input !== '' && !press.ctrl && !press.meta;
}

/** The editing commands as handlers, given how a mode stores its text. */
export function editingCommands<Handler>(edit: (command: EditCommand) => Handler): Record<EditCommand, Handler> {
	return {erase: edit('erase'), clear: edit('clear'), 'delete-word': edit('delete-word')};
}

export type TextEdit = {type: 'edit'; value: string} | {type: 'submit'} | {type: 'cancel'} | {type: 'ignore'};

/** One key applied to a one-line field of a screen without a key table (the start screen). */
export function editText(value: string, press: KeyPress): TextEdit {
	if (press.escape) return {type: 'cancel'};
	if (press.return) return {type: 'submit'};
	if (press.erase) return {type: 'edit', value: applyEdit(value, 'erase')};
	if (press.ctrl && press.input === 'u') return {type: 'edit', value: applyEdit(value, 'clear')};
	if (press.ctrl && press.input === 'w') return {type: 'edit', value: applyEdit(value, 'delete-word')};
	return isTypedText(press) && !press.tab ? {type: 'edit', value: value + press.input} : {type: 'ignore'};
}
