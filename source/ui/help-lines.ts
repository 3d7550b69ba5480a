import {keysOf, textPromptHelp} from './keys.js';
import {wrapText} from './text-wrap.js';

// The help overlay as lines of the screen's width, so it can be scrolled when
// the keys do not fit (80x24 shows 16 of them): each key's help wraps under
// its own column instead of being cut.

export const HELP_KEY_COLUMN = 12;

export interface HelpLine {
	/** The keys, on the first line of each entry; '' on the lines after; none on lines of the full width. */
	keys?: string;
	text: string;
}

export function helpLines(columns: number): HelpLine[] {
	const width = Math.max(10, columns - HELP_KEY_COLUMN);
	const entries = keysOf('browse').flatMap(entry =>
		wrapText(entry.help ?? entry.label, width).lines.map((text, n) => ({keys: n === 0 ? entry.shown : '', text})),
	);
	const prompt = wrapText(textPromptHelp(), Math.max(10, columns)).lines.map(text => ({text}));
	return [...entries, ...prompt];
}
