import {existsSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseEventLine} from '../../source/core/events.js';
import {ListenProcess, stopAllListeners} from '../helpers/listen-process.js';
import {skipWithout} from '../helpers/requirements.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {fillDisk, mountTmpfs, unmount} from '../helpers/tmpfs.js';

// A full disk under `incident-tui listen`: 503 so the sender retries, and the
// retry logs exactly what is missing; nothing acknowledged is lost and no
// half-written line is ever read as an event.

afterEach(() => stopAllListeners());

const ALERTMANAGER = readFileSync(new URL('../fixtures/alerts/alertmanager-webhook.json', import.meta.url), 'utf8');
const PAGE = 4096;

const probe = mountTmpfs(64);
if (probe) unmount(probe);

describe.skipIf(skipWithout(probe !== undefined, 'this machine does not allow mounting a tmpfs (needs root): listen on a full disk'))('listen on a full disk', () => {
	it('answers 503 when the disk fills mid-write (a line that fitted stays), then logs only what is missing', async () => {
		const disk = mountTmpfs(256)!;
		try {
			const cwd = makeTempDir();
			const configDir = makeTempDir();
			const env = {INCIDENT_TUI_LISTEN_TOKEN: ''};
			const cli = (...args: string[]) => runCli(args, {cwd, configDir, env});
			cli('config', 'set', 'handle', 'alice');
			const dir = join(disk, 'docs');
			const id = /Opened (\S+)/.exec(cli('new', 'Payments down', '--sev', '1', '--dir', dir).stdout)![1]!;
			const eventsDir = join(dir, 'incidents', id, 'events');
			const journal = join(eventsDir, readdirSync(eventsDir).find(name => name.endsWith('.jsonl'))!);
			leaveRoomInLastPage(journal, 600, text => cli('log', text, '--dir', dir));
			const lines = () => readFileSync(journal, 'utf8').split('\n');
			const alertKeys = () =>
				lines()
					.slice(0, -1)
					.map(line => parseEventLine(line))
					.map(parsed => (parsed.ok && 'alert' in parsed.event ? parsed.event.alert : parsed.ok ? undefined : `damaged: ${parsed.reason}`))
					.filter(key => key !== undefined);

			const listener = await ListenProcess.start(['--dir', dir], {cwd, configDir, env}).ready();
			// The disk fills up with room left in the journal's last page for the first alert's line, not the second's.
			// (The journal's lock is a symlink, which needs no data block: the write itself meets the full disk.)
			const filler = fillDisk(disk);
			const full = await listener.post(ALERTMANAGER);
			expect(full.status).toBe(503);
			expect(full.headers.get('retry-after')).toBe('30');
			expect(full.text).toMatch(/^not logged: only \d+ of \d+ bytes/);
			expect(alertKeys()).toEqual([expect.stringMatching(/^alertmanager:3f5a6c1d2b9e8a70:firing:/)]);
			expect(lines().at(-1)).not.toBe('');

			rmSync(filler);
			const retried = await listener.post(ALERTMANAGER);
			expect(retried.status).toBe(200);
			expect(retried.text).toMatch(/^alertmanager: logged 1 to \S+: note "Resolved: HighErrorRate .*"; 1 already logged\n$/);
			expect(alertKeys()).toEqual([expect.stringMatching(/:firing:/), expect.stringMatching(/^alertmanager:b81e0c7a45d2f391:resolved:/)]);
			// The cut-short line was set aside, not glued to the next one.
			expect(existsSync(`${journal}.torn`)).toBe(true);
			expect(listener.stderr).toMatch(/refused a request from alertmanager at 127\.0\.0\.1: 503 not logged: only \d+ of \d+ bytes/);
		} finally {
			await stopAllListeners();
			unmount(disk);
		}
	});
});

/** Logs one note long enough that `room` bytes are left before the journal's next page boundary. */
function leaveRoomInLastPage(journal: string, room: number, log: (text: string) => void): void {
	const before = statSync(journal).size;
	log('x');
	const overhead = statSync(journal).size - before - 1;
	const wanted = (PAGE - room - (statSync(journal).size % PAGE) + PAGE) % PAGE;
	const length = wanted - overhead >= 1 ? wanted - overhead : wanted - overhead + PAGE;
	log('p'.repeat(length));
	expect(PAGE - (statSync(journal).size % PAGE)).toBe(room);
}
