import {marked} from 'marked';
import {describe, expect, it} from 'vitest';
import {escapeBlock, escapeCell, escapeCode, escapeInline} from '../../source/report/markdown-escape.js';

// User text must never become a link in a report. Escaping [, ], ( and ) is
// not enough: GFM also links bare URLs, www. addresses and e-mail addresses.

const URLS = [
	'https://evil.example/login?next=/admin',
	'see http://evil.example.',
	'ftp://evil.example/file',
	'www.evil.example',
	'(www.evil.example/path)',
	'*www.evil.example*',
	'_www.evil.example_ ~www.evil.example~ WWW.EVIL.EXAMPLE',
	'<https://evil.example>',
	'<http://evil.example/a b>',
	'write to alice@evil.example',
	'mailto:bob@evil.example',
	'[x](https://evil.example) and [y]: https://evil.example',
];

/** Each place a template puts user text: a sentence, a table cell, a paragraph, a code span. */
const CONTEXTS = {
	inline: (text: string) => `**Title:** ${escapeInline(text)}\n`,
	cell: (text: string) => `| What | Who |\n| --- | --- |\n| ${escapeCell(text)} | alice |\n`,
	block: (text: string) => `## Summary\n\n${escapeBlock(`${text}\n${text}`)}\n`,
	code: (text: string) => `Monitor: ${escapeCode(text)}\n`,
};

const ENTITIES: Record<string, string> = {'&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'"};
const visibleText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#39);/g, entity => ENTITIES[entity]!);

describe.each(Object.entries(CONTEXTS))('user text in %s context', (_context, place) => {
	it.each(URLS)('%s renders as the same text, never as a link', url => {
		const html = marked.parse(place(url), {gfm: true, async: false});
		expect(html).not.toMatch(/<a\b/i);
		expect(visibleText(html)).toContain(url);
	});
});

describe('terminal escapes pasted into a report', () => {
	it('drops colours whole and shows every other escape', () => {
		expect(escapeInline('\u001b[1;31m4187\u001b[0m pool timeouts')).toBe('4187 pool timeouts');
		expect(escapeInline('\u001b[2Jcleared')).toBe('␛\\[2Jcleared');
		expect(escapeInline('\u001b]2;title\u0007x')).toBe('␛\\]2;title␇x');
	});
});

describe('text with nothing to escape', () => {
	// A leading `#` always takes the full escaping path, and nothing it does to
	// a character depends on a `#` before it: so the rest must come out as it
	// does alone, or the shortcut for plain text skipped something.
	const fullPath = (text: string) => escapeInline(`#${text}`);
	const SEQUENCES = ['a://b', 'www.x', 'WwW.x', 'a@b', '&amp;', '&#39;', '\u001b[31mred\u001b[0m', 'plain words: 12:05, p99 (high)'];

	it('comes out the same on the shortcut as on the full path, for every character of the BMP', () => {
		for (let code = 0; code <= 0xffff; code++) {
			const text = `a${String.fromCharCode(code)}b`;
			expect(fullPath(text), `U+${code.toString(16)}`).toBe(`\\#${escapeInline(text)}`);
		}
	});

	it.each(SEQUENCES)('comes out the same on both paths: %j', text => {
		expect(fullPath(text)).toBe(`\\#${escapeInline(text)}`);
	});
});

describe('escapeCell', () => {
	it('keeps each line break of any kind as <br>, and a one-line cell as one escaped line', () => {
		expect(escapeCell('  first | line\r\nsecond\rthird\nfourth  ')).toBe('first \\| line<br>second<br>third<br>fourth');
		expect(escapeCell('old\rMac')).toBe('old<br>Mac');
		expect(escapeCell('  one | line  ')).toBe('one \\| line');
	});
});
