import {basename, relative, sep} from 'node:path';
import type {Workspace} from '../config/workspace.js';
import {BlobCache, fileStat, type FileStat, type TreeEntry} from '../git/blob-cache.js';
import {commitTree, fetchEventsBranch, listTree, openEventsRemote, pushEventsBranch, readBlobs, SYNC_BRANCH, writeBlobs, writeTree} from '../git/events-branch.js';
import {GitFault} from '../git/git-fault.js';
import type {Git, GitRunnerOptions} from '../git/run-git.js';
import {journalAt, type JournalLocation} from '../journal/journal-paths.js';
import {mergeRemoteLines} from '../journal/merge-remote-lines.js';
import {lineKey} from '../journal/read-journal.js';
import {journalFilesToShare, sharedJournalOf} from '../journal/shared-journals.js';
import type {CommandContext} from './command-context.js';

// Why a dedicated branch built with plumbing, not commits on the current branch:
// sync must never touch a responder's branch, index or uncommitted work. The
// journal files are hashed into a tree, committed on top of the remote's tip,
// and pushed to the remote branch `incident-tui-events` (git/events-branch.ts).
// Each responder only ever appends to their own file, so merging is adding the
// lines the other side lacks (journal/merge-remote-lines.ts decides which may
// come in). The tree is always made from the local files, so nothing refused
// travels on. A push that loses a race is fetched, merged and tried again.

const ATTEMPTS = 5;

export interface SyncResult {
	status: 'synced' | 'up-to-date';
	/** Valid events that arrived from the remote and were appended here. */
	received: number;
	/** Events the remote did not have before this sync. */
	sent: number;
	attempts: number;
	/** Remote lines refused in this sync (not valid, not theirs, a second opening), by the file that lists them. */
	setAside: Map<string, number>;
	/** The remote's copy of our own journal holds lines this machine never wrote. */
	ownJournalConflict?: {file: string; lines: number};
}

/** One line for the screen and the CLI. */
export function describeSync(result: SyncResult, remote: string): string {
	const main =
		result.status === 'up-to-date'
			? `Up to date with ${remote}.`
			: `Synced with ${remote}: received ${result.received} event${result.received === 1 ? '' : 's'}, sent ${result.sent}.`;
	const notes: string[] = [];
	if (result.ownJournalConflict) {
		const {file, lines} = result.ownJournalConflict;
		notes.push(`The remote's copy of your own journal ${basename(file)} has ${lines} line${lines === 1 ? '' : 's'} this machine never wrote: kept aside in ${basename(file)}.rejected, not merged.`);
	}
	const refused = [...result.setAside].filter(([file]) => file !== `${result.ownJournalConflict?.file}.rejected`);
	const count = refused.reduce((sum, [, lines]) => sum + lines, 0);
	if (count > 0) notes.push(`Set aside ${count} remote line${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not valid events of ${count === 1 ? 'its' : 'their'} journal: see ${refused.map(([file]) => basename(file)).join(', ')}.`);
	return [main, ...notes].join(' ');
}

/** Exchanges events with `remote`: fetch (git), merge (journal), push (git). */
export async function syncIncidents(
	context: CommandContext,
	workspace: Workspace,
	remote: string,
	limits: Pick<GitRunnerOptions, 'timeouts' | 'signal'> = {},
): Promise<SyncResult> {
	const git = openEventsRemote(workspace.root, workspace.inGitRepository, limits);
	const paths = repositoryPaths(workspace);
	const result: SyncResult = {status: 'up-to-date', received: 0, sent: 0, attempts: 0, setAside: new Map()};
	let cache: BlobCache | undefined;
	for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
		result.attempts = attempt;
		const {tip, indexFile, cacheFile} = await fetchEventsBranch(git, remote);
		cache ??= BlobCache.load(cacheFile);
		const remoteEntries = tip ? (cache.remoteEntries(tip.tree) ?? (await listTree(git, tip.tree))) : new Map<string, TreeEntry>();
		if (tip) cache.rememberRemote(tip.tree, remoteEntries);
		const remoteJournals = await readNewRemoteJournals(git, cache, paths, remoteEntries);
		if (tip && remoteJournals.texts.size > 0) {
			const journals = [...remoteJournals.texts].map(([path, content]) => ({...paths.journalAt(path)!, content}));
			const merged = mergeRemoteLines(workspace.docsDir, context.writer, {ref: `${remote}/${SYNC_BRANCH}`, commit: tip.commit}, journals);
			result.received += merged.accepted;
			for (const [file, lines] of merged.setAside) result.setAside.set(file, (result.setAside.get(file) ?? 0) + lines);
			result.ownJournalConflict = merged.ownJournalConflict ?? result.ownJournalConflict;
		}
		const local = await storeLocalJournals(git, cache, workspace, paths, remoteEntries);
		cache.save();
		if (tip && sameTree(local, remoteEntries)) {
			return {...result, status: result.received > 0 ? 'synced' : 'up-to-date', sent: 0};
		}
		const tree = await writeTree(git, indexFile, new Map([...local].map(([path, journal]) => [path, journal.blob])));
		const commit = await commitTree(git, tree, tip?.commit, context.handle);
		if (await pushEventsBranch(git, remote, commit)) {
			cache.rememberRemote(tree, new Map([...local].map(([path, {blob}]) => [path, {mode: FILE_MODE, blob}])));
			cache.save();
			return {...result, status: 'synced', sent: countUnsent(local, remoteEntries, remoteJournals)};
		}
	}
	throw new GitFault('git-failed', `the remote's ${SYNC_BRANCH} branch kept moving during ${ATTEMPTS} attempts`, 'run incident-tui sync again; nothing was lost');
}

const FILE_MODE = '100644';

interface RepositoryPaths {
	/** A local file's path on the branch: relative to the repository, with `/`. */
	of: (file: string) => string;
	/** The journal a path on the branch stands for; anything else there is left where it is. */
	journalAt: (path: string) => JournalLocation | undefined;
}

function repositoryPaths({root, docsDir}: Workspace): RepositoryPaths {
	const of = (file: string) => relative(root, file).split(sep).join('/');
	const docsPrefix = docsDir === root ? '' : `${of(docsDir)}/`;
	return {of, journalAt: path => (path.startsWith(docsPrefix) ? journalAt(docsDir, path.slice(docsPrefix.length)) : undefined)};
}

interface RemoteJournals {
	/** The remote's journals that may hold lines new here, by path. */
	texts: Map<string, string>;
	/** How many lines the others were known to hold: each is a copy this machine stored before, grown since. */
	knownLines: Map<string, number>;
}

/**
 * Reads only the remote journals that can hold anything new here: a blob this
 * machine stored from the same file before, which has only grown since
 * (journals are append-only), has nothing to merge.
 */
async function readNewRemoteJournals(git: Git, cache: BlobCache, paths: RepositoryPaths, remoteEntries: ReadonlyMap<string, TreeEntry>): Promise<RemoteJournals> {
	const knownLines = new Map<string, number>();
	const toRead: [string, string][] = [];
	for (const [path, {blob}] of remoteEntries) {
		const journal = paths.journalAt(path);
		if (!journal) continue;
		const stored = cache.grownFrom(path, blob, fileStat(journal.localPath));
		if (stored) knownLines.set(path, stored.lines);
		else toRead.push([path, blob]);
	}
	const contents = await readBlobs(git, toRead.map(([, blob]) => blob));
	return {texts: new Map(toRead.map(([path, blob]) => [path, contents.get(blob)!])), knownLines};
}

interface LocalJournal {
	blob: string;
	lines: number;
	/** Read when it had to be stored again. */
	text?: string;
	file: string;
}

/** Every local journal as a blob: the unchanged ones from the cache, the others stored in one git process. */
async function storeLocalJournals(
	git: Git,
	cache: BlobCache,
	workspace: Workspace,
	paths: RepositoryPaths,
	remoteEntries: ReadonlyMap<string, TreeEntry>,
): Promise<Map<string, LocalJournal>> {
	// Only a blob the fetched tree holds is sure to still be in the object store.
	const remoteBlobs = new Set([...remoteEntries.values()].map(entry => entry.blob));
	const local = new Map<string, LocalJournal>();
	const toStore: {path: string; file: string; stat: FileStat; text: string; content?: string}[] = [];
	for (const file of journalFilesToShare(workspace.docsDir)) {
		const path = paths.of(file);
		// Taken before reading: a line appended meanwhile makes the next sync read the file again.
		const stat = fileStat(file);
		const stored = cache.unchanged(path, stat);
		if (stored && remoteBlobs.has(stored.blob)) {
			local.set(path, {blob: stored.blob, lines: stored.lines, file});
			continue;
		}
		const shared = sharedJournalOf(file);
		if (shared && stat) toStore.push({path, file, stat, text: shared.text, content: shared.complete ? undefined : shared.text});
	}
	const blobs = await writeBlobs(git, toStore);
	toStore.forEach(({path, file, stat, text}, n) => {
		const lines = linesOf(text).length;
		cache.remember(path, {...stat, blob: blobs[n]!, length: Buffer.byteLength(text), lines});
		local.set(path, {blob: blobs[n]!, lines, text, file});
	});
	return new Map([...local].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameTree(local: ReadonlyMap<string, LocalJournal>, remoteEntries: ReadonlyMap<string, TreeEntry>): boolean {
	if (local.size !== remoteEntries.size) return false;
	return [...local].every(([path, {blob}]) => {
		const entry = remoteEntries.get(path);
		return entry?.mode === FILE_MODE && entry.blob === blob;
	});
}

function linesOf(text: string): string[] {
	return text.split('\n').filter(line => line !== '');
}

/** Lines of the pushed journals the remote did not hold before. */
function countUnsent(local: ReadonlyMap<string, LocalJournal>, remoteEntries: ReadonlyMap<string, TreeEntry>, remote: RemoteJournals): number {
	let unsent = 0;
	for (const [path, journal] of local) {
		if (remoteEntries.get(path)?.blob === journal.blob) continue;
		const known = remote.knownLines.get(path);
		const text = remote.texts.get(path);
		if (known !== undefined) unsent += journal.lines - known;
		else if (text === undefined) unsent += journal.lines;
		else {
			const there = new Set(text.split('\n').map(lineKey));
			unsent += linesOf(journal.text ?? sharedJournalOf(journal.file)?.text ?? '').filter(line => !there.has(lineKey(line))).length;
		}
	}
	return unsent;
}
