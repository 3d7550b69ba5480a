import {basename} from 'node:path';
import type {Workspace} from '../config/workspace.js';
import {BlobCache, fileStat, holdsExactly, type RemoteTip, type TreeEntry} from '../git/blob-cache.js';
import {
	commitTree,
	fetchEventsBranch,
	listTree,
	openEventsRemote,
	privateFilesOf,
	pushEventsBranch,
	pushOnLease,
	readBlobs,
	SYNC_BRANCH,
	trackPushed,
	writeTree,
} from '../git/events-branch.js';
import {GitFault} from '../git/git-fault.js';
import type {Git, GitRunnerOptions} from '../git/run-git.js';
import {journalAt} from '../journal/journal-paths.js';
import {mergeRemoteLines} from '../journal/merge-remote-lines.js';
import {lineKey} from '../journal/read-journal.js';
import {sharedJournalOf} from '../journal/shared-journals.js';
import {blobsOf, docsPrefixOf, entriesOf, linesOf, prepareLocal, scanJournals, storeJournals, type LocalJournal, type PreparedLocal} from './local-journals.js';
import type {CommandContext} from './command-context.js';

// Why a dedicated branch built with plumbing, not commits on the current branch:
// sync must never touch a responder's branch, index or uncommitted work. The
// journal files are hashed into a tree, committed on top of the remote's tip,
// and pushed to the remote branch `incident-tui-events` (git/events-branch.ts).
// Each responder only ever appends to their own file, so merging is adding the
// lines the other side lacks (journal/merge-remote-lines.ts decides which may
// come in). The tree is always made from the local files, so nothing refused
// travels on. A push that loses a race is fetched, merged and tried again.
// When only local journals changed since this machine last fetched or pushed
// the remote's tip, the push goes first, leased on that tip (see pushFirst).

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
	// A second queue, for what runs while the fetch waits on the remote: it
	// reads the journals and writes objects and the private index, never a ref.
	const beside = openEventsRemote(workspace.root, workspace.inGitRepository, limits);
	const docsPrefix = docsPrefixOf(workspace);
	const result: SyncResult = {status: 'up-to-date', received: 0, sent: 0, attempts: 0, setAside: new Map()};
	const {indexFile, cacheFile} = await privateFilesOf(beside);
	const cache = BlobCache.load(cacheFile);
	let saved = false;
	const pushed = async (tip: RemoteTip, local: ReadonlyMap<string, LocalJournal>) => {
		cache.rememberRemote(tip, entriesOf(local));
		const tracked = trackPushed(git, tip.commit);
		// Written while git moves the ref.
		cache.save();
		saved = true;
		await tracked;
	};
	try {
		const first = await pushFirst(git, cache, workspace, docsPrefix, indexFile, remote, context.handle);
		if (first.outcome === 'pushed') {
			await pushed(first.tip, first.local);
			return {...result, status: 'synced', attempts: 1, sent: first.sent};
		}
		let prepared: PreparedLocal | undefined = first.prepared;
		for (let attempt = first.tried ? 2 : 1; attempt <= ATTEMPTS; attempt++) {
			result.attempts = attempt;
			// The tree is made from the local files alone, so it is built while the fetch runs; it is checked, and made again, once the remote is known.
			const [fetched, preparing] = await Promise.allSettled([
				fetchEventsBranch(git, remote),
				prepared ?? prepareLocal(beside, cache, scanJournals(workspace.docsDir, docsPrefix), indexFile),
			]);
			prepared = undefined;
			if (fetched.status === 'rejected') throw fetched.reason;
			if (preparing.status === 'rejected') throw preparing.reason;
			const tip = fetched.value;
			let {local, tree} = preparing.value;
			if (tip && tree === tip.tree) {
				preparing.value.remember();
				cache.rememberRemote(tip, entriesOf(local));
				return {...result, status: result.received > 0 ? 'synced' : 'up-to-date', sent: 0};
			}

			const remoteEntries = tip ? (cache.remoteEntries(tip.tree) ?? (await listTree(git, tip.tree))) : new Map<string, TreeEntry>();
			if (tip) cache.rememberRemote(tip, remoteEntries);
			const remoteJournals = await readNewRemoteJournals(git, cache, workspace.docsDir, docsPrefix, remoteEntries, local);
			// Only now: what the cache knew from before is what tells which remote journals are new.
			preparing.value.remember();

			// Only a blob the fetched tree holds, or one stored in this sync, is sure to still be in the object store.
			const present = presentBlobs(remoteEntries, local);
			let merged = false;
			if (tip && remoteJournals.texts.size > 0) {
				const journals = [...remoteJournals.texts].map(([path, content]) => ({...journalAt(workspace.docsDir, path.slice(docsPrefix.length))!, content}));
				const outcome = mergeRemoteLines(workspace.docsDir, context.writer, {ref: `${remote}/${SYNC_BRANCH}`, commit: tip.commit}, journals);
				result.received += outcome.accepted;
				for (const [file, lines] of outcome.setAside) result.setAside.set(file, (result.setAside.get(file) ?? 0) + lines);
				result.ownJournalConflict = outcome.ownJournalConflict ?? result.ownJournalConflict;
				merged = outcome.accepted > 0;
			}
			if (merged || [...local.values()].some(journal => !present.has(journal.blob))) {
				local = await storeJournals(git, cache, merged ? scanJournals(workspace.docsDir, docsPrefix) : local, blob => present.has(blob));
				tree = undefined;
			}
			if (tip && sameTree(local, remoteEntries)) {
				return {...result, status: result.received > 0 ? 'synced' : 'up-to-date', sent: 0};
			}
			tree ??= await writeTree(git, indexFile, blobsOf(local), cache.rememberedRemote());
			const commit = await commitTree(git, tree, tip?.commit, context.handle);
			if (await pushEventsBranch(git, remote, commit)) {
				await pushed({commit, tree}, local);
				return {...result, status: 'synced', sent: countUnsent(local, remoteEntries, remoteJournals)};
			}
		}
	} finally {
		// Whatever became of the sync, what was hashed stays known.
		if (!saved) cache.save();
	}
	throw new GitFault('git-failed', `the remote's ${SYNC_BRANCH} branch kept moving during ${ATTEMPTS} attempts`, 'run incident-tui sync again; nothing was lost');
}

type FirstPush =
	| {outcome: 'pushed'; tip: RemoteTip; local: Map<string, LocalJournal>; sent: number}
	/** `tried`: a push went out and failed, which counts as an attempt; `prepared`: the local journals, for the fetch to reuse. */
	| {outcome: 'fetch first'; tried: boolean; prepared?: PreparedLocal};

/**
 * Sends the local changes in one round trip, without fetching, when the
 * remote can hold nothing new for this machine: the usual sync, had it found
 * the remote still at the tip this machine last fetched or pushed, would read
 * and merge nothing from it (every journal of that tip is one this machine
 * stored and whose file has only grown since) and would push the local tree on
 * top of it. That same commit is pushed here, leased on that tip, so it lands
 * only if the remote is indeed still there; otherwise the usual sync runs. With
 * nothing to send, only a fetch can receive, so the usual sync runs too.
 */
async function pushFirst(
	git: Git,
	cache: BlobCache,
	workspace: Workspace,
	docsPrefix: string,
	indexFile: string,
	remote: string,
	handle: string,
): Promise<FirstPush> {
	const known = cache.lastRemoteTip();
	if (!known) return {outcome: 'fetch first', tried: false};
	const prepared = await prepareLocal(git, cache, scanJournals(workspace.docsDir, docsPrefix), indexFile);
	const {local, tree} = prepared;
	if (tree === undefined || tree === known.tree) return {outcome: 'fetch first', tried: false, prepared};
	// Asked before `remember`: what the cache knew from before is what tells which remote journals are new.
	const {toRead, knownLines} = remoteJournalsToRead(cache, workspace.docsDir, docsPrefix, known.entries, local);
	const present = presentBlobs(known.entries, local);
	if (toRead.length > 0 || [...local.values()].some(journal => !present.has(journal.blob))) return {outcome: 'fetch first', tried: false, prepared};
	const commit = await commitTree(git, tree, known.commit, handle);
	const outcome = await pushOnLease(git, remote, commit, known.commit);
	if (outcome !== 'pushed') return {outcome: 'fetch first', tried: true, prepared};
	prepared.remember();
	return {outcome: 'pushed', tip: {commit, tree}, local, sent: countUnsent(local, known.entries, {texts: new Map(), knownLines})};
}

/** The blobs sure to be in the object store: those of the remote's tree, and those stored in this sync. */
function presentBlobs(remoteEntries: ReadonlyMap<string, TreeEntry>, local: ReadonlyMap<string, LocalJournal>): Set<string> {
	const present = new Set([...remoteEntries.values()].map(entry => entry.blob));
	for (const journal of local.values()) if (journal.fresh) present.add(journal.blob);
	return present;
}

interface RemoteJournals {
	/** The remote's journals that may hold lines new here, by path. */
	texts: Map<string, string>;
	/** How many lines the others were known to hold: each is a copy this machine stored before, grown since. */
	knownLines: Map<string, number>;
}

/**
 * The remote journals that can hold anything new here, as [path, blob]: a
 * blob this machine stored from the same file before, which has only grown
 * since (journals are append-only), has nothing to merge.
 */
function remoteJournalsToRead(
	cache: BlobCache,
	docsDir: string,
	docsPrefix: string,
	remoteEntries: ReadonlyMap<string, TreeEntry>,
	local: ReadonlyMap<string, LocalJournal>,
): {toRead: [string, string][]; knownLines: Map<string, number>} {
	const knownLines = new Map<string, number>();
	const toRead: [string, string][] = [];
	for (const [path, {blob}] of remoteEntries) {
		// The cache answers for nearly every path, so it is asked first: parsing each path costs more, at a few hundred incidents.
		const stored = local.has(path) ? cache.grownFrom(path, blob, local.get(path)!.stat) : undefined;
		if (stored) {
			knownLines.set(path, stored.lines);
			continue;
		}
		const journal = path.startsWith(docsPrefix) ? journalAt(docsDir, path.slice(docsPrefix.length)) : undefined;
		if (!journal) continue;
		const known = local.has(path) ? undefined : cache.grownFrom(path, blob, fileStat(journal.localPath));
		if (known) knownLines.set(path, known.lines);
		else toRead.push([path, blob]);
	}
	return {toRead, knownLines};
}

/** Reads the remote journals that can hold anything new here (see remoteJournalsToRead), in one git process. */
async function readNewRemoteJournals(
	git: Git,
	cache: BlobCache,
	docsDir: string,
	docsPrefix: string,
	remoteEntries: ReadonlyMap<string, TreeEntry>,
	local: ReadonlyMap<string, LocalJournal>,
): Promise<RemoteJournals> {
	const {toRead, knownLines} = remoteJournalsToRead(cache, docsDir, docsPrefix, remoteEntries, local);
	const contents = await readBlobs(git, toRead.map(([, blob]) => blob));
	return {texts: new Map(toRead.map(([path, blob]) => [path, contents.get(blob)!])), knownLines};
}

const sameTree = (local: ReadonlyMap<string, LocalJournal>, remoteEntries: ReadonlyMap<string, TreeEntry>) => holdsExactly(remoteEntries, blobsOf(local));

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
