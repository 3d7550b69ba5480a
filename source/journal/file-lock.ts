import {closeSync, linkSync, lstatSync, openSync, readFileSync, readlinkSync, renameSync, symlinkSync, unlinkSync, writeSync} from 'node:fs';
import {hostname} from 'node:os';

// Why a lock file around each append, and not O_APPEND alone:
// - O_APPEND keeps whole writes apart on a local disk, but not on NFS or SMB,
//   where an ops repository may well live (sync on another machine may append
//   remote lines to the same file).
// - Repairing a torn tail (truncate) must never run while another process
//   appends, or it would cut that process's acknowledged event.
//
// Why the lock is a symbolic link whose target is "PID HOST" (as Mercurial's
// repository lock and Emacs's file locks are):
// - symlink(2) creates the name and its content in one step and fails with
//   EEXIST if the name exists, atomically on local disks and on NFS (one
//   SYMLINK call to the server, exclusive like O_EXCL): of several writers on
//   one machine or on several machines sharing the directory, exactly one
//   holds the lock, and a lock never exists without its owner's name. A kill
//   at any moment leaves no lock or one naming a dead pid, which the next
//   writer on that host takes over at once; a lock of another host is taken
//   over after STALE_AFTER_MS, since an append holds it for well under a
//   millisecond.
// - It costs two directory changes per append (symlink, unlink). The previous
//   lock (write a private claim file, link(2) it into place, remove the claim,
//   remove the lock) cost four changes and four more system calls, and each
//   directory change rides on the journal's fdatasync: that lock alone made an
//   acknowledged append about twice as slow as the write + fdatasync it guards.
// - Node has no flock(), and flock is not reliable on every NFS anyway.
// - A filesystem without symbolic links (FAT, some SMB mounts) refuses
//   symlink(2) with another error; there the lock is a file created with
//   O_EXCL and then written. Such a lock can be left empty by a kill between
//   the two calls, so an empty lock is taken over after EMPTY_STALE_AFTER_MS.
//   Locks left by older versions (regular files holding "PID HOST") are read
//   and taken over the same way, and exclude each other with symlink locks:
//   both are created under the same name, which only one can hold.

const STALE_AFTER_MS = 30_000;
const EMPTY_STALE_AFTER_MS = 1000;
const WAIT_STEP_MS = 1;
const host = hostname();
const owner = `${process.pid} ${host}`;

export class LockTimeoutError extends Error {
	override name = 'LockTimeoutError';
}

export function withFileLock<T>(lockPath: string, action: () => T, timeoutMs = 5000): T {
	acquire(lockPath, timeoutMs);
	try {
		return action();
	} finally {
		unlinkSync(lockPath);
	}
}

function acquire(lockPath: string, timeoutMs: number): void {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (tryCreate(lockPath)) return;
		const holder = readHolder(lockPath);
		if (holder !== undefined && isStale(holder)) {
			breakStaleLock(lockPath, holder);
			continue;
		}
		if (Date.now() > deadline) {
			throw new LockTimeoutError(
				`the journal is locked by ${holder?.content || 'another process'} (${lockPath}); if no incident-tui is running there, delete that file`,
			);
		}
		sleep(WAIT_STEP_MS);
	}
}

/** False when someone else holds the lock. */
function tryCreate(lockPath: string): boolean {
	try {
		symlinkSync(owner, lockPath);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') return false;
		if (code !== 'EPERM' && code !== 'ENOSYS' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
	}
	return createLockFile(lockPath);
}

function createLockFile(lockPath: string): boolean {
	let fd: number;
	try {
		fd = openSync(lockPath, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, owner);
	} catch (error) {
		// A full disk: the empty lock must not stay behind and block the next append.
		closeSync(fd);
		unlinkSync(lockPath);
		throw error;
	}
	closeSync(fd);
	return true;
}

interface Holder {
	content: string;
	pid: number;
	host: string;
	ageMs: number;
	isSymlink: boolean;
}

function readHolder(lockPath: string): Holder | undefined {
	try {
		const stat = lstatSync(lockPath);
		const isSymlink = stat.isSymbolicLink();
		const content = readLock(lockPath, isSymlink);
		const [pid, holderHost] = content.split(' ');
		return {content, pid: Number(pid), host: holderHost ?? '', ageMs: Date.now() - stat.mtimeMs, isSymlink};
	} catch {
		// Gone between our attempt and our read: the next attempt will tell.
		return undefined;
	}
}

function readLock(path: string, isSymlink: boolean): string {
	return isSymlink ? readlinkSync(path) : readFileSync(path, 'utf8');
}

function isStale(holder: Holder): boolean {
	if (holder.ageMs > STALE_AFTER_MS) return true;
	// Only a lock file (no symlinks there, or an older version) can be empty: a
	// holder between creating and writing it needs microseconds, a killed one forever.
	if (holder.content === '') return holder.ageMs > EMPTY_STALE_AFTER_MS;
	if (holder.host !== host) return false;
	return !isProcessAlive(holder.pid);
}

/** A process of this host that still runs (EPERM: it runs as another user). */
export function isProcessAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Renaming is atomic, so of two processes breaking the same stale lock only
 * one moves it. If what we moved is not the stale lock we saw (someone broke
 * it and a live process locked again in between), we put it back.
 */
function breakStaleLock(lockPath: string, stale: Holder): void {
	const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
	try {
		renameSync(lockPath, aside);
	} catch {
		return;
	}
	const movedIsSymlink = lstatSync(aside).isSymbolicLink();
	const moved = readLock(aside, movedIsSymlink);
	if (moved === stale.content && movedIsSymlink === stale.isSymlink) {
		unlinkSync(aside);
		return;
	}
	try {
		// Like link(2), symlink(2) never replaces a lock a third process took meanwhile.
		if (movedIsSymlink) symlinkSync(moved, lockPath);
		else linkSync(aside, lockPath);
	} finally {
		unlinkSync(aside);
	}
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
	Atomics.wait(sleepCell, 0, 0, ms);
}
