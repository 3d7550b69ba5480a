import {describe, expect, it} from 'vitest';
import {mermaidLabel, mermaidTime, shortenAtWord} from '../../source/report/mermaid-text.js';

describe('shortenAtWord', () => {
	it('cuts after the last whole word that fits and marks the cut', () => {
		expect(shortenAtWord('Rolled back payments to v142', 60)).toBe('Rolled back payments to v142');
		expect(shortenAtWord('Checkout error rate began climbing (error-rate graph)', 45)).toBe('Checkout error rate began climbing…');
		expect(shortenAtWord('Paged the database on-call now', 18)).toBe('Paged the…');
	});

	it('counts characters, not UTF-16 units: an emoji is one character', () => {
		const flames = '🔥 '.repeat(20).trim();
		expect(shortenAtWord(flames, 39)).toBe(flames);
		expect(shortenAtWord(flames, 38)).toBe(`${'🔥 '.repeat(18)}🔥…`);
		expect(shortenAtWord(`ok ${'🔥'.repeat(30)}`, 20)).toBe('ok…');
		expect(shortenAtWord('🔥'.repeat(30), 20)).toBe(`${'🔥'.repeat(19)}…`);
	});

	it('never ends inside a word, whatever the length', () => {
		const text = 'Error rate back under 0.1% for 20 minutes after the rollback of payments to v142 finished';
		for (let max = 8; max <= text.length; max++) {
			const short = shortenAtWord(text, max);
			expect(Array.from(short).length).toBeLessThanOrEqual(max);
			if (short === text) continue;
			const kept = short.slice(0, -1);
			expect(text.startsWith(kept), `${max}: ${short}`).toBe(true);
			expect(text.slice(kept.length).match(/^[\s.,/(+=-]*\s/), `${max}: ${short}`).not.toBeNull();
		}
	});

	it('cuts inside a word only when that one word is longer than the limit', () => {
		expect(shortenAtWord('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
	});
});

describe('mermaidLabel', () => {
	it('keeps times and sentences readable without the characters Mermaid reads as syntax', () => {
		expect(mermaidLabel('Pager: 5xx above 5% since 14:55')).toBe('Pager - 5xx above 5% since 14.55');
		expect(mermaidLabel('%% x %%{init} #35; a;b <br> "q" `t`')).toBe('% x % init 35, a,b br q t');
		expect(mermaidLabel('(pager: \u001b[1mACK\u001b[0m\u0007)')).toBe('(pager - ACK)');
		expect(mermaidLabel('🔥🚨')).toBe('-');
	});

	it('writes times with a dot', () => {
		expect(mermaidTime('14:55')).toBe('14.55');
		expect(mermaidTime('2026-11-24 00:10')).toBe('2026-11-24 00.10');
	});
});
