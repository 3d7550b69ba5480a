import {describe, expect, it} from 'vitest';
import {KeyDecoder} from '../../source/ui/key-press.js';

describe('KeyDecoder', () => {
	it('splits typing that outran the screen into its first key, the text, and the Enter', () => {
		expect(new KeyDecoder().decode('nrolled back\r')).toEqual([
			{input: 'n'},
			{input: 'rolled back', paste: true, typedAhead: true},
			{input: '', return: true},
		]);
	});

	it('applies a backspace inside a chunk and passes a lone one on', () => {
		expect(new KeyDecoder().decode('xab\u007fc')).toEqual([{input: 'x'}, {input: 'ac', paste: true, typedAhead: true}]);
		expect(new KeyDecoder().decode('\u007f')).toEqual([{input: '', erase: true}]);
	});

	it('keeps a bracketed paste whole, newlines and escape sequences included', () => {
		const decoder = new KeyDecoder();
		expect(decoder.decode('\u001b[200~')).toEqual([]);
		expect(decoder.decode('line one\rline two')).toEqual([{input: 'line one\nline two', paste: true}]);
		expect(decoder.decode('\u001b[31m')).toEqual([{input: '\u001b[31m', paste: true}]);
		expect(decoder.decode('\u001b[201~')).toEqual([]);
		expect(decoder.decode('q')).toEqual([{input: 'q', paste: false}]);
	});

	it('ignores unknown escape sequences instead of failing', () => {
		const decoder = new KeyDecoder();
		for (const sequence of ['\u001b[31m', '\u001b[1;5X', '\u001b]0;title\u0007', '\u001b[2J']) {
			expect(decoder.decode(sequence)).toEqual([]);
		}
	});

	it('decodes arrows, escape, tab, shift-tab and control keys', () => {
		const decoder = new KeyDecoder();
		expect(decoder.decode('\u001b[A')).toEqual([{input: '', upArrow: true}]);
		expect(decoder.decode('\u001b')).toEqual([{input: '', escape: true}]);
		expect(decoder.decode('\u001b[Z')).toEqual([{input: '', tab: true, shift: true}]);
		expect(decoder.decode('\t')).toEqual([{input: '', tab: true}]);
		expect(decoder.decode('\u0003')).toEqual([{input: 'c', ctrl: true}]);
	});

	it('reads Esc and a key typed right after it (one "Alt" event to Ink) as both keys', () => {
		const decoder = new KeyDecoder();
		expect(decoder.decode('\u001bm')).toEqual([{input: '', escape: true}, {input: 'm', paste: false}]);
		expect(decoder.decode('\u001b\r')).toEqual([{input: '', escape: true}, {input: '', return: true}]);
	});
});
