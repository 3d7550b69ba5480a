import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {closeSync, constants, createReadStream, mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs';
import {constants as osConstants, tmpdir} from 'node:os';
import {join} from 'node:path';
import {displaySafe} from '../core/display-safe.js';
import type {CapturedOutput} from '../core/evidence-text.js';
import {OutputTail, readToEnd} from './output-tail.js';
import {withoutScriptFrame} from './script-logs.js';

// Runs the responder's command as their shell would: same terminal, same
// exit code. To keep its output's tail while a terminal stays a terminal
// (kubectl's colours, progress bars, a pager), the command runs under
// util-linux `script` in a pseudo-terminal of its own, and script's copy of
// the output comes back through a FIFO: it never touches the disk unmasked.
// Into a pipe or file, the output is teed through a pipe instead. Without
// `script` on a terminal, the command still runs, and its output is not kept.

export type CaptureMethod = 'pty' | 'pipe' | 'none';

export interface ChildOutcome {
	/** As a shell gives it: 128 + the signal's number when a signal ended the command; 127 not found, 126 not runnable. */
	exitCode: number;
	output: CapturedOutput;
	capture: CaptureMethod;
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word as a POSIX shell reads it back. */
export function shellQuote(word: string): string {
	return SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export async function runChild(argv: readonly string[]): Promise<ChildOutcome> {
	const tail = new OutputTail();
	if (process.stdout.isTTY && process.platform === 'linux') {
		const outcome = await runInPseudoTerminal(argv, tail);
		if (outcome) return outcome;
	}
	return process.stdout.isTTY ? runInherited(argv, tail) : runTeed(argv, tail);
}

/** undefined when `script` or `mkfifo` is missing: nothing was started. */
async function runInPseudoTerminal(argv: readonly string[], tail: OutputTail): Promise<ChildOutcome | undefined> {
	const directory = mkdtempSync(join(tmpdir(), 'incident-tui-run-'));
	const fifo = join(directory, 'output');
	try {
		if (spawnSync('mkfifo', ['-m', '600', fifo]).status !== 0) return undefined;
		// script runs the line with $SHELL -c: sh, so the quoting above holds; the command gets the responder's SHELL back.
		// Its process ID is noted first: signals for it go to it, not to script (see waitForExit).
		const commandPidFile = join(directory, 'command-pid');
		const shell = process.env['SHELL'];
		const line = `echo $$ >${shellQuote(commandPidFile)}; ${shell === undefined ? '' : `SHELL=${shellQuote(shell)} `}exec ${argv.map(shellQuote).join(' ')}`;
		// script restores the terminal when it ends by itself, but not in time when a signal ends it: we do, then.
		const terminalMode = spawnSync('stty', ['-g'], {stdio: ['inherit', 'pipe', 'ignore'], encoding: 'utf8'}).stdout?.trim();
		const child = spawn('script', ['-qfec', line, fifo], {stdio: 'inherit', env: {...process.env, SHELL: '/bin/sh'}});
		const reading = readToEnd(createReadStream(fifo), chunk => tail.push(chunk));
		const ended = await waitForExit(child, () => commandPidIn(commandPidFile));
		if (typeof ended === 'number' && ended > 128 && terminalMode) spawnSync('stty', [terminalMode], {stdio: ['inherit', 'ignore', 'ignore']});
		releaseReader(fifo);
		await reading;
		if (ended === 'not-found') return undefined;
		return {exitCode: ended, output: withoutScriptFrame(tail.captured()), capture: 'pty'};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

/**
 * script exited without opening its log (missing, or it failed early): the
 * reader still waits for a writer. Opening and closing one ends its wait; a
 * reader that already has its data reads it all first.
 */
function releaseReader(fifo: string): void {
	try {
		closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
	} catch {
		// No reader left: it has read everything already.
	}
}

/** The command's process ID as its line under script wrote it, once it has. */
function commandPidIn(file: string): number | undefined {
	try {
		const pid = Number(readFileSync(file, 'utf8').trim());
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

async function runInherited(argv: readonly string[], tail: OutputTail): Promise<ChildOutcome> {
	const child = spawn(argv[0]!, argv.slice(1), {stdio: 'inherit'});
	return {exitCode: await waitForExit(child), output: tail.captured(), capture: 'none'};
}

async function runTeed(argv: readonly string[], tail: OutputTail): Promise<ChildOutcome> {
	const child = spawn(argv[0]!, argv.slice(1), {stdio: ['inherit', 'pipe', 'pipe']});
	tee(child.stdout!, process.stdout, tail);
	tee(child.stderr!, process.stderr, tail);
	return {exitCode: await waitForExit(child), output: tail.captured(), capture: 'pipe'};
}

/** Passes the output on at the reader's pace (a slow pipe holds the command back, as it would without us). */
function tee(from: NodeJS.ReadableStream, to: NodeJS.WriteStream, tail: OutputTail): void {
	from.on('data', (chunk: Buffer) => {
		tail.push(chunk);
		// A reader that went away (`| head`) takes no more; the command runs on and its tail is still kept.
		if (to.destroyed || to.writableEnded) return;
		if (to.write(chunk)) return;
		from.pause();
		const resume = () => {
			to.off('drain', resume);
			to.off('close', resume);
			from.resume();
		};
		to.on('drain', resume);
		to.on('close', resume);
	});
}

/**
 * The exit code as a shell reports it, or `not-found` when the program could
 * not be started (for `script`: try without it). SIGTERM and SIGHUP sent to
 * incident-tui go on to the command. SIGINT from the terminal's Ctrl-C already
 * reaches the command, which shares our process group; passing it on again
 * would deliver it twice, so it is passed on only under `script`, which holds
 * the terminal in raw mode (there Ctrl-C is a key for the command's own
 * terminal). Under script, `commandPid` names the command: script itself
 * would end its session at once and kill the command two seconds later.
 */
function waitForExit(child: ChildProcess, commandPid: () => number | undefined): Promise<number | 'not-found'>;
function waitForExit(child: ChildProcess): Promise<number>;
function waitForExit(child: ChildProcess, commandPid?: () => number | undefined): Promise<number | 'not-found'> {
	const viaScript = commandPid !== undefined;
	const forwarded: NodeJS.Signals[] = viaScript ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : ['SIGTERM', 'SIGHUP'];
	const forward = (signal: NodeJS.Signals) => {
		const pid = commandPid?.();
		if (pid === undefined) child.kill(signal);
		else {
			try {
				process.kill(pid, signal);
			} catch {
				// It has just ended.
			}
		}
	};
	const ignore = () => undefined;
	for (const signal of forwarded) process.on(signal, forward);
	if (!viaScript) process.on('SIGINT', ignore);
	const done = () => {
		for (const signal of forwarded) process.off(signal, forward);
		process.off('SIGINT', ignore);
	};
	return new Promise(resolve => {
		child.on('error', (error: NodeJS.ErrnoException) => {
			done();
			if (error.code === 'ENOENT' && viaScript) {
				resolve('not-found');
				return;
			}
			const reason = error.code === 'ENOENT' ? 'command not found' : error.message;
			process.stderr.write(`incident-tui: ${displaySafe(child.spawnfile)}: ${displaySafe(reason)}\n`);
			resolve(error.code === 'ENOENT' ? 127 : 126);
		});
		child.on('close', (code, signal) => {
			done();
			resolve(signal ? 128 + (osConstants.signals[signal] ?? 0) : (code ?? 0));
		});
	});
}
