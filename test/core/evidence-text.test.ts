import {describe, expect, it} from 'vitest';
import {evidenceText} from '../../source/core/evidence-text.js';
import {compileSecretPatterns, DEFAULT_SECRET_PATTERNS, maskSecrets} from '../../source/core/secret-mask.js';

const patterns = compileSecretPatterns(DEFAULT_SECRET_PATTERNS);
const whole = (text: string) => ({text, capturedBytes: Buffer.byteLength(text), totalBytes: Buffer.byteLength(text)});

describe('the evidence kept of a command output', () => {
	it('keeps what the terminal finally showed: no escape sequences, a redrawn progress line once', () => {
		const output = '\u001b[32mok\u001b[0m\n 10%\r 50%\r100%\ndone\u001b]0;title\u0007\r\n';
		expect(evidenceText(whole(output), patterns)).toBe('ok\n100%\ndone\n');
	});

	it('masks the default secrets, keeping what names them', () => {
		const text = [
			'Authorization: Basic dXNlcjpwYXNz',
			'curl -H "authorization: token abcdef" x',
			'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig',
			'DB_PASSWORD: "s3cret!"',
			'AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			`gho_${'a'.repeat(36)} github_pat_${'B'.repeat(30)}`,
		].join('\n');
		expect(maskSecrets(text, patterns).split('\n')).toEqual([
			'Authorization: [masked]',
			'curl -H "authorization: [masked]" x',
			'Bearer [masked]',
			'DB_PASSWORD: "[masked]"',
			'[masked] aws_secret_access_key=[masked]',
			'[masked] [masked]',
		]);
	});

	it('cuts a long output at a line start after masking, so a secret the cut would split is gone whole', () => {
		const filler = 'x'.repeat(99) + '\n';
		const text = `password=${'p'.repeat(50)}\n${filler.repeat(5)}`;
		const kept = evidenceText(whole(text), patterns, 250);
		expect(kept).not.toContain('ppp');
		expect(kept.split('\n').slice(1, -1).every(line => line === 'x'.repeat(99))).toBe(true);
	});

	it('masks the body of a private key whose BEGIN line was cut off before the capture', () => {
		const text = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nSECRETBODYLINE\n-----END PRIVATE KEY-----\nafter\n';
		const kept = evidenceText({text, capturedBytes: Buffer.byteLength(text), totalBytes: 10_000}, patterns);
		expect(kept).not.toContain('SECRETBODYLINE');
		expect(kept.endsWith('after\n')).toBe(true);
	});
});
