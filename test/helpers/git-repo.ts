import {execFileSync} from 'node:child_process';
import {makeTempDir} from './temp-dir.js';

/** Runs git in `cwd` and returns its output; any failure fails the test. */
export function git(cwd: string, ...args: string[]): string {
	return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

/** A real repository with a local identity (CI machines may have none) and, unless told, one commit. */
export function makeRepo(options: {commit?: boolean} = {}): string {
	const repo = makeTempDir('incident-tui-repo-');
	git(repo, 'init', '-q', '-b', 'main');
	git(repo, 'config', 'user.name', 'Alice Example');
	git(repo, 'config', 'user.email', 'alice@example.com');
	git(repo, 'config', 'commit.gpgsign', 'false');
	if (options.commit !== false) git(repo, 'commit', '-q', '--allow-empty', '-m', 'Initial commit');
	return repo;
}
