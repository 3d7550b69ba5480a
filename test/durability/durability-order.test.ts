import {spawnSync} from 'node:child_process';
import {hostname} from 'node:os';
import {realpathSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {writerName} from '../../source/core/incident-id.js';
import {CLI_PATH, runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';
import {hasStrace, STRACE_ARGS, stepsToAcknowledgement} from './syscall-trace.js';

// "Logged" (or the event on screen) only after write → fdatasync, and for a
// journal file that did not exist before, after its directory is fsynced too.
// A kill test cannot show this (the page cache survives SIGKILL); the system
// calls in order can.

const inCi = !['', '0', 'false'].includes(process.env['CI'] ?? '');

function needs(tool: string, present: boolean) {
	// In CI a missing tool is a failure, never a quiet skip.
	expect(present, `${tool} is needed for this test (.ci/run installs it)`).toBe(true);
}

function repository() {
	const repo = realpathSync(makeTempDir());
	const configDir = makeTempDir();
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
	return {repo, configDir};
}

/** The CLI under strace; returns the trace file. */
function traced(repo: string, configDir: string, args: string[]): string {
	const trace = join(makeTempDir(), 'trace');
	const run = spawnSync('strace', [...STRACE_ARGS, '-o', trace, process.execPath, CLI_PATH, ...args], {
		cwd: repo,
		encoding: 'utf8',
		env: {...process.env, INCIDENT_TUI_CONFIG_DIR: configDir, NO_COLOR: '1'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	expect(run.status, run.stderr).toBe(0);
	return trace;
}

const journalOf = (id: string, handle: string) => `docs/incidents/${id}/events/${writerName(handle, hostname())}.jsonl`;

describe.skipIf(!hasStrace && !inCi)('durability order, seen in the system calls', () => {
	it('new: the opening event is synced, its directories too, and only then renamed into place and acknowledged', () => {
		needs('strace', hasStrace);
		const {repo, configDir} = repository();
		const trace = traced(repo, configDir, ['new', 'marker-new-incident', '--sev', '2']);
		const id = runCli(['list', '--json'], {cwd: repo, configDir}).stdout.match(/"id": "(\S+)"/)![1]!;
		const journal = `docs/incidents/.opening-*/events/${writerName('alice', hostname())}.jsonl`;
		expect(stepsToAcknowledgement(trace, repo, 'marker-new-incident', /Opened/)).toEqual([
			`write ${journal}`,
			`fdatasync ${journal}`,
			'fsync docs/incidents/.opening-*/events',
			'fsync docs/incidents/.opening-*',
			`rename docs/incidents/.opening-* docs/incidents/${id}`,
			'fsync docs/incidents',
			'acknowledge',
		]);
	});

	it('log: write, fdatasync, then "Logged"; into a new journal file, its directory is fsynced before "Logged"', () => {
		needs('strace', hasStrace);
		const {repo, configDir} = repository();
		const id = /Opened (\S+)/.exec(runCli(['new', 'Order', '--sev', '2'], {cwd: repo, configDir}).stdout)![1]!;

		const existing = traced(repo, configDir, ['log', 'marker-existing-journal']);
		expect(stepsToAcknowledgement(existing, repo, 'marker-existing-journal', /Logged/)).toEqual([
			`write ${journalOf(id, 'alice')}`,
			`fdatasync ${journalOf(id, 'alice')}`,
			'acknowledge',
		]);

		const bob = makeTempDir();
		runCli(['config', 'set', 'handle', 'bob'], {cwd: repo, configDir: bob});
		const fresh = traced(repo, bob, ['log', 'marker-new-journal']);
		expect(stepsToAcknowledgement(fresh, repo, 'marker-new-journal', /Logged/)).toEqual([
			`write ${journalOf(id, 'bob')}`,
			`fdatasync ${journalOf(id, 'bob')}`,
			`fsync docs/incidents/${id}/events`,
			'acknowledge',
		]);
	});

	it.skipIf(!hasTmux && !inCi)('the live screen: an event appears on screen only after write, fdatasync (and the directory fsync for a new journal)', async () => {
		needs('strace', hasStrace);
		needs('tmux', hasTmux);
		const {repo, configDir} = repository();
		const id = /Opened (\S+)/.exec(runCli(['new', 'Screen order', '--sev', '2'], {cwd: repo, configDir}).stdout)![1]!;
		// Carol has no journal in this incident yet: her first note creates the file.
		const carol = makeTempDir();
		runCli(['config', 'set', 'handle', 'carol'], {cwd: repo, configDir: carol});
		const trace = join(makeTempDir(), 'trace');
		const tmux = new TmuxSession({cwd: repo, configDir: carol, launcher: ['strace', ...STRACE_ARGS, '-o', trace]});
		try {
			await tmux.waitFor('Screen order', 15_000);
			await tmux.waitForRawMode(15_000);
			for (const text of ['marker-screen-first', 'marker-screen-second']) {
				await tmux.keys('n');
				// Keys sent in a row can reach the app as one chunk: type once the prompt is there.
				await tmux.waitFor(/Note @ \d\d:\d\d:\d\d ›/);
				await tmux.text(text);
				await tmux.keys('Enter');
				await tmux.waitFor(new RegExp(`note\\s+carol\\s+${text}`), 10_000);
			}
			await tmux.keys('q');
			// strace has written its last line once the shell prints the exit code.
			await tmux.waitFor('[exit 0]', 15_000);
		} finally {
			tmux.close();
		}
		const journal = journalOf(id, 'carol');
		expect(stepsToAcknowledgement(trace, repo, 'marker-screen-first', /marker-screen-first/)).toEqual([
			`write ${journal}`,
			`fdatasync ${journal}`,
			`fsync docs/incidents/${id}/events`,
			'acknowledge',
		]);
		expect(stepsToAcknowledgement(trace, repo, 'marker-screen-second', /marker-screen-second/)).toEqual([
			`write ${journal}`,
			`fdatasync ${journal}`,
			'acknowledge',
		]);
	}, 60_000);
});
