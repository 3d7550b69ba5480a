import {MASK, maskSecrets} from './secret-mask.js';

// What an evidence file holds: the tail of a command's output as a reader
// would have seen it on the terminal, secrets masked. Pure: the CLI captures
// the bytes, the journal adapter writes the result.

/** The most of a command's output kept as evidence; the start of a longer output is cut. */
export const EVIDENCE_TAIL_BYTES = 64 * 1024;

// CSI (colours, cursor moves), OSC (titles, hyperlinks, clipboard) ended by BEL or ST, and two-byte escapes.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
// What is left of the control characters once lines and tabs are kept.
const OTHER_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const ORPHAN_KEY_END = /^(?:(?!-----BEGIN )[\s\S])*?-----END [A-Z ]*PRIVATE KEY-----/;

export interface CapturedOutput {
	/** The last bytes the command wrote (more than the cap, so that a secret cut by the cap is still seen whole). */
	text: string;
	/** How many bytes `text` was decoded from. */
	capturedBytes: number;
	/** How many bytes it wrote in all. */
	totalBytes: number;
}

/**
 * Escape sequences go, a line redrawn with `\r` (a progress bar) keeps what
 * the terminal finally showed, secrets are masked on the whole capture, and
 * only then is the tail cut to `capBytes`, at a line start.
 */
export function evidenceText(output: CapturedOutput, patterns: readonly RegExp[], capBytes = EVIDENCE_TAIL_BYTES): string {
	const plain = output.text
		.replace(ESCAPE_SEQUENCE, '')
		.split(/\r?\n/)
		.map(line => line.slice(line.lastIndexOf('\r') + 1))
		.join('\n')
		.replace(OTHER_CONTROL, '');
	const cut = output.capturedBytes < output.totalBytes;
	// A key block whose BEGIN line fell before the capture: its body must not survive as plain lines.
	const masked = maskSecrets(cut ? plain.replace(ORPHAN_KEY_END, MASK) : plain, patterns);
	const bytes = new TextEncoder().encode(masked);
	if (!cut && bytes.length <= capBytes) return masked;
	const tail = new TextDecoder().decode(bytes.subarray(Math.max(0, bytes.length - capBytes)));
	// The first line may be a part of one, or of a secret the cut made unrecognisable: it goes.
	const fromLineStart = tail.slice(tail.indexOf('\n') + 1);
	return `[output cut: the command wrote ${output.totalBytes} bytes; the last lines follow]\n${fromLineStart}`;
}
