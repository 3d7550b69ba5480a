import {linkSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';

// Why a lock file around each append, and not O_APPEND alone:
// - O_APPEND keeps whole writes apart on a local disk, but not on NFS or SMB,
//   where an ops repository may well live.
// - Repairing a torn tail (truncate) must never run while another process
//   appends, or it would cut that process's acknowledged event.
// - Node has no flock(); link(2) onto an existing name fails atomically (like
//   O_CREAT|O_EXCL) on every filesystem we care about, NFS included.
// - A process killed while holding the lock leaves the file behind. On the same
//   host a dead pid frees it at once (a crash must never block the next
//   responder); otherwise a lock older than STALE_AFTER_MS is taken over, since
//   an append holds it for well under a millisecond.

const STALE_AFTER_MS = 30_000;
const EMPTY_STALE_AFTER_MS = 1000;
const WAIT_STEP_MS = 1;
const host = hostname();

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
	// The owner's name is written to a private claim file first and the claim is
	// then linked into place (link fails with EEXIST like O_EXCL, on NFS too): a
	// lock never exists without its owner's name, so a kill at any moment leaves
	// no lock or one naming a dead pid, which the next writer takes over at once.
	// (A lock created empty and written after, as before, could be left empty by
	// a kill in between and block every append for STALE_AFTER_MS.)
	const claim = claimPathOf(lockPath, process.pid);
	try {
		writeFileSync(claim, `${process.pid} ${host}`);
	} catch (error) {
		// A full disk can leave the claim created but empty.
		rmSync(claim, {force: true});
		throw error;
	}
	try {
		for (;;) {
			try {
				linkSync(claim, lockPath);
				return;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
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
	} finally {
		unlinkSync(claim);
	}
}

function claimPathOf(lockPath: string, pid: number): string {
	return `${lockPath}.claim-${pid}`;
}

interface Holder {
	content: string;
	pid: number;
	host: string;
	ageMs: number;
}

function readHolder(lockPath: string): Holder | undefined {
	try {
		const content = readFileSync(lockPath, 'utf8');
		const ageMs = Date.now() - statSync(lockPath).mtimeMs;
		const [pid, holderHost] = content.split(' ');
		return {content, pid: Number(pid), host: holderHost ?? '', ageMs};
	} catch {
		// Gone between our open and our read: the next open will tell.
		return undefined;
	}
}

function isStale(holder: Holder): boolean {
	if (holder.ageMs > STALE_AFTER_MS) return true;
	// Only a version that created the lock before writing it leaves it empty: a
	// holder between those two calls needs microseconds, a killed one forever.
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
	const staleContent = stale.content;
	// A killed holder of this host may also have left its claim file.
	if (stale.host === host) rmSync(claimPathOf(lockPath, stale.pid), {force: true});
	const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
	try {
		renameSync(lockPath, aside);
	} catch {
		return;
	}
	const moved = readFileSync(aside, 'utf8');
	if (moved === staleContent) {
		unlinkSync(aside);
		return;
	}
	try {
		// link, unlike rename, never replaces a lock a third process took meanwhile.
		linkSync(aside, lockPath);
	} finally {
		unlinkSync(aside);
	}
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
	Atomics.wait(sleepCell, 0, 0, ms);
}
