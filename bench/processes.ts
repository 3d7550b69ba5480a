import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import {median} from './figures.js';

// Running the built CLI the way a responder does: a process from spawn to
// exit, or a screen in a pseudo-terminal read until a marker shows.

const distDir = fileURLToPath(new URL('.', import.meta.url));
export const cliPath = join(distDir, 'cli.js');
export const minimalInkAppPath = join(distDir, 'minimal-ink-app.js');
export const launcherPath = join(distDir, '..', 'bin', 'incident-tui');

export const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Milliseconds from spawn to exit of each command, one after the other; each must exit 0. */
export async function timeCommands(commands: readonly string[][], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
	const began = performance.now();
	for (const command of commands) {
		await new Promise<void>((resolve, reject) => {
			const child = spawn(command[0]!, command.slice(1), {cwd, env, stdio: 'ignore'});
			child.on('error', reject);
			child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`${command.join(' ')} exited ${code} in ${cwd}`))));
		});
	}
	return performance.now() - began;
}

export const nodeCommand = (...args: string[]) => [process.execPath, ...args];
export const cliCommand = (...args: string[]) => [process.execPath, cliPath, ...args];

/**
 * A program in a 120x40 pseudo-terminal made by util-linux `script` (no
 * node-pty here, and `script` adds the same few milliseconds to both sides of
 * a comparison). Keys written to it reach the program as typed.
 */
export class PtySession {
	readonly began = performance.now();
	private output = '';
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly waiters = new Set<() => void>();
	private exited = false;

	constructor(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
		const quoted = command.map(arg => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
		this.child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${quoted}`, '/dev/null'], {cwd, env, stdio: 'pipe'});
		this.child.stdout.on('data', (chunk: Buffer) => {
			this.output += chunk.toString('utf8');
			for (const waiter of this.waiters) waiter();
		});
		this.child.on('exit', () => {
			this.exited = true;
			for (const waiter of this.waiters) waiter();
		});
	}

	/** Everything the program has written so far. */
	get text(): string {
		return this.output;
	}

	/** Where the output ends now: pass it to `waitFor` to look only at what comes after. */
	get mark(): number {
		return this.output.length;
	}

	/** performance.now() when every marker has appeared in the output after `from`. */
	waitFor(markers: readonly string[], from = 0, timeoutMs = 20_000): Promise<number> {
		return new Promise((resolve, reject) => {
			const check = () => {
				const seen = this.output.slice(from);
				if (markers.every(marker => seen.includes(marker))) {
					finish();
					resolve(performance.now());
				} else if (this.exited) {
					finish();
					reject(new Error(`the program exited before showing ${markers.join(' and ')}:\n${seen.slice(-2000)}`));
				}
			};
			const timer = setTimeout(() => {
				finish();
				reject(new Error(`no ${markers.join(' and ')} within ${timeoutMs} ms:\n${this.output.slice(from).slice(-2000)}`));
			}, timeoutMs);
			const finish = () => {
				clearTimeout(timer);
				this.waiters.delete(check);
			};
			this.waiters.add(check);
			check();
		});
	}

	write(keys: string): void {
		this.child.stdin.write(keys);
	}

	/** Ends `script`; the program in it gets SIGHUP as its terminal goes away. Resolves once `script` is gone. */
	close(): Promise<void> {
		if (this.exited) return Promise.resolve();
		return new Promise(resolve => {
			this.child.once('exit', () => resolve());
			this.child.kill('SIGKILL');
		});
	}
}

/** Milliseconds from start to the first frame holding every marker, then the session ends. */
export async function timeToFrame(command: readonly string[], markers: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
	const session = new PtySession(command, cwd, env);
	try {
		return (await session.waitFor(markers)) - session.began;
	} finally {
		await session.close();
	}
}

/**
 * `runs` samples of `ours` and of `baseline`, taken in turn (baseline first)
 * after one warm-up of each, so a machine that slows down slows both.
 */
export async function interleaved(runs: number, ours: () => Promise<number>, baseline: () => Promise<number>) {
	await baseline();
	await ours();
	const samples: number[] = [];
	const baselineSamples: number[] = [];
	for (let run = 0; run < runs; run++) {
		baselineSamples.push(await baseline());
		samples.push(await ours());
	}
	return {value: median(samples), samples, baseline: {value: median(baselineSamples), samples: baselineSamples}};
}
