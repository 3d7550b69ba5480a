import {spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs the built CLI as a child process, with its settings in `configDir`
 * (never the real home) and no terminal on stdin.
 */
export function runCli(args: string[], options: {cwd: string; configDir: string; env?: Record<string, string>}): CliRun {
	if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
	const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI_PATH, ...args], {
		cwd: options.cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, INCIDENT_TUI_CONFIG_DIR: options.configDir, NO_COLOR: '1', ...options.env},
		timeout: 30_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
