import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/**
 * A script that never answers: a hook, or an upload-pack/receive-pack for a
 * remote that accepts the connection and then says nothing. It writes its
 * process group to `pgidFile` first, so a test can check the group is gone.
 */
export function hangingScript(dir: string, name: string): {path: string; pgidFile: string} {
	const path = join(dir, name);
	const pgidFile = `${path}.pgid`;
	writeFileSync(path, `#!/bin/sh\nps -o pgid= -p $$ > '${pgidFile}'\nsleep 120\necho never\n`);
	chmodSync(path, 0o755);
	return {path, pgidFile};
}

/** Processes of the group that still run (a zombie nobody reaped has ended). */
export function livingInGroup(pgid: number): string[] {
	return execFileSync('ps', ['-A', '-o', 'pid=,pgid=,stat=,args='], {encoding: 'utf8'})
		.split('\n')
		.map(line => line.trim().split(/\s+/))
		.filter(([, group, stat]) => Number(group) === pgid && !stat?.startsWith('Z'))
		.map(fields => fields.join(' '));
}

/** The script's process group once it has started and written it. */
export async function scriptGroup(pgidFile: string, timeoutMs = 5000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const pgid = existsSync(pgidFile) ? Number(readFileSync(pgidFile, 'utf8').trim()) : 0;
		if (pgid > 0) return pgid;
		if (Date.now() > deadline) throw new Error(`${pgidFile} missing: the hanging script never ran`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

/** Waits until every process of the script's group has ended; throws naming the survivors. */
export async function waitForGroupGone(pgidFile: string, timeoutMs = 5000): Promise<void> {
	const pgid = await scriptGroup(pgidFile);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const living = livingInGroup(pgid);
		if (living.length === 0) return;
		if (Date.now() > deadline) throw new Error(`git's process group ${pgid} is still running: ${living.join('; ')}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}
