import {describe, expect, it} from 'vitest';
import {footerLine, KEY_TABLE, keysOf, matchCommand} from '../../source/ui/keys.js';
import {MODE_HANDLERS} from '../../source/ui/live-input.js';
import type {ModeName} from '../../source/ui/live-state.js';

// The key table is the one source: what it lists is what the handlers do.

const MODES = Object.keys(MODE_HANDLERS) as ModeName[];

describe('the key table', () => {
	it.each(MODES)('%s: every command in the table has a handler, and every handler is in the table', mode => {
		const listed = keysOf(mode).map(entry => entry.command).sort();
		expect(Object.keys(MODE_HANDLERS[mode].commands).sort()).toEqual(listed);
	});

	it('names only modes that have a handler, and each command of a mode once', () => {
		for (const entry of KEY_TABLE) expect([...MODES, 'global']).toContain(entry.mode);
		const names = KEY_TABLE.map(entry => `${entry.mode} ${entry.command}`);
		expect(new Set(names).size).toBe(names.length);
	});

	it('documents every browse key for the help overlay', () => {
		for (const entry of keysOf('browse')) expect(entry.help, entry.command).toBeTruthy();
	});

	it.each([
		['browse', {input: 'n'}, {command: 'log', arg: 'note'}],
		['browse', {input: 'U'}, {command: 'update'}],
		['browse', {input: 'u'}, {command: 'undo'}],
		['browse', {input: '', tab: true}, {command: 'pane', arg: 'next'}],
		['browse', {input: '', tab: true, shift: true}, {command: 'pane', arg: 'previous'}],
		['browse', {input: '', pageDown: true}, {command: 'move', arg: 'page-down'}],
		['browse', {input: 'n', ctrl: true}, undefined],
		['browse', {input: 'n', meta: true}, undefined],
		['browse', {input: 'q', paste: true}, undefined],
		['text', {input: 'c', ctrl: true}, {command: 'quit', global: true}],
		['text', {input: 'q'}, undefined],
		['text', {input: '', return: true, lineFeed: true}, {command: 'submit'}],
		['compose', {input: '', return: true, lineFeed: true}, {command: 'new-line'}],
		['compose', {input: '', return: true}, {command: 'send'}],
		['wizard', {input: '', tab: true, shift: true}, {command: 'back'}],
		['help', {input: 'pasted text', paste: true}, {command: 'close'}],
	] as const)('%s: %o runs %o', (mode, press, expected) => {
		expect(matchCommand(mode, press)).toEqual(expected);
	});

	it('shows only the keys of the mode on screen in the footer', () => {
		expect(footerLine('browse')).toMatch(/^\? help · q quit · n d a m c e log/);
		expect(footerLine('text')).toBe('Enter saves (empty is fine) · Esc cancels · Backspace deletes · Ctrl-U clears · Ctrl-W deletes a word · Start with @HH:MM (UTC) or @-5m to backdate');
		for (const mode of MODES.filter(name => name !== 'browse')) expect(footerLine(mode), mode).not.toMatch(/q quit|w wizard|p publish/);
		expect(footerLine('wizard')).toMatch(/^Enter saves · Tab skips · Shift-Tab back · Esc leaves/);
	});
});
