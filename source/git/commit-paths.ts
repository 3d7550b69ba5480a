import {existsSync} from 'node:fs';
import {isAbsolute, join} from 'node:path';
import type {SimpleGit} from 'simple-git';
import {gitClient} from './git-client.js';
import {GitFault, faultFromGitError} from './git-fault.js';

export interface CommitResult {
	status: 'committed' | 'unchanged';
	commit?: string;
	/** HEAD was detached: the commit exists but is on no branch. */
	detached: boolean;
}

/**
 * Checks, before anything is committed, the faults git would otherwise report
 * late or confusingly. Throws a GitFault; never changes the repository.
 */
export async function checkRepository(root: string, inGitRepository: boolean): Promise<{git: SimpleGit; detached: boolean}> {
	if (!inGitRepository) {
		throw new GitFault('not-a-repository', `${root} is not inside a git repository`, 'run incident-tui in your ops repository, or git init here; the report is written either way');
	}
	const git = gitClient(root);
	const lock = (await git.raw(['rev-parse', '--git-path', 'index.lock'])).trim();
	if (existsSync(isAbsolute(lock) ? lock : join(root, lock))) {
		throw new GitFault('index-locked', 'another git process holds .git/index.lock', 'wait for it to finish; if no git is running, delete .git/index.lock');
	}
	try {
		await git.raw(['var', 'GIT_COMMITTER_IDENT']);
	} catch (error) {
		throw faultFromGitError(error, 'cannot commit');
	}
	try {
		await git.raw(['rev-parse', '--verify', 'HEAD']);
	} catch {
		throw new GitFault('no-commits', 'this repository has no commits yet', 'make a first commit (git commit --allow-empty -m "Initial commit"), then publish again');
	}
	// Without --quiet: simple-git takes a silent non-zero exit for success.
	const detached = await git.raw(['symbolic-ref', 'HEAD']).then(
		() => false,
		() => true,
	);
	return {git, detached};
}

/** Stages exactly `paths` and reports whether they differ from HEAD. */
export async function stagePaths(git: SimpleGit, paths: readonly string[]): Promise<boolean> {
	try {
		await git.raw(['add', '--', ...paths]);
		const staged = await git.raw(['diff', '--cached', '--name-only', '--', ...paths]);
		return staged.trim() !== '';
	} catch (error) {
		throw faultFromGitError(error, 'cannot stage the incident files');
	}
}

/**
 * Commits only `paths` (a pathspec commit): whatever else the responder had
 * staged stays staged and out of this commit. Hooks run.
 */
export async function commitPaths(root: string, git: SimpleGit, paths: readonly string[], message: string): Promise<string> {
	try {
		await git.raw(['commit', '--quiet', '-m', message, '--', ...paths]);
	} catch (error) {
		throw await classifyCommitFailure(root, git, error);
	}
	return (await git.raw(['rev-parse', 'HEAD'])).trim();
}

async function classifyCommitFailure(root: string, git: SimpleGit, error: unknown): Promise<GitFault> {
	const fault = faultFromGitError(error, 'git commit failed');
	if (fault.code !== 'git-failed') return fault;
	const hooks = (await git.raw(['rev-parse', '--git-path', 'hooks']).catch(() => '')).trim();
	const hookDir = isAbsolute(hooks) ? hooks : join(root, hooks);
	const hook = ['pre-commit', 'commit-msg', 'prepare-commit-msg'].find(name => existsSync(join(hookDir, name)));
	if (!hook) return fault;
	const output = (error instanceof Error ? error.message : String(error)).trim();
	return new GitFault(
		'hook-failed',
		`the ${hook} hook refused the commit: ${output.split('\n').slice(0, 5).join(' / ')}`,
		'fix what it reports and publish again; the report and journal are on disk',
	);
}
