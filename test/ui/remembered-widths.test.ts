import stringWidth from 'string-width';
// wrap-ansi's own, older string-width: the bundle wraps it too.
import olderStringWidth from '../../node_modules/wrap-ansi/node_modules/string-width/index.js';
import {describe, expect, it} from 'vitest';
import {rememberWidths} from '../../source/ui/remembered-widths.js';

const ESC = '\u001B';
const SAMPLES = [
	'',
	' ',
	'plain ASCII text, 42 columns or so: ok',
	'~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./',
	'日本語のテキスト',
	'한국어 텍스트 각',
	'中文, mixed with ASCII',
	'emoji 🚀 🔥 👍🏽 👨‍👩‍👧 🇫🇷 1️⃣ ❤️ ▶ ▶️',
	'café with a combining accent: cafe\u0301',
	`${ESC}[31mred${ESC}[39m and ${ESC}[1mbold${ESC}[22m`,
	`${ESC}[38;5;196m色${ESC}[0m`,
	`${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\`,
	'tab\there, newline\nthere, bell\u0007, null\u0000, delete\u007F, C1\u0085',
	'zero width\u200Bspace, joiner\u200D, BOM\uFEFF',
	'? help · q quit · ← → phase · ↑ ↓ move · tab…',
	'─│┌┐└┘ box drawing, ｈａｌｆ and ﾊﾝｶｸ',
	'lone surrogate \uD800 here',
	'x'.repeat(600),
	'漢'.repeat(600),
];
const PRINTABLE_ASCII = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCharCode(0x20 + index));

describe.each([
	['string-width', stringWidth],
	["wrap-ansi's string-width", olderStringWidth],
])('remembered widths in front of %s', (_name, measure) => {
	it('gives the same width as the package, the first time and from memory', () => {
		const remembered = rememberWidths(measure);
		for (const text of SAMPLES) {
			expect(remembered(text), JSON.stringify(text)).toBe(measure(text));
			expect(remembered(text), JSON.stringify(text)).toBe(measure(text));
		}
	});

	it('counts printable ASCII as the package does, for every pair of characters', () => {
		const remembered = rememberWidths(measure, 100_000);
		for (const first of PRINTABLE_ASCII) {
			for (const second of PRINTABLE_ASCII) expect(remembered(first + second)).toBe(measure(first + second));
		}
	});

	it('passes options through, unremembered', () => {
		const remembered = rememberWidths(measure);
		const colored = `${ESC}[31m·${ESC}[39m`;
		expect(remembered(colored, {countAnsiEscapeCodes: true})).toBe(measure(colored, {countAnsiEscapeCodes: true}));
		expect(remembered('·±', {ambiguousIsNarrow: false})).toBe(measure('·±', {ambiguousIsNarrow: false}));
		expect(remembered('·±')).toBe(measure('·±'));
	});
});

describe('the memory', () => {
	const counted = () => {
		const measured: string[] = [];
		const measure = (text: string) => {
			measured.push(text);
			return stringWidth(text);
		};
		return {measured, measure};
	};

	it('measures a text once, and forgets the oldest beyond its capacity', () => {
		const {measured, measure} = counted();
		const remembered = rememberWidths(measure, 2);
		remembered('日本');
		remembered('日本');
		remembered('한국');
		remembered('中文');
		remembered('中文');
		remembered('日本');
		expect(measured).toEqual(['日本', '한국', '中文', '日本']);
	});

	it('measures long texts every time instead of keeping them', () => {
		const {measured, measure} = counted();
		const remembered = rememberWidths(measure);
		const long = '漢'.repeat(600);
		remembered(long);
		remembered(long);
		expect(measured).toEqual([long, long]);
	});
});
