import {spawn, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {once} from 'node:events';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const LAUNCHER_PATH = fileURLToPath(new URL('../../bin/incident-tui', import.meta.url));

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	cwd: string;
	/** Where the settings live: never the real home. */
	configDir: string;
	env?: Record<string, string>;
}

/**
 * Runs the built CLI as a child process, with its settings in `configDir`
 * (never the real home) and no terminal on stdin.
 */
export function runCli(args: string[], options: CliOptions): CliRun {
	if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
	const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI_PATH, ...args], {
		cwd: options.cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: cliEnv(options),
		timeout: 30_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
	return {...process.env, INCIDENT_TUI_CONFIG_DIR: options.configDir, NO_COLOR: '1', ...options.env};
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The CLI at the end of a real pipe, as a shell runs `producer | incident-tui ARGS`:
 * a producer such as `sleep 1; cat file` is a slow writer, like a paste or a chat export.
 */
export function runCliPiped(producer: string, args: string[], options: CliOptions): CliRun {
	const result = spawnSync('sh', ['-c', `(${producer}) | "$@"`, 'sh', process.execPath, CLI_PATH, ...args], {
		cwd: options.cwd,
		encoding: 'utf8',
		env: cliEnv(options),
		timeout: 30_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/**
 * The CLI with its stdout already closed by the reader, as in `incident-tui list | head -0`:
 * the read end is closed before the child has even started, so every write it makes fails.
 */
export async function runCliWithClosedStdout(args: string[], options: CliOptions): Promise<CliRun> {
	const child = spawn(process.execPath, [CLI_PATH, ...args], {cwd: options.cwd, env: cliEnv(options), stdio: ['ignore', 'pipe', 'pipe']});
	child.stdout.destroy();
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const [code] = (await once(child, 'close')) as [number | null];
	return {code, stdout: '', stderr};
}

/**
 * The CLI in a pseudo-terminal (util-linux `script`), for what only runs on a
 * terminal, such as `update` opening $EDITOR. Everything it prints is in stdout.
 */
export function runCliInTerminal(args: string[], options: CliOptions): CliRun {
	const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ');
	const result = spawnSync('script', ['-qec', command, '/dev/null'], {
		cwd: options.cwd,
		encoding: 'utf8',
		env: cliEnv(options),
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 30_000,
	});
	if (result.error) throw result.error;
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
