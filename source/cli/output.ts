import {relative} from 'node:path';
import {EnvironmentError, UserError} from '../commands/command-errors.js';
import {displaySafe} from '../core/display-safe.js';
import {GitFault} from '../git/git-fault.js';

/**
 * Titles, notes, handles and template text come from journals, remotes and
 * files: on a terminal each line is made display-safe (no escape sequence can
 * retitle the window or write the clipboard); into a pipe or file it stays exact.
 */
/** A table's rows (the header first) as lines: each column but the last padded to its widest cell, two spaces apart. */
export function alignedLines(rows: readonly (readonly string[])[]): string[] {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)));
	return rows.map(row => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '));
}

export function print(text: string): void {
	if (process.stdout.destroyed) return;
	const shown = process.stdout.isTTY ? text.split('\n').map(displaySafe).join('\n') : text;
	process.stdout.write(`${shown}\n`);
}

/**
 * `incident-tui list | head -1` (EPIPE), or a terminal that hung up under the
 * live screen (EIO): the reader is gone, so what is left to print is dropped
 * and the command still finishes its work (an event is on disk before it is
 * printed). No error may be reported on the stream that failed: writing it
 * would fail again, and a handler that reports its own failure spins forever.
 */
export function dropOutputOnceReaderGone(): void {
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE' && error.code !== 'EIO') process.exitCode = 2;
		});
	}
}

export function warn(line: string): void {
	process.stderr.write(`incident-tui: warning: ${displaySafe(line)}\n`);
}

/** A path as the responder would type it from where they stand. */
export function shownPath(path: string): string {
	const fromHere = relative(process.cwd(), path);
	return fromHere === '' ? '.' : fromHere.startsWith('..') ? path : fromHere;
}

/** One line on stderr, and the exit code of the README ("Commands"): 1 user error, 2 environment error. */
export function reportError(error: unknown): number {
	if (error instanceof UserError || error instanceof EnvironmentError || error instanceof GitFault) {
		const hint = error.hint ? ` (${error.hint})` : '';
		process.stderr.write(`incident-tui: ${displaySafe(error.message)}${hint}\n`);
		return error instanceof GitFault ? 2 : error.exitCode;
	}
	const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
	process.stderr.write(`incident-tui: unexpected error: ${displaySafe(message ?? '')}\n`);
	if (process.env['DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
	return 2;
}
