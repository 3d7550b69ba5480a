// Errors are values at the edges: each carries the one line a responder sees,
// an optional hint, and the exit code of DESIGN.md ("Commands").

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

/** Turns a file-system failure into one line that says what to do, keeping the path. */
export function environmentErrorFrom(error: unknown, doing: string): EnvironmentError {
	const code = (error as NodeJS.ErrnoException).code;
	const path = (error as NodeJS.ErrnoException).path;
	const where = path ? ` (${path})` : '';
	switch (code) {
		case 'ENOSPC':
			return new EnvironmentError(`${doing}: the disk is full${where}`, 'free some space and retry; nothing was logged');
		case 'EROFS':
			return new EnvironmentError(`${doing}: the file system is read-only${where}`, 'remount it read-write or work from a writable clone; nothing was logged');
		case 'EACCES':
		case 'EPERM':
			return new EnvironmentError(`${doing}: permission denied${where}`, 'check the directory is writable; nothing was logged');
		default: {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			return new EnvironmentError(`${doing}: ${message}`);
		}
	}
}
