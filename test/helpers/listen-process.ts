import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {readFileSync} from 'node:fs';
import {CLI_PATH, type CliOptions} from './run-cli.js';

const running = new Set<ListenProcess>();

/** For afterEach: a test that failed half-way leaves no server behind. */
export async function stopAllListeners(): Promise<void> {
	await Promise.all([...running].map(listener => listener.stop('SIGKILL')));
}

/** `incident-tui listen` running as a child: the built CLI, its settings in a temp directory. */
export class ListenProcess {
	stdout = '';
	stderr = '';
	/** The bound port, read from the "Listening on" line (tests pass --port 0). */
	port = 0;
	private readonly exited: Promise<number | null>;

	private constructor(private readonly child: ChildProcess) {
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
		running.add(this);
		this.exited = once(child, 'exit').then(([code]) => {
			running.delete(this);
			return code as number | null;
		});
	}

	/** `launcher` runs before node, as `strace -f -o FILE`. */
	static start(args: string[], options: CliOptions, launcher: string[] = []): ListenProcess {
		const command = [...launcher, process.execPath, CLI_PATH, 'listen', '--port', '0', ...args];
		const child = spawn(command[0]!, command.slice(1), {
			cwd: options.cwd,
			env: {...process.env, INCIDENT_TUI_CONFIG_DIR: options.configDir, NO_COLOR: '1', ...options.env},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return new ListenProcess(child);
	}

	/** Waits for the listening line; fails with what the process said if it exits first. */
	async ready(): Promise<this> {
		const port = await Promise.race([
			this.until(() => /^Listening on http:\/\/\S+:(\d+) /m.exec(this.stdout)?.[1]),
			this.exited.then(code => {
				throw new Error(`listen exited with ${code} before listening:\n${this.stdout}${this.stderr}`);
			}),
		]);
		this.port = Number(port);
		return this;
	}

	post(body: string | object, headers: Record<string, string> = {}): Promise<{status: number; text: string; headers: Headers}> {
		return fetch(`http://127.0.0.1:${this.port}/`, {
			method: 'POST',
			headers: {'Content-Type': 'application/json', ...headers},
			body: typeof body === 'string' ? body : JSON.stringify(body),
		}).then(async response => ({status: response.status, text: await response.text(), headers: response.headers}));
	}

	/** Resolves once `read` returns something, checked whenever the child prints. */
	until<T>(read: () => T | undefined): Promise<T> {
		return new Promise(resolve => {
			const check = () => {
				const value = read();
				if (value === undefined) return;
				this.child.stdout!.off('data', check);
				this.child.stderr!.off('data', check);
				resolve(value);
			};
			this.child.stdout!.on('data', check);
			this.child.stderr!.on('data', check);
			check();
		});
	}

	/** Sends the signal and waits for the exit code. */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
		return this.exited;
	}

	/** Under a launcher: signals node itself (the launcher's child), and waits for the launcher to end with it. */
	async stopLaunched(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
		const pid = this.child.pid!;
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ');
		process.kill(Number(children[0]), signal);
		return this.exited;
	}

	/** For a start that must be refused. */
	exit(): Promise<number | null> {
		return this.exited;
	}
}
