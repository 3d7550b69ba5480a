// Text is stored exactly as typed, but what reaches a terminal must never be
// able to move the cursor, recolour the screen or retitle the window. Every
// control character becomes a visible stand-in, so nothing is hidden either.

// C0 controls, DEL and C1 controls (0x9b is a one-byte CSI on some terminals).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** A CSI escape sequence (colours, cursor moves), for text that drops them rather than showing them. */
export const CSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// Bidi embeddings, overrides and isolates can reorder what is drawn after them.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

function controlPicture(character: string): string {
	const code = character.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	return `\\x${code.toString(16)}`;
}

/** One line, safe to print: newlines and tabs show as ⏎ and a space. */
export function displaySafe(text: string): string {
	return text
		.replace(/\r\n|\n|\r/g, '⏎')
		.replace(/\t/g, ' ')
		.replace(CONTROL, controlPicture)
		.replace(BIDI_CONTROL, c => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
}
