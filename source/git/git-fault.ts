// Git failures as values: a one-line reason and a hint, shown in the same
// words by the screen and the CLI. Files are never removed on a fault.

export type GitFaultCode =
	| 'not-a-repository'
	| 'no-commits'
	| 'no-identity'
	| 'index-locked'
	| 'hook-failed'
	| 'signing-failed'
	| 'no-remote'
	| 'offline'
	| 'push-refused'
	| 'ignored-paths'
	| 'timeout'
	| 'stopped'
	| 'git-failed';

export class GitFault extends Error {
	override name = 'GitFault';
	constructor(
		readonly code: GitFaultCode,
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}

/** Reads git's own error text for the faults we can name. */
export function faultFromGitError(error: unknown, doing: string, retry = 'publish again'): GitFault {
	if (error instanceof GitFault) return error;
	const text = error instanceof Error ? error.message : String(error);
	if (/index\.lock/.test(text)) {
		return new GitFault('index-locked', `${doing}: another git process holds .git/index.lock`, 'wait for it to finish; if no git is running, delete .git/index.lock');
	}
	if (/gpg failed to sign|failed to sign the data|error: cannot run gpg|signing failed/i.test(text)) {
		return new GitFault('signing-failed', `${doing}: commit signing failed`, 'unlock your signing key (or fix gpg.program), then publish again');
	}
	if (/Please tell me who you are|empty ident|unable to auto-detect email/i.test(text)) {
		return new GitFault('no-identity', `${doing}: git does not know who you are`, 'git config --global user.name "Your Name" && git config --global user.email you@example.com');
	}
	const firstLine = text.split('\n').find(line => line.trim() !== '') ?? text;
	return new GitFault('git-failed', `${doing}: ${firstLine.trim()}`, `the files are on disk; fix the cause and ${retry}`);
}
