import {matchCommand} from './keys.js';
import type {KeyPress} from './key-press.js';
import type {LiveKeyResult, LiveMode, LiveUi, LiveView, ModeHandler, ModeName, ModeOf} from './live-state.js';
import {browseMode} from './modes/browse.js';
import {chooseMode} from './modes/choose.js';
import {composeMode} from './modes/compose.js';
import {confirmMode} from './modes/confirm.js';
import {detailMode} from './modes/detail.js';
import {helpMode} from './modes/help.js';
import {textMode} from './modes/text.js';
import {wizardMode} from './modes/wizard.js';
import {isTypedText} from './text-editing.js';

// What each key does on the live screen, as a pure function of the screen's
// state: the key table (keys.ts) names the command, the mode's handler
// (modes/) returns the next UI state and at most one effect. The controller
// runs the effect; nothing here touches files.

export const MODE_HANDLERS: {readonly [Name in ModeName]: ModeHandler<ModeOf<Name>>} = {
	browse: browseMode,
	help: helpMode,
	text: textMode,
	choose: chooseMode,
	confirm: confirmMode,
	compose: composeMode,
	wizard: wizardMode,
	detail: detailMode,
};

export interface LiveKeyOutcome extends LiveKeyResult {
	/** The key did nothing in its mode: no command of the mode, and not text it takes. */
	idle?: boolean;
}

export function handleLiveKey(ui: LiveUi, press: KeyPress, view: LiveView, now: Date): LiveKeyOutcome {
	const matched = matchCommand(ui.mode.name, press);
	if (matched?.global) return {ui, effect: {type: 'quit'}};
	// While browsing, the last action's message and the sent update go at the next key.
	const current = ui.mode.name === 'browse' ? {...ui, message: undefined, sentUpdate: undefined} : ui;
	const handler = MODE_HANDLERS[ui.mode.name] as ModeHandler<LiveMode>;
	if (matched) {
		const command = handler.commands[matched.command];
		if (!command) throw new Error(`no handler for ${ui.mode.name} ${matched.command}`);
		return command(current, ui.mode, {view, now, arg: matched.arg});
	}
	if (!handler.text || !isTypedText(press)) return {ui: current, idle: true};
	const result = handler.text(current, ui.mode, press.input, {view, now, paste: press.paste === true});
	return result.ui === current && !result.effect ? {...result, idle: true} : result;
}

/**
 * Hands `act` the keys one decoded press stands for, and `act` says whether
 * each did anything. Text typed ahead of the screen (read at once with other
 * keys) is split into its characters again, so a key right after a mode change
 * (Enter that saved a note, Esc, a choice) acts in the new mode: a hotkey in
 * browse, text in a prompt. Once a character does nothing, the rest of the run
 * is a paste to that mode, so an unmarked paste never fires a run of hotkeys.
 */
export function forEachKey(press: KeyPress, act: (press: KeyPress) => boolean): void {
	if (!press.typedAhead) {
		act(press);
		return;
	}
	const characters = Array.from(press.input);
	for (const [index, character] of characters.entries()) {
		if (act({input: character})) continue;
		const rest = characters.slice(index + 1).join('');
		if (rest !== '') act({input: rest, paste: true});
		return;
	}
}
