import {spawn} from 'node:child_process';
import {GitFault} from './git-fault.js';

// The one way incident-tui runs git. Why not simple-git: its timeout kills
// only the git process, and a hook, ssh or upload-pack that git started keeps
// running (and keeps the screen waiting). Here every git runs as the leader of
// its own process group, and the whole group is ended when time runs out or
// the caller gives up (the screen quitting).

export interface GitTimeouts {
	/** fetch and push: a remote (or a pre-push hook) that never answers. */
	networkSeconds: number;
	/** Every other git command, commit hooks and signing included. */
	localSeconds: number;
}

export const DEFAULT_GIT_TIMEOUTS: GitTimeouts = {networkSeconds: 30, localSeconds: 120};

export interface GitRunnerOptions {
	timeouts?: GitTimeouts;
	/** Aborting ends the git running now and refuses every later call. */
	signal?: AbortSignal;
	/** What the responder does once the cause is fixed, for the one-line fault: "sync again". */
	retry?: string;
}

export interface GitCall {
	/** Network calls get the network time limit. */
	network?: boolean;
	/** Written to git's stdin (for --stdin and --index-info forms). */
	input?: string;
	/** Added to the filtered environment, such as GIT_INDEX_FILE. */
	env?: Record<string, string>;
	/** What did not answer when time runs out, such as `remote "origin"`; default `git <command>`. */
	what?: string;
}

/** git exited with an error; `message` is its stderr, which git-fault.ts reads. */
export class GitCommandError extends Error {
	override name = 'GitCommandError';
}

export interface Git {
	/** git's stdout as text. */
	(args: readonly string[], call?: GitCall): Promise<string>;
	/** git's stdout as bytes, for output framed by byte counts (cat-file --batch). */
	bytes(args: readonly string[], call?: GitCall): Promise<Buffer>;
	/** Where git runs; paths git prints are relative to it. */
	readonly root: string;
}

// Variables that point git at another repository or index (set when
// incident-tui runs inside a hook) are dropped; transport and identity
// settings the responder chose are kept.
const KEPT_GIT_VARIABLES = new Set([
	'GIT_AUTHOR_NAME',
	'GIT_AUTHOR_EMAIL',
	'GIT_COMMITTER_NAME',
	'GIT_COMMITTER_EMAIL',
	'GIT_SSH',
	'GIT_SSH_COMMAND',
	'GIT_SSH_VARIANT',
	'GIT_SSL_CAINFO',
	'GIT_SSL_CAPATH',
	'GIT_SSL_NO_VERIFY',
	'GIT_PROXY_COMMAND',
	'GIT_CONFIG_GLOBAL',
	'GIT_CONFIG_NOSYSTEM',
]);
/** After SIGTERM (git removes its lock files), how long before SIGKILL. */
const GRACE_MS = 2000;

function filteredEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined || (key.toUpperCase().startsWith('GIT_') && !KEPT_GIT_VARIABLES.has(key))) continue;
		environment[key] = value;
	}
	// A credential or passphrase prompt would fight the screen for the terminal.
	return {...environment, GIT_TERMINAL_PROMPT: '0', ...extra};
}

/** Runs git in `root`: one call at a time per runner, each bounded in time. */
export function gitRunner(root: string, options: GitRunnerOptions = {}): Git {
	const timeouts = options.timeouts ?? DEFAULT_GIT_TIMEOUTS;
	let queue: Promise<unknown> = Promise.resolve();
	let running = 0;
	const bytes = (args: readonly string[], call: GitCall = {}) => {
		const seconds = call.network ? timeouts.networkSeconds : timeouts.localSeconds;
		const start = () => runGit(root, args, call, seconds, options);
		// Started at once when the runner is idle, so what the caller does next runs beside git.
		const run = running === 0 ? start() : queue.then(start);
		running++;
		queue = run.catch(() => undefined).finally(() => running--);
		return run;
	};
	return Object.assign(async (args: readonly string[], call?: GitCall) => (await bytes(args, call)).toString('utf8'), {bytes, root});
}

function runGit(root: string, args: readonly string[], call: GitCall, seconds: number, options: GitRunnerOptions): Promise<Buffer> {
	const command = `git ${args[0] ?? ''}`;
	const {signal} = options;
	if (signal?.aborted) return Promise.reject(stoppedFault(command));
	return new Promise((resolve, reject) => {
		const child = spawn('git', args, {
			cwd: root,
			env: filteredEnvironment(call.env),
			// Its own process group: ending the group reaches hooks, ssh and upload-pack.
			detached: true,
			stdio: [call.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
		let stoppedBy: 'timeout' | 'abort' | undefined;
		let killTimer: NodeJS.Timeout | undefined;
		const stop = (reason: 'timeout' | 'abort') => {
			if (stoppedBy) return;
			stoppedBy = reason;
			signalGroup(child.pid, 'SIGTERM');
			killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), GRACE_MS);
		};
		const timer = setTimeout(() => stop('timeout'), seconds * 1000);
		const onAbort = () => stop('abort');
		signal?.addEventListener('abort', onAbort, {once: true});
		// A hook that ignored SIGTERM must not outlive git.
		child.on('exit', () => {
			if (stoppedBy) signalGroup(child.pid, 'SIGKILL');
		});
		child.on('error', error => {
			clearTimeout(timer);
			signal?.removeEventListener('abort', onAbort);
			reject(new GitFault('git-failed', `cannot run git (${error.message})`, 'install git, or put it on your PATH; everything is kept on disk'));
		});
		child.on('close', code => {
			clearTimeout(timer);
			clearTimeout(killTimer);
			signal?.removeEventListener('abort', onAbort);
			if (stoppedBy === 'timeout') reject(timeoutFault(call.what ?? command, seconds, call.network === true, options.retry ?? 'try again'));
			else if (stoppedBy === 'abort') reject(stoppedFault(command));
			else if (code === 0) resolve(Buffer.concat(stdout));
			else reject(new GitCommandError(Buffer.concat(stderr).toString('utf8').trim() || `${command} exited with code ${code}`));
		});
		if (call.input !== undefined) {
			// git may exit before reading all of it (an error); that is reported by the exit code.
			child.stdin?.on('error', () => undefined);
			child.stdin?.end(call.input);
		}
	});
}

function signalGroup(pid: number | undefined, name: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, name);
	} catch {
		// The group is gone already.
	}
}

function timeoutFault(what: string, seconds: number, network: boolean, retry: string): GitFault {
	const advice = network ? 'check the remote and your network, or raise gitNetworkTimeout' : 'check your git hooks and commit signing, or raise gitHookTimeout';
	return new GitFault('timeout', `${what} did not answer within ${seconds} s and was stopped`, `nothing is lost, everything is on disk; ${advice}, then ${retry}`);
}

function stoppedFault(command: string): GitFault {
	return new GitFault('stopped', `${command} was stopped because incident-tui is quitting`, 'nothing is lost; run it again');
}
