import {closeSync, openSync, statSync, truncateSync, writeSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {makeTempDir} from './temp-dir.js';

/** A tiny tmpfs, where this machine allows mounting one (root in a container usually does). */
export function mountTmpfs(sizeKb: number): string | undefined {
	const dir = makeTempDir('incident-tui-tmpfs-');
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]).status === 0;
	return mounted ? dir : undefined;
}

export function unmount(dir: string): void {
	spawnSync('umount', ['-l', dir]);
}

/**
 * Fills the disk to the last `leaveBytes` (0: completely) and returns the
 * filler's path. tmpfs counts whole pages: a file can still grow within its
 * last page on a full disk.
 */
export function fillDisk(disk: string, leaveBytes = 0): string {
	const filler = join(disk, 'filler');
	const fd = openSync(filler, 'w');
	try {
		const chunk = Buffer.alloc(4096);
		for (;;) writeSync(fd, chunk);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	} finally {
		closeSync(fd);
	}
	if (leaveBytes > 0) truncateSync(filler, statSync(filler).size - leaveBytes);
	return filler;
}
