import {CSI_SEQUENCE} from '../core/display-safe.js';

// Text inside a Mermaid diagram. Mermaid has no escaping that works in every
// diagram type, so user text keeps only characters that mean nothing to its
// grammar (no `:`, `#`, `%%`, `<`, quotes or backticks; `a: b` becomes `a - b`, `a; b` becomes `a, b`). A `timeline`
// reads `14:55 : text` as the period `14` and then fails: times are written
// `14.55` (test/report/mermaid-diagrams.test.ts runs Mermaid's own parser).

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One label: harmless characters only, shortened at a word boundary. */
export function mermaidLabel(text: string, maxLength = 60): string {
	const plain = text
		.replace(CSI_SEQUENCE, '')
		.replace(CONTROL, ' ')
		.replace(/(\d):(\d)/g, '$1.$2')
		.replace(/:(?=\s|$)/g, ' -')
		.replace(/;/g, ',')
		.replace(/%+/g, '%')
		.replace(/[^\p{L}\p{N} .,'/()+=?!%-]/gu, ' ')
		.replace(/\s+/g, ' ')
		.replace(/\(\s/g, '(')
		.replace(/\s\)/g, ')')
		.trim();
	return shortenAtWord(plain, maxLength) || '-';
}

/**
 * At most `maxLength` characters, cut after the last whole word that fits and
 * marked with `…`. Only a single word longer than the limit is cut inside.
 */
export function shortenAtWord(text: string, maxLength: number): string {
	// Without surrogate pairs each UTF-16 unit is one character: no need to split the text into an array.
	const characters = /[\ud800-\udfff]/.test(text) ? Array.from(text) : text;
	if (characters.length <= maxLength) return text;
	const room = typeof characters === 'string' ? characters.slice(0, maxLength - 1) : characters.slice(0, maxLength - 1).join('');
	const lastSpace = room.lastIndexOf(' ');
	const kept = lastSpace > 0 && characters[maxLength - 1] !== ' ' ? room.slice(0, lastSpace) : room;
	return `${kept.replace(/[\s.,/(+=-]+$/u, '')}…`;
}

/** `14.55`: a time of day Mermaid does not split. */
export function mermaidTime(time: string): string {
	return time.replace(/:/g, '.');
}
