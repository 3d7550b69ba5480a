import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {relative} from 'node:path';

// Reads an `strace -f` log into the steps that matter for durability: writes
// to files under the repository, fdatasync/fsync, renames, and what reached
// the terminal. A SIGKILL leaves the page cache intact, so only the order of
// these calls proves that an event was on disk before it was acknowledged.

export const hasStrace = spawnSync('strace', ['-V']).status === 0;

/** The calls to trace; `close` lets a reused descriptor number be told apart. */
export const STRACE_ARGS = ['-f', '-s', '65536', '-e', 'trace=openat,close,write,writev,pwrite64,fdatasync,fsync,rename,renameat,renameat2'];

interface Call {
	pid: string;
	name: string;
	args: string;
	result: string;
}

function parseCalls(trace: string): Call[] {
	const pending = new Map<string, {name: string; args: string}>();
	const calls: Call[] = [];
	for (const line of trace.split('\n')) {
		const unfinished = /^(\d+) +(\w+)\((.*) <unfinished \.\.\.>$/.exec(line);
		if (unfinished) {
			pending.set(unfinished[1]!, {name: unfinished[2]!, args: unfinished[3]!});
			continue;
		}
		const resumed = /^(\d+) +<\.\.\. (\w+) resumed>(.*)\) += (.*)$/.exec(line);
		if (resumed) {
			const start = pending.get(resumed[1]!);
			pending.delete(resumed[1]!);
			// A call counts where it completed: that is when its effect is done.
			calls.push({pid: resumed[1]!, name: resumed[2]!, args: `${start?.args ?? ''}${resumed[3]!}`, result: resumed[4]!});
			continue;
		}
		const whole = /^(\d+) +(\w+)\((.*)\) += (.*)$/.exec(line);
		if (whole) calls.push({pid: whole[1]!, name: whole[2]!, args: whole[3]!, result: whole[4]!});
	}
	return calls;
}

const firstStringArgument = (args: string) => /"((?:[^"\\]|\\.)*)"/.exec(args)?.[1] ?? '';

/**
 * The steps from the write of the event holding `marker` to the first
 * terminal output matching `acknowledgement`, as short labels with paths
 * relative to `root` (a prepared `.opening-*` directory as `.opening-*`).
 */
export function stepsToAcknowledgement(traceFile: string, root: string, marker: string, acknowledgement: RegExp): string[] {
	const paths = new Map<string, string>();
	const shown = (path: string) => relative(root, path).replace(/\.opening-\d+-\w+/, '.opening-*');
	const steps: string[] = [];
	let started = false;
	for (const call of parseCalls(readFileSync(traceFile, 'utf8'))) {
		const fd = /^(\d+)/.exec(call.args)?.[1];
		if (call.name === 'openat' && /^\d+$/.test(call.result.split(' ')[0]!)) {
			paths.set(call.result.split(' ')[0]!, firstStringArgument(call.args));
			continue;
		}
		if (call.name === 'close' && fd !== undefined) {
			paths.delete(fd);
			continue;
		}
		const path = fd === undefined ? undefined : paths.get(fd);
		const inRepository = path !== undefined && path.startsWith(root) && !path.endsWith('.lock');
		if (['write', 'writev', 'pwrite64'].includes(call.name)) {
			if (inRepository && call.args.includes(marker)) started = true;
			if (!started) continue;
			// Node reopens a terminal by its /dev/pts path; a pipe stays fd 1.
			const toTerminal = fd === '1' || /^\/dev\/(pts\/|tty)/.test(path ?? '');
			if (toTerminal && acknowledgement.test(call.args)) {
				steps.push('acknowledge');
				return steps;
			}
			if (inRepository) steps.push(`write ${shown(path)}`);
		} else if (started && (call.name === 'fdatasync' || call.name === 'fsync') && inRepository) {
			steps.push(`${call.name} ${shown(path)}`);
		} else if (started && call.name.startsWith('rename')) {
			const [from, to] = [...call.args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(match => match[1]!);
			if (from?.startsWith(root)) steps.push(`rename ${shown(from)} ${shown(to ?? '')}`);
		}
	}
	throw new Error(`no write holding ${marker} followed by output matching ${acknowledgement} in ${traceFile}:\n${steps.join('\n')}`);
}
