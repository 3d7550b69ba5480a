// The two kinds of failure a command throws (git faults are git/git-fault.ts):
// each carries the one line a responder sees, an optional hint, and its exit
// code (README "Commands": 1 your input, 2 the environment). cli/output.ts
// and the screen print them in the same words.

export class UserError extends Error {
	override name = 'UserError';
	readonly exitCode = 1;
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}

export class EnvironmentError extends Error {
	override name = 'EnvironmentError';
	readonly exitCode = 2;
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}

/**
 * Turns a file-system failure into one line that says what happened, what to
 * do and what it means for the responder's work (`consequence`), keeping the
 * path unless the caller names a better one in `doing` (a temporary file's
 * name would only confuse). Without a `consequence` the known failures say
 * "nothing was logged", the others say nothing.
 */
export function environmentErrorFrom(
	error: unknown,
	doing: string,
	{consequence, showPath = true}: {consequence?: string; showPath?: boolean} = {},
): EnvironmentError {
	const outcome = consequence ?? 'nothing was logged';
	const code = (error as NodeJS.ErrnoException).code;
	const path = (error as NodeJS.ErrnoException).path;
	const where = path && showPath ? ` (${path})` : '';
	switch (code) {
		case 'ENOSPC':
			return new EnvironmentError(`${doing}: the disk is full${where}`, `free some space and retry; ${outcome}`);
		case 'EROFS':
			return new EnvironmentError(`${doing}: the file system is read-only${where}`, `remount it read-write or work from a writable clone; ${outcome}`);
		case 'EACCES':
		case 'EPERM':
			return new EnvironmentError(`${doing}: permission denied${where}`, `check the directory is writable; ${outcome}`);
		default: {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			return new EnvironmentError(`${doing}: ${message}`, consequence);
		}
	}
}
