// Ink measures the same text again and again: each text node in layout, each
// line again when it draws the node, each character of each line once a
// frame; our own wrapping measures each word of the timeline at every render.
// build.mjs puts this in front of every string-width of the bundle (Ink's,
// wrap-ansi's, ours), so text already measured costs a Map lookup.

type Measure = (text: string, options?: object) => number;

/** Longer texts are measured every time: a 64 KB paste must not stay in memory. */
const LONGEST_REMEMBERED = 512;
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

/**
 * `measure` with the widths of the last `capacity` texts remembered (oldest
 * forgotten first). Same results: only calls without options are remembered,
 * and printable ASCII, one column a character in every string-width, is
 * counted without it (version 7 segments graphemes even then).
 */
export function rememberWidths(measure: Measure, capacity = 4096): Measure {
	const widths = new Map<string, number>();
	return (text, options) => {
		if (options !== undefined || typeof text !== 'string' || text.length > LONGEST_REMEMBERED) return measure(text, options);
		let width = widths.get(text);
		if (width === undefined) {
			width = PRINTABLE_ASCII.test(text) ? text.length : measure(text);
			if (widths.size >= capacity) widths.delete(widths.keys().next().value!);
			widths.set(text, width);
		}
		return width;
	};
}
