import {readdirSync, rmSync} from 'node:fs';
import {dirname, isAbsolute, join} from 'node:path';
import {GitFault, faultFromGitError} from './git-fault.js';
import {gitRunner, type Git, type GitRunnerOptions} from './run-git.js';

// Plumbing for the `incident-tui-events` branch: fetch it, read files from
// it, write a tree from local files through a private index, commit on top of
// the remote's tip and push. Nothing here touches the responder's branch,
// index or work tree, and nothing here knows what the files are: which lines
// may come in is the journal's business (journal/merge-remote-lines.ts).

export const SYNC_BRANCH = 'incident-tui-events';
const TRACKING_REF = 'refs/incident-tui/remote-events';

/** git in `root`, once it is known to be a repository with the remote `remote`. */
export async function openEventsRemote(
	root: string,
	inGitRepository: boolean,
	remote: string,
	options: Pick<GitRunnerOptions, 'timeouts' | 'signal'>,
): Promise<Git> {
	if (!inGitRepository) {
		throw new GitFault('not-a-repository', `${root} is not inside a git repository`, 'sync needs the ops repository and a remote; logging works without it');
	}
	const git = gitRunner(root, {...options, retry: 'sync again'});
	try {
		await git(['remote', 'get-url', remote]);
	} catch (error) {
		if (error instanceof GitFault) throw error;
		throw new GitFault('no-remote', `there is no git remote "${remote}"`, `add one: git remote add ${remote} <url> (or: incident-tui config set remote NAME)`);
	}
	return git;
}

/** The remote's tip of the events branch, or undefined when it has none yet. */
export async function fetchEventsBranch(git: Git, remote: string): Promise<string | undefined> {
	try {
		await git(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${SYNC_BRANCH}:${TRACKING_REF}`], {network: true, what: `remote "${remote}"`});
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (/couldn't find remote ref/i.test(text)) {
			await git(['update-ref', '-d', TRACKING_REF]).catch(() => undefined);
			return undefined;
		}
		throw offlineOr(error, remote);
	}
	return (await git(['rev-parse', '--verify', TRACKING_REF])).trim();
}

/** Files of `commit` whose path `wanted` accepts, read in one cat-file process. */
export async function readFilesAt(git: Git, commit: string, wanted: (path: string) => boolean): Promise<Map<string, string>> {
	const entries = (await git(['ls-tree', '-r', '-z', commit]))
		.split('\0')
		.map(entry => /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry))
		.filter((match): match is RegExpExecArray => match !== null && wanted(match[2]!));
	const files = new Map<string, string>();
	if (entries.length === 0) return files;
	const output = await git.bytes(['cat-file', '--batch'], {input: entries.map(match => `${match[1]}\n`).join('')});
	let offset = 0;
	for (const match of entries) {
		const headerEnd = output.indexOf(0x0a, offset);
		const size = Number(/ blob (\d+)$/.exec(output.subarray(offset, headerEnd).toString('utf8'))?.[1]);
		files.set(match[2]!, output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
		offset = headerEnd + 1 + size + 1;
	}
	return files;
}

export async function treeOf(git: Git, commit: string): Promise<string> {
	return (await git(['rev-parse', `${commit}^{tree}`])).trim();
}

export interface TreeFile {
	/** Path in the repository, with `/`. */
	path: string;
	/** The file on disk. */
	file: string;
	/** The content to store, when it differs from the file (a line still being written left out). */
	content?: string;
}

/**
 * Writes a tree of exactly `files` through a private index file (removed
 * again, also when git is stopped), so the responder's index is never touched.
 */
export async function writeTree(git: Git, root: string, files: readonly TreeFile[]): Promise<string> {
	const index = await gitPath(git, root, `incident-tui-sync-${process.pid}.index`);
	removeStaleIndexes(dirname(index));
	try {
		const whole = files.filter(file => file.content === undefined);
		const blobs = new Map<TreeFile, string>();
		if (whole.length > 0) {
			const ids = (await git(['hash-object', '-w', '--stdin-paths'], {input: whole.map(file => `${file.file}\n`).join('')})).trim().split('\n');
			whole.forEach((file, n) => blobs.set(file, ids[n]!));
		}
		for (const file of files) {
			if (file.content !== undefined) blobs.set(file, (await git(['hash-object', '-w', '--stdin'], {input: file.content})).trim());
		}
		const entries = files.map(file => `100644 ${blobs.get(file)}\t${file.path}\0`).join('');
		const env = {GIT_INDEX_FILE: index};
		await git(['update-index', '--add', '-z', '--index-info'], {input: entries, env});
		return (await git(['write-tree'], {env})).trim();
	} finally {
		rmSync(index, {force: true});
	}
}

/** Private indexes of syncs that were killed before they could clean up. */
function removeStaleIndexes(gitDir: string): void {
	for (const name of readdirSync(gitDir)) {
		const pid = /^incident-tui-sync-(\d+)\.index$/.exec(name)?.[1];
		if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(gitDir, name), {force: true});
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A path inside the repository's git directory (worktrees included). */
async function gitPath(git: Git, root: string, name: string): Promise<string> {
	const path = (await git(['rev-parse', '--git-path', name])).trim();
	return isAbsolute(path) ? path : join(root, path);
}

export async function commitTree(git: Git, tree: string, parent: string | undefined, handle: string): Promise<string> {
	const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `incident-tui sync by ${handle}`];
	try {
		return (await git(args)).trim();
	} catch (error) {
		if (error instanceof GitFault) throw error;
		// No identity configured: sync commits are bookkeeping, so the handle will do.
		const email = `${handle}@incident-tui.invalid`;
		return (await git(args, {env: {GIT_AUTHOR_NAME: handle, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: handle, GIT_COMMITTER_EMAIL: email}})).trim();
	}
}

/** True when pushed; false when the remote moved on (fetch, merge and try again). */
export async function pushEventsBranch(git: Git, remote: string, commit: string): Promise<boolean> {
	try {
		await git(['push', '--quiet', remote, `${commit}:refs/heads/${SYNC_BRANCH}`], {network: true, what: `git push to "${remote}" (the remote or a pre-push hook)`});
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (/\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value/i.test(text)) return false;
		if (error instanceof GitFault) throw error;
		throw refusedPush(text, remote) ?? offlineOr(error, remote);
	}
	await git(['update-ref', TRACKING_REF, commit]);
	return true;
}

/** The remote (or a local pre-push hook) said no: say why, in its words. */
function refusedPush(text: string, remote: string): GitFault | undefined {
	const lines = text.split('\n').map(line => line.trim());
	const rejected = lines.find(line => line.includes('[remote rejected]'));
	if (!rejected && !lines.some(line => line.includes('failed to push some refs'))) return undefined;
	const said = lines.filter(line => /^remote: \S/.test(line)).map(line => line.replace(/^remote:\s*/, ''));
	const reason = rejected ? (/\(([^)]*)\)$/.exec(rejected)?.[1] ?? 'rejected') : 'the pre-push hook failed';
	return new GitFault(
		'push-refused',
		`remote "${remote}" refused the push to its ${SYNC_BRANCH} branch: ${[reason, ...said].slice(0, 4).join(' / ')}`,
		`your events are kept here; ask whoever runs the remote to allow pushes to ${SYNC_BRANCH} (or fix your pre-push hook), then sync again`,
	);
}

function offlineOr(error: unknown, remote: string): GitFault {
	if (error instanceof GitFault) return error;
	const text = error instanceof Error ? error.message : String(error);
	if (/Could not read from remote|does not appear to be a git repository|Could not resolve host|unable to access|Connection (refused|timed out)|No such file or directory|not found/i.test(text)) {
		const reason = text.split('\n').find(line => /fatal|error/i.test(line))?.replace(/^(fatal|error):\s*/i, '') ?? 'unreachable';
		return new GitFault('offline', `remote "${remote}" is unreachable (${reason.trim()})`, 'your events are kept here and go out on the next sync; logging goes on');
	}
	return faultFromGitError(error, 'sync failed', 'sync again');
}
