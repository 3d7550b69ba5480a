import {matchCommand} from './keys.js';
import type {KeyPress} from './key-press.js';
import type {LiveKeyResult, LiveMode, LiveUi, LiveView, ModeHandler, ModeName, ModeOf} from './live-state.js';
import {browseMode} from './modes/browse.js';
import {chooseMode} from './modes/choose.js';
import {composeMode} from './modes/compose.js';
import {confirmMode} from './modes/confirm.js';
import {detailMode} from './modes/detail.js';
import {dismissMode} from './modes/dismiss.js';
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
	'sent-update': dismissMode,
	wizard: wizardMode,
	detail: detailMode,
};

export function handleLiveKey(ui: LiveUi, press: KeyPress, view: LiveView, now: Date): LiveKeyResult {
	const matched = matchCommand(ui.mode.name, press);
	if (matched?.global) return {ui, effect: {type: 'quit'}};
	// While browsing, the last action's message goes at the next key.
	const current = ui.mode.name === 'browse' ? {...ui, message: undefined} : ui;
	const handler = MODE_HANDLERS[ui.mode.name] as ModeHandler<LiveMode>;
	if (matched) {
		const command = handler.commands[matched.command];
		if (!command) throw new Error(`no handler for ${ui.mode.name} ${matched.command}`);
		return command(current, ui.mode, {view, now, arg: matched.arg});
	}
	if (handler.text && isTypedText(press)) return handler.text(current, ui.mode, press.input, {view, now, paste: press.paste === true});
	return {ui: current};
}
