// Secrets in a command's output or on its command line are masked before
// anything is written (the journal, the evidence file). The patterns are the
// setting `secretPatterns` (README "Settings"); these are its defaults. A
// pattern's first group, when it has one, is kept: `password=[masked]` still
// says what was there.

export const MASK = '[masked]';

export const DEFAULT_SECRET_PATTERNS: readonly string[] = [
	// The whole value of an Authorization header, whatever its scheme.
	'(authorization:\\s*)[^\\r\\n"\']+',
	'(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}',
	'((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\\s*[=:]\\s*["\']?)[^\\s&"\']+',
	// AWS access key ids, and the secret key by its usual names.
	'\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b',
	'(aws_secret_access_key\\s*[=:]\\s*["\']?)[A-Za-z0-9/+=]{40}',
	// GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained.
	'\\bgh[pousr]_[A-Za-z0-9]{36,}',
	'\\bgithub_pat_[A-Za-z0-9_]{22,}',
	// A private key block, also one cut short by the end of the output.
	'-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)',
];

/** Case-insensitive (`Authorization`, `PASSWORD=`), every match. */
export function compileSecretPatterns(sources: readonly string[]): RegExp[] {
	return sources.map(source => new RegExp(source, 'gi'));
}

/** Why `source` cannot be a pattern, or undefined when it can. */
export function secretPatternProblem(source: string): string | undefined {
	if (source === '') return 'an empty pattern would match everywhere';
	try {
		new RegExp(source, 'gi');
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
	if (new RegExp(source, 'gi').test('')) return `"${source}" matches empty text`;
	return undefined;
}

export function maskSecrets(text: string, patterns: readonly RegExp[]): string {
	let masked = text;
	for (const pattern of patterns) {
		masked = masked.replace(pattern, (...match: unknown[]) => {
			const kept = typeof match[1] === 'string' ? match[1] : '';
			return `${kept}${MASK}`;
		});
	}
	return masked;
}
