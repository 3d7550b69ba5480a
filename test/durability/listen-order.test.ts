import {realpathSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {writerName} from '../../source/core/incident-id.js';
import {ListenProcess, stopAllListeners} from '../helpers/listen-process.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hasStrace, STRACE_ARGS, stepsToAcknowledgement} from './syscall-trace.js';

// `listen` prints its line for a notification, and then answers 200, only
// after the alerts' lines are written and fdatasync'd: seen in the system calls.

const inCi = !['', '0', 'false'].includes(process.env['CI'] ?? '');

afterEach(() => stopAllListeners());

describe.skipIf(!hasStrace && !inCi)('listen, durability order in the system calls', () => {
	it('write, fdatasync, then the notification line (and the 200 right after it)', async () => {
		expect(hasStrace, 'strace is needed for this test (.ci/run installs it)').toBe(true);
		const cwd = realpathSync(makeTempDir());
		const configDir = makeTempDir();
		const env = {INCIDENT_TUI_LISTEN_TOKEN: ''};
		runCli(['config', 'set', 'handle', 'alice'], {cwd, configDir, env});
		const id = /Opened (\S+)/.exec(runCli(['new', 'Order', '--sev', '2'], {cwd, configDir, env}).stdout)![1]!;
		const trace = join(makeTempDir(), 'trace');
		const listener = await ListenProcess.start([], {cwd, configDir, env}, ['strace', ...STRACE_ARGS, '-o', trace]).ready();
		const alert = {status: 'firing', labels: {alertname: 'marker-alert-order'}, startsAt: '2024-03-14T14:55:02Z', fingerprint: 'f1'};
		const response = await listener.post({version: '4', groupKey: 'g', status: 'firing', receiver: 'incident-tui', alerts: [alert]});
		expect(response.status).toBe(200);
		expect(await listener.stopLaunched()).toBe(0);
		const journal = `docs/incidents/${id}/events/${writerName('alice', hostname())}.jsonl`;
		expect(stepsToAcknowledgement(trace, cwd, 'marker-alert-order', /alertmanager: logged 1 to/)).toEqual([`write ${journal}`, `fdatasync ${journal}`, 'acknowledge']);
	});
});
