import {readFileSync, renameSync, statSync, writeFileSync, type BigIntStats} from 'node:fs';

// Why a cache: without it every sync reads and hashes every file of every
// incident, and reads every file of the remote's tree, so its cost grows with
// history. This remembers, per path, the blob id of what was stored last time
// and the file's size, mtime and inode then; the remote tree's listing is kept
// under its tree id. It is derived: a missing, unreadable or foreign cache is
// an empty one, and deleting it changes nothing but speed.
//
// Size, mtime and inode are trusted because the files only ever grow (journals
// are append-only), so any change moves the size. The one exception is a file
// whose last line was cut short: the next append sets that tail aside and may
// end at the same size within the same clock tick, so such a file is read
// again on every sync until it is whole.

export interface FileStat {
	ino: string;
	size: string;
	mtimeNs: string;
}

export interface StoredFile extends FileStat {
	blob: string;
	/** Bytes of the file that went into the blob (all of it but a last line still being written). */
	length: number;
	/** Its non-empty lines, so what the remote already holds can be counted without reading it. */
	lines: number;
}

export interface TreeEntry {
	mode: string;
	blob: string;
}

/** A commit of the remote's events branch, as fetched or pushed. */
export interface RemoteTip {
	commit: string;
	tree: string;
}

interface CacheFile {
	version: 1;
	files: Record<string, StoredFile>;
	// `commit` is missing in caches written before it was kept: such a tip is not known.
	remote?: {commit?: string; tree: string; entries: Record<string, TreeEntry>};
}

export class BlobCache {
	private readonly files: Map<string, StoredFile>;
	private remote: CacheFile['remote'];

	private constructor(
		private readonly path: string,
		data: CacheFile,
	) {
		this.files = new Map(Object.entries(data.files));
		this.remote = data.remote;
	}

	static load(path: string): BlobCache {
		try {
			const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
			if (data.version === 1 && typeof data.files === 'object' && data.files !== null) return new BlobCache(path, data);
		} catch {
			// Missing or damaged: start empty, it is rebuilt on the way.
		}
		return new BlobCache(path, {version: 1, files: {}});
	}

	/** The listing of `tree` when it is the one remembered. */
	remoteEntries(tree: string): Map<string, TreeEntry> | undefined {
		return this.remote?.tree === tree ? new Map(Object.entries(this.remote.entries)) : undefined;
	}

	/** The remote tree remembered last, with its files. */
	rememberedRemote(): {tree: string; entries: Map<string, TreeEntry>} | undefined {
		return this.remote && {tree: this.remote.tree, entries: new Map(Object.entries(this.remote.entries))};
	}

	/** The remote's tip as this machine last fetched or pushed it, with its files. */
	lastRemoteTip(): (RemoteTip & {entries: Map<string, TreeEntry>}) | undefined {
		const {commit, tree, entries} = this.remote ?? {};
		return commit && tree && entries ? {commit, tree, entries: new Map(Object.entries(entries))} : undefined;
	}

	/** The remembered remote tree, when it holds exactly `blobs` (path to blob) as plain files. */
	remoteTreeOf(blobs: ReadonlyMap<string, string>): string | undefined {
		return this.remote && holdsExactly(new Map(Object.entries(this.remote.entries)), blobs) ? this.remote.tree : undefined;
	}

	rememberRemote({commit, tree}: RemoteTip, entries: ReadonlyMap<string, TreeEntry>): void {
		this.remote = {commit, tree, entries: Object.fromEntries(entries)};
	}

	/** The stored blob of `file` when the file is exactly as it was when stored. */
	unchanged(path: string, stat: FileStat | undefined): StoredFile | undefined {
		const stored = this.files.get(path);
		if (!stored || !stat || String(stored.length) !== stored.size) return undefined;
		return stored.ino === stat.ino && stored.size === stat.size && stored.mtimeNs === stat.mtimeNs ? stored : undefined;
	}

	/**
	 * What was stored from `file` last time, if it is `blob` and the file has
	 * only grown since: the journals are append-only, so that blob's lines are
	 * all still in the file.
	 */
	grownFrom(path: string, blob: string, stat: FileStat | undefined): StoredFile | undefined {
		const stored = this.files.get(path);
		if (!stored || !stat || stored.blob !== blob) return undefined;
		return stored.ino === stat.ino && BigInt(stat.size) >= BigInt(stored.length) ? stored : undefined;
	}

	remember(path: string, stored: StoredFile): void {
		this.files.set(path, stored);
	}

	/** Written whole and renamed, so a reader never sees half of it; not fsynced, since it is derived. */
	save(): void {
		const data: CacheFile = {version: 1, files: Object.fromEntries(this.files), remote: this.remote};
		try {
			writeFileSync(`${this.path}.${process.pid}`, JSON.stringify(data));
			renameSync(`${this.path}.${process.pid}`, this.path);
		} catch {
			// A read-only .git only costs speed.
		}
	}
}

export function fileStat(file: string): FileStat | undefined {
	let stat: BigIntStats;
	try {
		stat = statSync(file, {bigint: true});
	} catch {
		return undefined;
	}
	return {ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs)};
}

/** The mode of a journal on the events branch: a plain file. */
export const FILE_MODE = '100644';

/** Whether a tree's `entries` are exactly `blobs` (path to blob), all plain files. */
export function holdsExactly(entries: ReadonlyMap<string, TreeEntry>, blobs: ReadonlyMap<string, string>): boolean {
	return entries.size === blobs.size && [...entries].every(([path, {mode, blob}]) => mode === FILE_MODE && blobs.get(path) === blob);
}
