import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {delimiter, join} from 'node:path';
import {makeTempDir} from '../helpers/temp-dir.js';

/**
 * Counts the git processes incident-tui starts: a `git` first on PATH that
 * writes its arguments to a log and runs the real git. Git's own children
 * (upload-pack, hooks) find the real git through git's exec path, so only the
 * spawns of run-git.ts are counted.
 */
export function countGitCalls() {
	const realGit = execFileSync('sh', ['-c', 'command -v git'], {encoding: 'utf8'}).trim();
	const dir = makeTempDir('incident-tui-git-calls-');
	const log = join(dir, 'calls.log');
	writeFileSync(log, '');
	writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
	chmodSync(join(dir, 'git'), 0o755);
	const calls = () => readFileSync(log, 'utf8').split('\n').filter(line => line !== '');
	/** The git command lines `action` started. */
	return async (action: () => Promise<unknown>): Promise<string[]> => {
		const path = process.env['PATH'];
		const before = calls().length;
		process.env['PATH'] = `${dir}${delimiter}${path ?? ''}`;
		try {
			await action();
		} finally {
			process.env['PATH'] = path;
		}
		return calls().slice(before);
	};
}
