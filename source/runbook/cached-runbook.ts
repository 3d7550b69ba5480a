import {
	chmodSync,
	closeSync,
	constants,
	existsSync,
	fstatSync,
	lstatSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join} from 'node:path';
import {builtInTemplatesDir} from '../config/package-root.js';
import type {LoadedRunbook} from './load-runbook.js';

// The live screen's runbook without loading the Markdown parser when nothing
// changed: parsing costs ~55 ms of start-up (marked's regexes). The cache is
// keyed by each runbook file's path, size and modification time; a miss, or a
// cache that does not read, simply parses again.
//
// It lives in the user's own cache directory, never at a guessable shared path
// where another local user could plant a symlink or a forged runbook. Whatever
// looks wrong there (a symlink, someone else's file) is skipped, never fatal.

const FORMAT = 1;
const CACHE_FILE = 'runbook-cache.json';

/** `$XDG_CACHE_HOME/incident-tui`, else `~/.cache/incident-tui` (the XDG spec ignores a relative XDG_CACHE_HOME). */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_CACHE_HOME'];
	return join(base && isAbsolute(base) ? base : join(homedir(), '.cache'), 'incident-tui');
}

function fingerprint(docsDir: string): string {
	return [join(docsDir, 'RUNBOOK.md'), join(builtInTemplatesDir(), 'runbook.md')]
		.map(path => {
			if (!existsSync(path)) return `${path}:-`;
			const stat = statSync(path);
			return `${path}:${stat.size}:${stat.mtimeMs}`;
		})
		.join('|');
}

/** One entry per repository, the most recent few kept. */
const MAX_ENTRIES = 16;

type CacheEntry = {key: string; value: LoadedRunbook};

export async function loadRunbookCached(docsDir: string): Promise<LoadedRunbook> {
	const key = `${FORMAT}|${fingerprint(docsDir)}`;
	const directory = cacheDirectory();
	const entries = readEntries(directory);
	const hit = entries.find(entry => entry?.key === key);
	if (hit && Array.isArray(hit.value?.runbook?.phases) && hit.value.runbook.phases.length > 0) return hit.value;
	const {loadRunbook} = await import('./load-runbook.js');
	const value = loadRunbook(docsDir);
	const kept = entries.filter(entry => entry?.key !== key).slice(-(MAX_ENTRIES - 1));
	writeEntries(directory, [...kept, {key, value}]);
	return value;
}

const ownUid = () => process.getuid?.();

/** Ours and a real directory (lstat: a symlink is refused, not followed), private from now on. */
function isPrivateDirectory(directory: string): boolean {
	const stat = lstatSync(directory);
	if (!stat.isDirectory() || (ownUid() !== undefined && stat.uid !== ownUid())) return false;
	if ((stat.mode & 0o077) !== 0) chmodSync(directory, 0o700);
	return true;
}

function readEntries(directory: string): CacheEntry[] {
	let fd: number | undefined;
	try {
		if (!isPrivateDirectory(directory)) return [];
		fd = openSync(join(directory, CACHE_FILE), constants.O_RDONLY | constants.O_NOFOLLOW);
		const stat = fstatSync(fd);
		if (!stat.isFile() || (ownUid() !== undefined && stat.uid !== ownUid())) return [];
		const parsed: unknown = JSON.parse(readFileSync(fd, 'utf8'));
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		// Missing, unreadable or not ours: parse.
		return [];
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * A fresh private file renamed over the cache: rename replaces a planted
 * symlink instead of writing through it, and a screen starting meanwhile reads
 * the old cache or the new one, never half of one.
 */
function writeEntries(directory: string, entries: CacheEntry[]): void {
	const temporary = join(directory, `.${CACHE_FILE}.${process.pid}.tmp`);
	let created = false;
	try {
		mkdirSync(dirname(directory), {recursive: true, mode: 0o700});
		try {
			mkdirSync(directory, {mode: 0o700});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if (!isPrivateDirectory(directory)) return;
		// Left by a killed process that had our pid; the directory is ours, so removing is safe.
		rmSync(temporary, {force: true});
		const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
		created = true;
		try {
			writeFileSync(fd, JSON.stringify(entries));
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, join(directory, CACHE_FILE));
	} catch {
		// A cache that cannot be written only costs the next start a parse.
		if (created) removeQuietly(temporary);
	}
}

function removeQuietly(path: string): void {
	try {
		rmSync(path, {force: true});
	} catch {
		// A leftover temporary file in our own cache directory harms nothing.
	}
}
