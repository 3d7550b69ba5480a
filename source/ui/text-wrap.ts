import stringWidth from 'string-width';
import {displaySafe} from '../core/display-safe.js';

// Text measured as the terminal draws it: CJK characters and most emoji take
// two columns, a combining accent none. `.length` counts UTF-16 code units and
// gets all three wrong, so everything that fits text into columns goes
// through here (string-width, the measure Ink itself uses).

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

const graphemesOf = (text: string): string[] => Array.from(graphemes.segment(text), part => part.segment);

export const textWidth = (text: string): number => stringWidth(text);

/** `text` made display-safe and cut to at most `width` columns, ending in `…` when something was cut. */
export function truncateToWidth(unsafe: string, width: number): string {
	// Measured as drawn: a control character's stand-in is wider than the character.
	const text = displaySafe(unsafe);
	if (stringWidth(text) <= width) return text;
	if (width <= 0) return '';
	let kept = '';
	let used = 0;
	for (const grapheme of graphemesOf(text)) {
		const next = stringWidth(grapheme);
		if (used + next > width - 1) break;
		kept += grapheme;
		used += next;
	}
	return `${kept}…`;
}

/** `text` made display-safe, cut or padded with spaces to exactly `width` columns. */
export function fitToWidth(text: string, width: number): string {
	const cut = truncateToWidth(text, width);
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/** The last graphemes of `text` that fit in `width` columns: where a cursor at the end is. */
export function endOfWidth(text: string, width: number): string {
	const parts = graphemesOf(text);
	let used = 0;
	let start = parts.length;
	while (start > 0) {
		const next = stringWidth(parts[start - 1]!);
		if (used + next > width) break;
		used += next;
		start--;
	}
	return parts.slice(start).join('');
}

/**
 * Display-safe lines of at most `width` columns: the text's own line breaks
 * kept, words moved whole to the next line when they fit on one, longer ones
 * broken. Stops after `maxLines` (a 65 KB paste costs only what is shown);
 * `complete` says whether every line was made.
 */
export function wrapText(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): {lines: string[]; complete: boolean} {
	const lines: string[] = [];
	const room = Math.max(1, width);
	const full = () => lines.length >= maxLines;
	for (const paragraph of text.split(/\r\n|\n|\r/)) {
		if (full()) return {lines, complete: false};
		let line = '';
		let used = 0;
		const flush = () => {
			lines.push(line.trimEnd());
			line = '';
			used = 0;
		};
		for (const word of displaySafe(paragraph).split(/(?<= )/)) {
			const wordWidth = stringWidth(word.trimEnd());
			if (used > 0 && used + wordWidth > room) {
				flush();
				if (full()) return {lines, complete: false};
			}
			if (wordWidth <= room - used) {
				line += word;
				used += stringWidth(word);
				continue;
			}
			// A word longer than a whole line is broken where the line ends.
			for (const grapheme of graphemesOf(word)) {
				const next = stringWidth(grapheme);
				if (used + next > room && used > 0) {
					flush();
					if (full()) return {lines, complete: false};
				}
				line += grapheme;
				used += next;
			}
		}
		lines.push(line.trimEnd());
	}
	return {lines: lines.slice(0, maxLines), complete: lines.length <= maxLines};
}
