import {execFileSync, spawnSync} from 'node:child_process';
import {CLI_PATH} from './run-cli.js';

/**
 * How long a wait may take before the test fails. A bound for a hung app on a
 * loaded 2-core CI machine, not an expectation: waits return as soon as the
 * screen shows what they wait for.
 */
const WAIT_LIMIT_MS = 15_000;

/** Waits for a condition that no screen shows, such as a process having exited. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = WAIT_LIMIT_MS): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await pause(50);
	}
}

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The built CLI in a real terminal: a tmux session on a private socket, keys
 * sent with send-keys, the screen read with capture-pane. After the app exits
 * the pane prints its exit code and whether the terminal is back in canonical
 * (cooked) mode, so a test can check that quitting restored the terminal.
 */
export class TmuxSession {
	private readonly socket = `incident-tui-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

	constructor(
		options: {
			cwd: string;
			configDir: string;
			args?: string[];
			columns?: number;
			rows?: number;
			restartForever?: boolean;
			/** tmux server options set before the app starts, such as ['set-clipboard', 'on']. */
			serverOptions?: [string, string][];
			/** A program the app runs under, with its arguments, such as strace. */
			launcher?: string[];
			/** What starts the app (default: node dist/cli.js), such as bin/incident-tui. */
			program?: string[];
		},
	) {
		const app = [
			'env CI=false TERM=xterm-256color',
			`INCIDENT_TUI_CONFIG_DIR=${quote(options.configDir)}`,
			...(options.launcher ?? []).map(quote),
			...(options.program ?? [process.execPath, CLI_PATH]).map(quote),
			...(options.args ?? []).map(quote),
		].join(' ');
		const command = options.restartForever
			? // A killed app leaves the terminal raw, keys it never read, and its last frame: drain, reset, clear.
				`while :; do stty -icanon min 0 time 1; cat >/dev/null; stty sane; clear; ${app}; done`
			: `${app}; echo "[exit $?]"; stty -a | grep -o -- "-\\?icanon" | sed "s/^/[tty /;s/$/]/"; sleep 600`;
		const settings = (options.serverOptions ?? []).flatMap(([name, value]) => ['set-option', '-g', name, value, ';']);
		this.tmux(...(settings.length > 0 ? ['start-server', ';', ...settings] : []), 'new-session', '-d', '-s', 'e2e', '-x', String(options.columns ?? 120), '-y', String(options.rows ?? 40), '-c', options.cwd, command);
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	/**
	 * Keys by tmux name (Enter, Space, Down, C-c) or single characters, each sent
	 * as its own key, without waiting: the app may read keys sent in a row as one
	 * chunk, as it would from a fast typist, so wait for the screen to show a
	 * prompt before typing into it when that matters.
	 */
	async keys(...keys: string[]): Promise<void> {
		// tmux reads a lone ";" as a command separator and " " as no key at all.
		const names = keys.map(key => (key === ' ' ? 'Space' : key === ';' ? '\\;' : key));
		this.tmux('send-keys', '-t', 'e2e', ...names);
	}

	/** Literal text, as fast as tmux can send it, without waiting (see keys()). */
	async text(text: string): Promise<void> {
		this.tmux('send-keys', '-t', 'e2e', '-l', text);
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', 'e2e');
	}

	async waitFor(expected: string | RegExp, timeoutMs = WAIT_LIMIT_MS): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			let screen: string;
			try {
				screen = this.screen();
			} catch (error) {
				// The pane may not be ready yet; a server that died shows up as the timeout below.
				if (Date.now() > deadline) throw error;
				await pause(50);
				continue;
			}
			if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)}; screen:\n${screen}`);
			await pause(50);
		}
	}

	/** Waits until the app has put the terminal in raw mode, when keys like Ctrl-C reach it as keys. */
	async waitForRawMode(timeoutMs = WAIT_LIMIT_MS): Promise<void> {
		const tty = this.tmux('display', '-p', '-t', 'e2e', '#{pane_tty}').trim();
		const deadline = Date.now() + timeoutMs;
		while (!/(^|\s)-icanon/.test(execFileSync('stty', ['-a', '-F', tty], {encoding: 'utf8'}))) {
			if (Date.now() > deadline) throw new Error(`${tty} never left canonical mode`);
			await pause(50);
		}
	}

	panePid(): number {
		return Number(this.tmux('display', '-p', '-t', 'e2e', '#{pane_pid}').trim());
	}

	/**
	 * Ends the session and waits for the app to exit: a test that removes its
	 * temp directory while the app still runs would see the app write back the
	 * journal it believes was deleted.
	 */
	close(): void {
		let apps: number[] = [];
		try {
			const shell = this.panePid();
			apps = spawnSync('pgrep', ['-P', String(shell)], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean).map(Number);
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
		const deadline = Date.now() + 5000;
		while (apps.some(isRunning) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
		// An app that outlived its terminal would load the machine for every later
		// test; live-screen.e2e tests that it exits by itself, so here it is only ended.
		for (const pid of apps.filter(isRunning)) process.kill(pid, 'SIGKILL');
	}
}
