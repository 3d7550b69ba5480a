import {relative, sep} from 'node:path';
import type {Workspace} from '../config/workspace.js';
import {FILE_MODE, fileStat, type BlobCache, type FileStat, type StoredFile, type TreeEntry} from '../git/blob-cache.js';
import {writeBlobs, writeTree} from '../git/events-branch.js';
import type {Git} from '../git/run-git.js';
import {journalFilesToShare, sharedJournalOf} from '../journal/shared-journals.js';

// This machine's side of a sync (commands/sync-incidents.ts): its journals as
// blobs and a tree, from the blob cache where a file has not changed, so that
// most of it is ready before the remote has answered.

/** The docs directory's path on the branch, with `/` and a trailing `/`, or nothing when it is the repository. */
export function docsPrefixOf({root, docsDir}: Workspace): string {
	return docsDir === root ? '' : `${relative(root, docsDir).split(sep).join('/')}/`;
}

export interface LocalJournal {
	file: string;
	stat?: FileStat;
	blob: string;
	lines: number;
	/** Stored in this sync, not taken from the cache. */
	fresh: boolean;
	/** Read when it had to be stored again. */
	text?: string;
}

export interface LocalFile {
	file: string;
	stat?: FileStat;
}

/** Every local journal by its path on the branch, with its size, mtime and inode taken once. */
export function scanJournals(docsDir: string, docsPrefix: string): Map<string, LocalFile> {
	// Taken before reading: a line appended meanwhile makes the next sync read the file again.
	return new Map(journalFilesToShare(docsDir).map(({file, path}) => [`${docsPrefix}${path}`, {file, stat: fileStat(file)}]));
}

export interface PreparedLocal {
	local: Map<string, LocalJournal>;
	/** The tree of the local journals, when it could be made before the remote was known. */
	tree?: string;
	/** Records in the cache what was stored. */
	remember: () => void;
}

/**
 * The local journals as blobs and as a tree, without knowing the remote yet:
 * blob ids the cache holds are taken on trust here and checked against the
 * remote's tree afterwards. When nothing changed since the last push, the tree
 * is the one the cache remembers and no git runs.
 */
export async function prepareLocal(git: Git, cache: BlobCache, files: ReadonlyMap<string, LocalFile>, indexFile: string): Promise<PreparedLocal> {
	const pending: [string, StoredFile][] = [];
	const local = await storeJournals(git, cache, files, () => true, pending);
	const remember = () => {
		for (const [path, stored] of pending.splice(0)) cache.remember(path, stored);
	};
	if (pending.length === 0) {
		const tree = cache.remoteTreeOf(blobsOf(local));
		if (tree) return {local, tree, remember};
	}
	// A blob the cache names may be gone from the object store: write-tree refuses it, and the tree is made again later.
	const tree = await writeTree(git, indexFile, blobsOf(local), cache.rememberedRemote()).catch(() => undefined);
	return {local, tree, remember};
}

/**
 * Every journal of `files` as a blob: those the cache knows unchanged (and
 * whose blob `trusted` accepts) as they are, the others stored in one git
 * process. What was stored is recorded in the cache, or in `pending` when the
 * cache must not change yet.
 */
export async function storeJournals(
	git: Git,
	cache: BlobCache,
	files: ReadonlyMap<string, LocalFile>,
	trusted: (blob: string) => boolean,
	pending?: [string, StoredFile][],
): Promise<Map<string, LocalJournal>> {
	const local = new Map<string, LocalJournal>();
	const toStore: {path: string; file: string; stat: FileStat; text: string; content?: string}[] = [];
	for (const [path, {file, stat}] of files) {
		const stored = cache.unchanged(path, stat);
		if (stored && trusted(stored.blob)) {
			local.set(path, {file, stat, blob: stored.blob, lines: stored.lines, fresh: false});
			continue;
		}
		const shared = sharedJournalOf(file);
		if (shared && stat) toStore.push({path, file, stat, text: shared.text, content: shared.complete ? undefined : shared.text});
	}
	const blobs = await writeBlobs(git, toStore);
	toStore.forEach(({path, file, stat, text}, n) => {
		const lines = linesOf(text).length;
		const stored: StoredFile = {...stat, blob: blobs[n]!, length: Buffer.byteLength(text), lines};
		if (pending) pending.push([path, stored]);
		else cache.remember(path, stored);
		local.set(path, {file, stat, blob: blobs[n]!, lines, text, fresh: true});
	});
	return new Map([...local].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function entriesOf(local: ReadonlyMap<string, LocalJournal>): Map<string, TreeEntry> {
	return new Map([...local].map(([path, {blob}]) => [path, {mode: FILE_MODE, blob}]));
}

export function blobsOf(local: ReadonlyMap<string, LocalJournal>): Map<string, string> {
	return new Map([...local].map(([path, {blob}]) => [path, blob]));
}

export function linesOf(text: string): string[] {
	return text.split('\n').filter(line => line !== '');
}
