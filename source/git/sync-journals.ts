import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, isAbsolute, join, relative, sep} from 'node:path';
import type {SimpleGit} from 'simple-git';
import {appendLines} from '../journal/append-event.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {journalFilesIn, lineKey} from '../journal/read-journal.js';
import {gitClient} from './git-client.js';
import {GitFault, faultFromGitError} from './git-fault.js';

// Why a dedicated branch built with plumbing, not commits on the current branch:
// sync must never touch a responder's branch, index or uncommitted work. The
// journal files are hashed into a tree through a private index file, committed
// with commit-tree on top of the remote's tip, and pushed to the remote branch
// `incident-tui-events`. Each responder only ever appends to their own file, so
// merging is a union of lines: nothing conflicts and nothing is lost. A push
// that loses a race is fetched, merged and tried again.

export const SYNC_BRANCH = 'incident-tui-events';
const TRACKING_REF = 'refs/incident-tui/remote-events';
const ATTEMPTS = 5;

export interface SyncOptions {
	root: string;
	inGitRepository: boolean;
	docsDir: string;
	remote: string;
	handle: string;
}

export interface SyncResult {
	status: 'synced' | 'up-to-date';
	/** Events that arrived from the remote and were appended here. */
	received: number;
	/** Events the remote did not have before this sync. */
	sent: number;
	attempts: number;
}

/** One line for the screen and the CLI. */
export function describeSync(result: SyncResult, remote: string): string {
	if (result.status === 'up-to-date') return `Up to date with ${remote}.`;
	return `Synced with ${remote}: received ${result.received} event${result.received === 1 ? '' : 's'}, sent ${result.sent}.`;
}

export async function syncJournals(options: SyncOptions): Promise<SyncResult> {
	const git = await openRepository(options);
	let received = 0;
	for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
		const remoteTip = await fetchRemote(git, options.remote);
		const remoteFiles = remoteTip ? await readRemoteJournals(git, remoteTip) : new Map<string, string>();
		received += mergeIntoLocal(options, remoteFiles);
		const sent = countUnsent(options, remoteFiles);
		const tree = await writeJournalTree(git, options);
		if (remoteTip && tree === (await git.raw(['rev-parse', `${remoteTip}^{tree}`])).trim()) {
			return {status: received > 0 ? 'synced' : 'up-to-date', received, sent: 0, attempts: attempt};
		}
		const commit = await commitTree(git, options.root, tree, remoteTip, options.handle);
		if (await push(git, options.remote, commit)) {
			await git.raw(['update-ref', TRACKING_REF, commit]);
			return {status: 'synced', received, sent, attempts: attempt};
		}
	}
	throw new GitFault('git-failed', `the remote's ${SYNC_BRANCH} branch kept moving during ${ATTEMPTS} attempts`, 'run incident-tui sync again; nothing was lost');
}

async function openRepository(options: SyncOptions): Promise<SimpleGit> {
	if (!options.inGitRepository) {
		throw new GitFault('not-a-repository', `${options.root} is not inside a git repository`, 'sync needs the ops repository and a remote; logging works without it');
	}
	const git = gitClient(options.root);
	try {
		await git.raw(['remote', 'get-url', options.remote]);
	} catch {
		throw new GitFault(
			'no-remote',
			`there is no git remote "${options.remote}"`,
			`add one: git remote add ${options.remote} <url> (or: incident-tui config set remote NAME)`,
		);
	}
	return git;
}

async function fetchRemote(git: SimpleGit, remote: string): Promise<string | undefined> {
	try {
		await git.raw(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${SYNC_BRANCH}:${TRACKING_REF}`]);
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (/couldn't find remote ref/i.test(text)) {
			await git.raw(['update-ref', '-d', TRACKING_REF]).catch(() => undefined);
			return undefined;
		}
		throw offlineOr(error, remote);
	}
	return (await git.raw(['rev-parse', '--verify', TRACKING_REF])).trim();
}

function offlineOr(error: unknown, remote: string): GitFault {
	const text = error instanceof Error ? error.message : String(error);
	if (/Could not read from remote|does not appear to be a git repository|Could not resolve host|unable to access|Connection (refused|timed out)|No such file or directory|not found/i.test(text)) {
		const reason = text.split('\n').find(line => /fatal|error/i.test(line))?.replace(/^(fatal|error):\s*/i, '') ?? 'unreachable';
		return new GitFault('offline', `remote "${remote}" is unreachable (${reason.trim()})`, 'your events are kept here and go out on the next sync; logging goes on');
	}
	return faultFromGitError(error, 'sync failed');
}

/** Journal files on the remote branch, by path relative to the repository. */
async function readRemoteJournals(git: SimpleGit, tip: string): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	const listing = await git.raw(['ls-tree', '-r', '--name-only', '-z', tip]);
	for (const path of listing.split('\0')) {
		if (!/\/incidents\/[^/]+\/events\/[^/]+\.jsonl$|^incidents\/[^/]+\/events\/[^/]+\.jsonl$/.test(path)) continue;
		files.set(path, await git.raw(['cat-file', 'blob', `${tip}:${path}`]));
	}
	return files;
}

function linesOf(content: string): string[] {
	return content.split('\n').filter((line, index, all) => line !== '' && (index < all.length - 1 || content.endsWith('\n')));
}

/** Appends to each local journal the remote lines it lacks; returns how many. */
function mergeIntoLocal(options: SyncOptions, remoteFiles: ReadonlyMap<string, string>): number {
	let added = 0;
	for (const [path, content] of remoteFiles) {
		const local = safeLocalPath(options, path);
		if (!local) continue;
		const known = new Set(existsSync(local) ? linesOf(readFileSync(local, 'utf8')).map(lineKey) : []);
		const missing = linesOf(content).filter(line => !known.has(lineKey(line)));
		if (missing.length === 0) continue;
		mkdirSync(dirname(local), {recursive: true});
		appendLines(local, missing);
		added += missing.length;
	}
	return added;
}

function countUnsent(options: SyncOptions, remoteFiles: ReadonlyMap<string, string>): number {
	let unsent = 0;
	for (const file of localJournalFiles(options)) {
		const remote = new Set(linesOf(remoteFiles.get(repositoryPath(options, file)) ?? '').map(lineKey));
		unsent += linesOf(readFileSync(file, 'utf8')).filter(line => !remote.has(lineKey(line))).length;
	}
	return unsent;
}

/** A remote path becomes a local one only inside the incidents directory. */
function safeLocalPath(options: SyncOptions, path: string): string | undefined {
	const local = join(options.root, path);
	const incidents = join(options.docsDir, 'incidents') + sep;
	return local.startsWith(incidents) && !path.split('/').includes('..') ? local : undefined;
}

function repositoryPath(options: SyncOptions, file: string): string {
	return relative(options.root, file).split(sep).join('/');
}

function localJournalFiles(options: SyncOptions): string[] {
	return listIncidentIds(options.docsDir).flatMap(id => journalFilesIn(eventsDirOf(options.docsDir, id)));
}

/** Hashes every local journal file into a tree through a private index: the real index is never touched. */
async function writeJournalTree(git: SimpleGit, options: SyncOptions): Promise<string> {
	const index = await gitPath(git, options.root, 'incident-tui-sync.index');
	rmSync(index, {force: true});
	const privateIndex = gitClient(options.root, {GIT_INDEX_FILE: index});
	try {
		await privateIndex.raw(['read-tree', '--empty']);
		for (const file of localJournalFiles(options)) {
			const content = readFileSync(file, 'utf8');
			// Only whole lines travel: a line still being written waits for the next sync.
			const whole = content.slice(0, content.lastIndexOf('\n') + 1);
			if (whole === '') continue;
			const blob = whole === content ? (await git.raw(['hash-object', '-w', '--', file])).trim() : await hashText(git, options, whole);
			await privateIndex.raw(['update-index', '--add', '--cacheinfo', `100644,${blob},${repositoryPath(options, file)}`]);
		}
		return (await privateIndex.raw(['write-tree'])).trim();
	} finally {
		rmSync(index, {force: true});
	}
}

/** A path inside the repository's git directory (worktrees included). */
async function gitPath(git: SimpleGit, root: string, name: string): Promise<string> {
	const path = (await git.raw(['rev-parse', '--git-path', name])).trim();
	return isAbsolute(path) ? path : join(root, path);
}

async function hashText(git: SimpleGit, options: SyncOptions, text: string): Promise<string> {
	const temporary = await gitPath(git, options.root, `incident-tui-sync-${process.pid}.tmp`);
	writeFileSync(temporary, text);
	try {
		return (await git.raw(['hash-object', '-w', '--', temporary])).trim();
	} finally {
		rmSync(temporary, {force: true});
	}
}

async function commitTree(git: SimpleGit, root: string, tree: string, parent: string | undefined, handle: string): Promise<string> {
	const message = `incident-tui sync by ${handle}`;
	const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message];
	try {
		return (await git.raw(args)).trim();
	} catch {
		// No identity configured: sync commits are bookkeeping, so the handle will do.
		const identity = {GIT_AUTHOR_NAME: handle, GIT_AUTHOR_EMAIL: `${handle}@incident-tui.invalid`, GIT_COMMITTER_NAME: handle, GIT_COMMITTER_EMAIL: `${handle}@incident-tui.invalid`};
		return (await gitClient(root, identity).raw(args)).trim();
	}
}

/** True when pushed; false when the remote moved on (fetch, merge and try again). */
async function push(git: SimpleGit, remote: string, commit: string): Promise<boolean> {
	try {
		await git.raw(['push', '--quiet', remote, `${commit}:refs/heads/${SYNC_BRANCH}`]);
		return true;
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (/\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value/i.test(text)) return false;
		throw offlineOr(error, remote);
	}
}
