import {copyFileSync, readdirSync, renameSync, rmSync, statSync} from 'node:fs';
import {dirname, isAbsolute, join} from 'node:path';
import {FILE_MODE, type RemoteTip, type TreeEntry} from './blob-cache.js';
import {GitFault, faultFromGitError} from './git-fault.js';
import {GitCommandError, gitRunner, type Git, type GitRunnerOptions} from './run-git.js';

// Plumbing for the `incident-tui-events` branch: fetch it, read files from
// it, write a tree from local files through a private index, commit on top of
// the remote's tip and push. Nothing here touches the responder's branch,
// index or work tree, and nothing here knows what the files are: which lines
// may come in is the journal's business (journal/merge-remote-lines.ts).

export const SYNC_BRANCH = 'incident-tui-events';
const TRACKING_REF = 'refs/incident-tui/remote-events';
// Not `incident-tui-sync-*`: those are per-process files, removed when their process ends.
const CACHE_NAME = 'incident-tui-blob-cache.json';

/** git in `root`, once it is known to be a repository; whether `remote` exists, the first fetch finds out. */
export function openEventsRemote(root: string, inGitRepository: boolean, options: Pick<GitRunnerOptions, 'timeouts' | 'signal'>): Git {
	if (!inGitRepository) {
		throw new GitFault('not-a-repository', `${root} is not inside a git repository`, 'sync needs the ops repository and a remote; logging works without it');
	}
	return gitRunner(root, {...options, retry: 'sync again'});
}

export interface PrivateFiles {
	/** This process's private index file. */
	indexFile: string;
	/** The derived cache of blob ids (git/blob-cache.ts). */
	cacheFile: string;
}

/**
 * Where sync keeps its private files. In a clone whose `.git` is a directory
 * that is where git would put them, so no git process is needed; a worktree or
 * submodule (a `.git` file) asks git.
 */
export async function privateFilesOf(git: Git): Promise<PrivateFiles> {
	const indexName = `incident-tui-sync-${process.pid}.index`;
	const dotGit = join(git.root, '.git');
	if (statSync(dotGit, {throwIfNoEntry: false})?.isDirectory()) return {indexFile: join(dotGit, indexName), cacheFile: join(dotGit, CACHE_NAME)};
	const [indexFile, cacheFile] = (await git(['rev-parse', '--git-path', indexName, '--git-path', CACHE_NAME])).trim().split('\n');
	const absolute = (path: string) => (isAbsolute(path) ? path : join(git.root, path));
	return {indexFile: absolute(indexFile!), cacheFile: absolute(cacheFile!)};
}

/** Fetches the remote's events branch; its tip is undefined when the remote has no events branch yet. */
export async function fetchEventsBranch(git: Git, remote: string): Promise<RemoteTip | undefined> {
	try {
		await git(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${SYNC_BRANCH}:${TRACKING_REF}`], {network: true, what: `remote "${remote}"`});
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (!/couldn't find remote ref/i.test(text)) throw await fetchFault(git, error, remote);
		await git(['update-ref', '-d', TRACKING_REF]).catch(() => undefined);
		return undefined;
	}
	const [commit, tree] = (await git(['rev-parse', TRACKING_REF, `${TRACKING_REF}^{tree}`])).trim().split('\n');
	return {commit: commit!, tree: tree!};
}

/** Only when the fetch failed: a remote that is not configured is named as such, not as unreachable. */
async function fetchFault(git: Git, error: unknown, remote: string): Promise<GitFault> {
	if (error instanceof GitFault) return error;
	try {
		await git(['remote', 'get-url', remote]);
	} catch (lookup) {
		if (lookup instanceof GitFault) return lookup;
		return new GitFault('no-remote', `there is no git remote "${remote}"`, `add one: git remote add ${remote} <url> (or: incident-tui config set remote NAME)`);
	}
	return offlineOr(error, remote);
}

/** Every file of `tree`, by path. */
export async function listTree(git: Git, tree: string): Promise<Map<string, TreeEntry>> {
	const entries = new Map<string, TreeEntry>();
	for (const entry of (await git(['ls-tree', '-r', '-z', '--full-tree', tree])).split('\0')) {
		const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
		if (match) entries.set(match[3]!, {mode: match[1]!, blob: match[2]!});
	}
	return entries;
}

/** The contents of `blobs`, read in one cat-file process. */
export async function readBlobs(git: Git, blobs: readonly string[]): Promise<Map<string, string>> {
	const contents = new Map<string, string>();
	const wanted = [...new Set(blobs)];
	if (wanted.length === 0) return contents;
	const output = await git.bytes(['cat-file', '--batch'], {input: wanted.map(blob => `${blob}\n`).join('')});
	let offset = 0;
	for (const blob of wanted) {
		const headerEnd = output.indexOf(0x0a, offset);
		const header = output.subarray(offset, headerEnd).toString('utf8');
		const size = Number(/ blob (\d+)$/.exec(header)?.[1] ?? Number.NaN);
		if (!header.startsWith(blob) || Number.isNaN(size)) throw new GitCommandError(`git cat-file could not read ${blob}: ${header}`);
		contents.set(blob, output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
		offset = headerEnd + 1 + size + 1;
	}
	return contents;
}

export interface BlobSource {
	/** The file on disk. */
	file: string;
	/** The content to store, when it differs from the file (a line still being written left out). */
	content?: string;
}

/** Stores `sources` as blobs, byte for byte (no filters): the whole files in one process. */
export async function writeBlobs(git: Git, sources: readonly BlobSource[]): Promise<string[]> {
	const ids = new Map<BlobSource, string>();
	const whole = sources.filter(source => source.content === undefined);
	if (whole.length > 0) {
		const written = (await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], {input: whole.map(source => `${source.file}\n`).join('')})).trim().split('\n');
		whole.forEach((source, n) => ids.set(source, written[n]!));
	}
	// Only a file cut short by a crash, once: afterwards the cache knows its blob.
	for (const source of sources) {
		if (source.content !== undefined) ids.set(source, (await git(['hash-object', '-w', '--stdin'], {input: source.content})).trim());
	}
	return sources.map(source => ids.get(source)!);
}

/** The last tree written, with its files: its index is kept, so the next tree is made from what changed. */
export interface TreeBase {
	tree: string;
	entries: ReadonlyMap<string, TreeEntry>;
}

/**
 * Writes a tree of exactly `entries` (path to blob) through a private index
 * file, so the responder's index is never touched. The index is then kept
 * under the tree's id: starting from it, only the changed paths are given to
 * git, and write-tree reuses every subtree whose files did not change, so the
 * cost follows what changed, not how many incidents there are. Named by the
 * tree it makes, a kept index cannot be mistaken for another: its files are
 * exactly `base.entries`.
 */
export async function writeTree(git: Git, indexFile: string, entries: ReadonlyMap<string, string>, base?: TreeBase): Promise<string> {
	const gitDir = dirname(indexFile);
	const kept = removeStaleIndexes(gitDir);
	const env = {GIT_INDEX_FILE: indexFile};
	const build = async (changes: string) => {
		await git(['update-index', '--add', '-z', '--index-info'], {input: changes, env});
		return (await git(['write-tree'], {env})).trim();
	};
	try {
		let tree: string | undefined;
		if (base && kept.includes(keptIndexName(base.tree)) && copyIndex(join(gitDir, keptIndexName(base.tree)), indexFile)) {
			// A kept index that git cannot use (damaged) only costs the full build below.
			tree = await build(changedEntries(base.entries, entries)).catch(() => undefined);
		}
		if (tree === undefined) {
			rmSync(indexFile, {force: true});
			tree = await build([...entries].map(([path, blob]) => `${FILE_MODE} ${blob}\t${path}\0`).join(''));
		}
		renameSync(indexFile, join(gitDir, keptIndexName(tree)));
		for (const name of kept) if (name !== keptIndexName(tree)) rmSync(join(gitDir, name), {force: true});
		return tree;
	} finally {
		// A git stopped while it wrote (time limit, the screen quitting) leaves its lock; the index is this process's alone.
		rmSync(indexFile, {force: true});
		rmSync(`${indexFile}.lock`, {force: true});
	}
}

const keptIndexName = (tree: string) => `incident-tui-tree-${tree}.index`;

/** --index-info lines that turn `base` into `entries`: mode 0 removes a path. */
function changedEntries(base: ReadonlyMap<string, TreeEntry>, entries: ReadonlyMap<string, string>): string {
	let changes = '';
	for (const [path, blob] of entries) {
		const before = base.get(path);
		if (before?.mode !== FILE_MODE || before.blob !== blob) changes += `${FILE_MODE} ${blob}\t${path}\0`;
	}
	for (const [path, {blob}] of base) if (!entries.has(path)) changes += `0 ${blob}\t${path}\0`;
	return changes;
}

/** False when another sync removed it meanwhile. */
function copyIndex(from: string, to: string): boolean {
	try {
		copyFileSync(from, to);
		return true;
	} catch {
		return false;
	}
}

/** Removes private indexes of syncs that were killed before they could clean up; returns the names of the kept ones. */
function removeStaleIndexes(gitDir: string): string[] {
	const kept: string[] = [];
	for (const name of readdirSync(gitDir)) {
		if (/^incident-tui-tree-[0-9a-f]+\.index$/.test(name)) kept.push(name);
		const pid = /^incident-tui-sync-(\d+)\.index(?:\.lock)?$/.exec(name)?.[1];
		if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(gitDir, name), {force: true});
	}
	return kept;
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
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

/** True when pushed; false when the remote moved on (fetch, merge and try again). The tracking ref is the caller's: see trackPushed. */
export async function pushEventsBranch(git: Git, remote: string, commit: string): Promise<boolean> {
	try {
		return await push(git, remote, commit);
	} catch (error) {
		throw offlineOr(error, remote);
	}
}

/**
 * Pushes `commit` only while the remote's branch is still at `lease`, without
 * fetching first: 'pushed'; 'moved' when someone else pushed since (fetch and
 * merge first); 'unsure' when the push failed in a way only the fetch names
 * as today (the usual sync then runs and says it). A refusal, a remote that
 * is unreachable or not configured, and git's time limit end the sync with
 * the very fault the usual sync would give.
 */
export async function pushOnLease(git: Git, remote: string, commit: string, lease: string): Promise<'pushed' | 'moved' | 'unsure'> {
	try {
		return (await push(git, remote, commit, lease)) ? 'pushed' : 'moved';
	} catch (error) {
		if (error instanceof GitFault) throw error;
		// The same words the fetch would have found: the push meets the same transport first.
		const fault = await fetchFault(git, error, remote);
		if (fault.code === 'offline' || fault.code === 'no-remote') throw fault;
		return 'unsure';
	}
}

/** True when pushed, false when the remote moved on; a refusal or git's time limit is a GitFault, anything else git's own error. */
async function push(git: Git, remote: string, commit: string, lease?: string): Promise<boolean> {
	// A lease to a branch the remote moved or deleted is refused as `[rejected] … (stale info)`, before anything is sent.
	const leased = lease ? [`--force-with-lease=refs/heads/${SYNC_BRANCH}:${lease}`] : [];
	try {
		await git(['push', '--quiet', ...leased, remote, `${commit}:refs/heads/${SYNC_BRANCH}`], {network: true, what: `git push to "${remote}" (the remote or a pre-push hook)`});
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (/\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value/i.test(text)) return false;
		if (error instanceof GitFault) throw error;
		throw refusedPush(text, remote) ?? error;
	}
	return true;
}

/** After a push: the tracking ref follows, so the next fetch finds the remote as left. */
export async function trackPushed(git: Git, commit: string): Promise<void> {
	await git(['update-ref', TRACKING_REF, commit]);
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
