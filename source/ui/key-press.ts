// Keys are decoded here from the raw input Ink reads, not by Ink's useInput:
// Ink 6.8's useInput throws on some escape sequences (a pasted "ESC[31m" has
// ctrl set and no key name, and it calls startsWith on undefined), and it hands
// over "text\r" typed quickly as one string, losing the Enter.

export interface KeyPress {
	input: string;
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	return?: boolean;
	escape?: boolean;
	tab?: boolean;
	shift?: boolean;
	ctrl?: boolean;
	meta?: boolean;
	erase?: boolean;
	/** Ctrl-J (a line feed), which Enter (a carriage return) is not: a new line in the update composer. */
	lineFeed?: boolean;
	/** Text that arrived with other keys at once (a paste): never a run of hotkeys. */
	paste?: boolean;
	/**
	 * Text read in one go with other keys, outside a bracketed paste: typing that
	 * outran the screen, or a paste from a terminal without bracketed paste. The
	 * live screen splits it into keys again (live-input.ts, forEachKey).
	 */
	typedAhead?: boolean;
}

export function isCtrlC(press: KeyPress): boolean {
	return press.ctrl === true && press.input === 'c';
}

/** Bracketed paste mode: the terminal marks pastes, so a pasted newline is text, not Enter. */
export const ENABLE_BRACKETED_PASTE = '\u001b[?2004h';
export const DISABLE_BRACKETED_PASTE = '\u001b[?2004l';
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

const ESCAPE_SEQUENCES: Readonly<Record<string, Omit<KeyPress, 'input'>>> = {
	'\u001b': {escape: true},
	'\u001b[A': {upArrow: true},
	'\u001bOA': {upArrow: true},
	'\u001b[B': {downArrow: true},
	'\u001bOB': {downArrow: true},
	'\u001b[5~': {pageUp: true},
	'\u001b[6~': {pageDown: true},
	'\u001b[C': {rightArrow: true},
	'\u001bOC': {rightArrow: true},
	'\u001b[D': {leftArrow: true},
	'\u001bOD': {leftArrow: true},
	'\u001b[Z': {tab: true, shift: true},
};

/**
 * Turns one input event (Ink has already split escape sequences from plain
 * text) into key presses. Unknown escape sequences are ignored, never fatal.
 */
export class KeyDecoder {
	private pasting = false;

	decode(raw: string): KeyPress[] {
		if (raw === PASTE_START || raw === PASTE_END) {
			this.pasting = raw === PASTE_START;
			return [];
		}
		// Inside a paste everything is text, stored as pasted (escape sequences too).
		if (this.pasting) return [{input: normalizeNewlines(raw), paste: true}];
		if (raw.startsWith('\u001b')) return decodeEscape(raw);
		return decodePlain(raw);
	}
}

function decodeEscape(raw: string): KeyPress[] {
	const known = ESCAPE_SEQUENCES[raw];
	if (known) return [{input: '', ...known}];
	const after = Array.from(raw.slice(1));
	// Ink reads Esc and a character typed right after it as one "Alt" key. No
	// screen binds Alt keys, so it is the Esc (closing a prompt) and the next key.
	if (after.length === 1) return [{input: '', escape: true}, ...decodePlain(after[0]!)];
	return [];
}

/**
 * Plain text read in one go is either typing that outran the screen ("n" then
 * "rolled back" while the app was busy) or a paste from a terminal without
 * bracketed paste. The first character acts as a key, so a hotkey still opens
 * its prompt; the rest is text, so a pasted line never fires a run of hotkeys.
 */
function decodePlain(raw: string): KeyPress[] {
	const characters = Array.from(raw);
	const presses: KeyPress[] = [];
	if (characters.length > 1 && characters[0]! >= ' ' && characters[0] !== '\u007f') {
		presses.push({input: characters.shift()!});
	}
	const paste = characters.length > 1;
	let text = '';
	const flush = () => {
		if (text !== '') presses.push(paste ? {input: text, paste, typedAhead: true} : {input: text, paste});
		text = '';
	};
	for (const character of characters) {
		const code = character.codePointAt(0)!;
		if (character === '\r' || character === '\n') {
			flush();
			presses.push(character === '\n' ? {input: '', return: true, lineFeed: true} : {input: '', return: true});
		} else if (character === '\u007f' || character === '\b') {
			if (text !== '') text = Array.from(text).slice(0, -1).join('');
			else presses.push({input: '', erase: true});
		} else if (character === '\t') {
			flush();
			presses.push({input: '', tab: true});
		} else if (code < 0x20) {
			flush();
			presses.push({input: String.fromCharCode(code + 0x60), ctrl: true});
		} else {
			text += character;
		}
	}
	flush();
	return presses;
}

function normalizeNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}
