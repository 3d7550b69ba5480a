import {execFileSync} from 'node:child_process';
import {runCli} from './run-cli.js';
import {makeTempDir} from './temp-dir.js';

/** Where an end-to-end test starts: a new git repository, and settings of its own whose handle is alice. */
export function aliceRepo(): {repo: string; configDir: string} {
	const repo = makeTempDir();
	const configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
	return {repo, configDir};
}
