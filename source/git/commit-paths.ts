import {existsSync} from 'node:fs';
import {isAbsolute, join} from 'node:path';
import {GitFault, faultFromGitError} from './git-fault.js';
import {gitRunner, type Git, type GitRunnerOptions} from './run-git.js';

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
export async function checkRepository(root: string, inGitRepository: boolean, options: GitRunnerOptions = {}): Promise<{git: Git; detached: boolean}> {
	if (!inGitRepository) {
		throw new GitFault('not-a-repository', `${root} is not inside a git repository`, 'run incident-tui in your ops repository, or git init here; the report is written either way');
	}
	const git = gitRunner(root, {retry: 'publish again', ...options});
	const lock = (await git(['rev-parse', '--git-path', 'index.lock'])).trim();
	if (existsSync(isAbsolute(lock) ? lock : join(root, lock))) {
		throw new GitFault('index-locked', 'another git process holds .git/index.lock', 'wait for it to finish; if no git is running, delete .git/index.lock');
	}
	try {
		await git(['var', 'GIT_COMMITTER_IDENT']);
	} catch (error) {
		throw faultFromGitError(error, 'cannot commit');
	}
	try {
		await git(['rev-parse', '--verify', 'HEAD']);
	} catch (error) {
		if (error instanceof GitFault) throw error;
		throw new GitFault('no-commits', 'this repository has no commits yet', 'make a first commit (git commit --allow-empty -m "Initial commit"), then publish again');
	}
	const detached = await git(['symbolic-ref', '--quiet', 'HEAD']).then(
		() => false,
		(error: unknown) => {
			if (error instanceof GitFault) throw error;
			return true;
		},
	);
	return {git, detached};
}

/** Stages exactly `paths` and reports whether they differ from HEAD. */
export async function stagePaths(git: Git, paths: readonly string[]): Promise<boolean> {
	try {
		await git(['add', '--', ...paths]);
		const staged = await git(['diff', '--cached', '--name-only', '--', ...paths]);
		return staged.trim() !== '';
	} catch (error) {
		throw ignoredPathsFault(error) ?? faultFromGitError(error, 'cannot stage the incident files');
	}
}

/** git lists ignored paths on the lines after its message; name them all in the one line. */
function ignoredPathsFault(error: unknown): GitFault | undefined {
	const text = error instanceof Error ? error.message : '';
	const lines = text.split('\n');
	const start = lines.findIndex(line => /ignored by one of your \.gitignore files/.test(line));
	if (start === -1) return undefined;
	const ignored = lines.slice(start + 1).filter(line => line.trim() !== '' && !/^(hint|fatal|error):/.test(line));
	const named = ignored.length > 0 ? ignored.join(', ') : 'the incident files';
	return new GitFault(
		'ignored-paths',
		`cannot commit ${named}: a .gitignore rule ignores ${ignored.length === 1 ? 'it' : 'them'} (see: git check-ignore -v ${ignored[0] ?? 'docs'})`,
		`un-ignore ${named} in .gitignore (or add them once with git add -f), or keep incidents elsewhere: incident-tui config set incidentsDir <dir>; the report is on disk, publish again`,
	);
}

/**
 * Commits only `paths` (a pathspec commit): whatever else the responder had
 * staged stays staged and out of this commit. Hooks run.
 */
export async function commitPaths(root: string, git: Git, paths: readonly string[], message: string): Promise<string> {
	try {
		await git(['commit', '--quiet', '-m', message, '--', ...paths], {what: 'git commit (a pre-commit or commit-msg hook, or commit signing)'});
	} catch (error) {
		throw await classifyCommitFailure(root, git, error);
	}
	return (await git(['rev-parse', 'HEAD'])).trim();
}

async function classifyCommitFailure(root: string, git: Git, error: unknown): Promise<GitFault> {
	if (error instanceof GitFault) return error;
	const fault = faultFromGitError(error, 'git commit failed');
	if (fault.code !== 'git-failed') return fault;
	// core.hooksPath is honoured by --git-path hooks.
	const hooks = (await git(['rev-parse', '--git-path', 'hooks']).catch(() => '')).trim();
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
