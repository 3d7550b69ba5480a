import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {isKnownEvent} from '../../source/core/events.js';
import {eventsDirOf, journalPathOf} from '../../source/journal/journal-paths.js';
import {readIncidentJournal} from '../../source/journal/read-journal.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {hangingScript, scriptGroup, waitForGroupGone} from '../helpers/hanging-git.js';
import {KEY, renderApp, testContext} from '../helpers/ink-driver.js';
import {CLI_PATH, runCli} from '../helpers/run-cli.js';
import {skipWithout} from '../helpers/requirements.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {fillDisk, mountTmpfs, unmount} from '../helpers/tmpfs.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

// Every fault: one clear line, and nothing that was acknowledged is lost.

afterEach(() => cleanup());

const texts = (docsDir: string, id: string) =>
	readIncidentJournal(eventsDirOf(docsDir, id)).events.filter(isKnownEvent).map(event => ('text' in event ? event.text : event.type));

function expectOneLine(run: {code: number | null; stderr: string}, code: number, message: RegExp) {
	expect(run.code).toBe(code);
	expect(run.stderr).toMatch(message);
	expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

function cliIn(repo: string, env: Record<string, string> = {}) {
	const configDir = makeTempDir();
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
	return (...args: string[]) => runCli(args, {cwd: repo, configDir, env});
}

describe('publish and sync faults, through the CLI', () => {
	const publishFaults: [string, (repo: string) => void, RegExp][] = [
		['no commits', () => {}, /has no commits yet \(make a first commit/],
		['no identity', repo => {
			git(repo, 'config', '--unset', 'user.name');
			git(repo, 'config', '--unset', 'user.email');
			git(repo, 'config', 'user.useConfigOnly', 'true');
		}, /git does not know who you are \(git config --global user.name/],
		['a locked index', repo => writeFileSync(join(repo, '.git', 'index.lock'), ''), /another git process holds \.git\/index\.lock/],
		['a failing hook', repo => {
			writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "no TODOs allowed" >&2\nexit 1\n');
			chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
		}, /pre-commit hook refused the commit: .*no TODOs allowed/],
		['failing signing', repo => {
			git(repo, 'config', 'commit.gpgsign', 'true');
			git(repo, 'config', 'gpg.program', 'false');
		}, /commit signing failed/],
	];

	it.each(publishFaults)('publish with %s: exit 2, one line, files kept', (name, breakIt, message) => {
		const repo = makeRepo({commit: name !== 'no commits'});
		mkdirSync(join(repo, '.git', 'hooks'), {recursive: true});
		// No identity must mean none at all: a home without a global git config.
		const cli = cliIn(repo, name === 'no identity' ? {HOME: makeTempDir(), XDG_CONFIG_HOME: makeTempDir()} : {});
		const id = /Opened (\S+)/.exec(cli('new', 'Broken publish', '--sev', '2').stdout)![1]!;
		breakIt(repo);
		expectOneLine(cli('publish'), 2, message);
		expect(existsSync(join(repo, 'docs', 'incidents', `${id}_broken-publish.md`))).toBe(true);
		expect(texts(join(repo, 'docs'), id)).toContain('incident.opened');
	});

	it('sync without a remote, and with the remote gone: exit 2, one line, events kept', () => {
		const repo = makeRepo();
		const cli = cliIn(repo);
		const id = /Opened (\S+)/.exec(cli('new', 'Lonely', '--sev', '3').stdout)![1]!;
		expectOneLine(cli('sync'), 2, /there is no git remote "origin" \(add one: git remote add origin <url>/);
		git(repo, 'remote', 'add', 'origin', join(makeTempDir(), 'missing.git'));
		cli('log', 'offline note');
		expectOneLine(cli('sync'), 2, /remote "origin" is unreachable \(.*\) \(your events are kept here/);
		expect(texts(join(repo, 'docs'), id)).toContain('offline note');
	});
});

describe('git that never answers: each ends within its time limit, in one line, with nothing lost', {timeout: 30_000}, () => {
	/** A clone of a bare remote whose upload-pack accepts and never answers. */
	function silentRemote(repo: string) {
		const remote = join(makeTempDir(), 'ops.git');
		git(repo, 'init', '-q', '--bare', remote);
		git(repo, 'remote', 'add', 'origin', remote);
		const upload = hangingScript(makeTempDir(), 'upload-pack');
		git(repo, 'config', 'remote.origin.uploadpack', upload.path);
		return upload;
	}

	it('sync: exit 2, one line, no git left behind, and the next sync works', async () => {
		const repo = makeRepo();
		const cli = cliIn(repo);
		cli('config', 'set', 'gitNetworkTimeout', '1');
		const id = /Opened (\S+)/.exec(cli('new', 'Silent remote', '--sev', '2').stdout)![1]!;
		const upload = silentRemote(repo);
		expectOneLine(cli('sync'), 2, /^incident-tui: remote "origin" did not answer within 1 s and was stopped \(nothing is lost, everything is on disk; .*gitNetworkTimeout, then sync again\)\n$/);
		await waitForGroupGone(upload.pgidFile);
		git(repo, 'config', '--unset', 'remote.origin.uploadpack');
		expect(cli('sync').stdout).toMatch(/^Synced with origin: received 0 events, sent 1\./);
		expect(texts(join(repo, 'docs'), id)).toEqual(['incident.opened']);
	});

	it('publish: a pre-commit hook that hangs (core.hooksPath): exit 2, one line, and publishing again works', async () => {
		const repo = makeRepo();
		const hooks = makeTempDir();
		git(repo, 'config', 'core.hooksPath', hooks);
		const hook = hangingScript(hooks, 'pre-commit');
		const cli = cliIn(repo);
		cli('config', 'set', 'gitHookTimeout', '1');
		cli('new', 'Hanging hook', '--sev', '2');
		expectOneLine(cli('publish'), 2, /^incident-tui: git commit \(a pre-commit or commit-msg hook, or commit signing\) did not answer within 1 s and was stopped \(nothing is lost.*gitHookTimeout, then publish again\)\n$/);
		await waitForGroupGone(hook.pgidFile);
		expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false);
		unlinkSync(hook.path);
		expect(cli('publish').stdout).toMatch(/^Published /);
	});
});

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: git that never answers, on the live screen'))('git that never answers, on the live screen', {timeout: 30_000}, () => {
	function setUp(networkTimeout: string) {
		const repo = makeRepo();
		const configDir = makeTempDir();
		const cli = (...args: string[]) => runCli(args, {cwd: repo, configDir});
		cli('config', 'set', 'handle', 'alice');
		cli('config', 'set', 'gitNetworkTimeout', networkTimeout);
		const id = /Opened (\S+)/.exec(cli('new', 'Silent remote', '--sev', '2').stdout)![1]!;
		const remote = join(makeTempDir(), 'ops.git');
		git(repo, 'init', '-q', '--bare', remote);
		git(repo, 'remote', 'add', 'origin', remote);
		const upload = hangingScript(makeTempDir(), 'upload-pack');
		git(repo, 'config', 'remote.origin.uploadpack', upload.path);
		return {repo, configDir, cli, id, upload};
	}

	it('g then q: quits at once, ends the sync and its git, and the next sync works', async () => {
		const {repo, configDir, cli, id, upload} = setUp('600');
		const tmux = new TmuxSession({cwd: repo, configDir});
		try {
			await tmux.waitFor('Silent remote');
			await tmux.waitForRawMode();
			await tmux.keys('g');
			await tmux.waitFor('Syncing');
			await scriptGroup(upload.pgidFile);
			await tmux.keys('q');
			await tmux.waitFor('[exit 0]');
		} finally {
			tmux.close();
		}
		await waitForGroupGone(upload.pgidFile);
		expect(readdirSync(join(repo, '.git')).filter(name => name.startsWith('incident-tui-sync-'))).toEqual([]);
		git(repo, 'config', '--unset', 'remote.origin.uploadpack');
		expect(cli('sync').stdout).toMatch(/^Synced with origin/);
		expect(texts(join(repo, 'docs'), id)).toEqual(['incident.opened']);
	});

	it('join: the sync is stopped in time with one warning line, and the screen opens on what is here', async () => {
		const {repo, configDir, id, upload} = setUp('1');
		const tmux = new TmuxSession({cwd: repo, configDir, args: ['join', id]});
		try {
			await tmux.waitFor('Silent remote', 10_000);
			const history = tmux.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'e2e');
			expect(history).toMatch(/warning: remote "origin" did not answer within 1 s and was stopped \(nothing is lost.*; joining with what is here/);
			await tmux.waitForRawMode();
			await tmux.keys('q');
			await tmux.waitFor('[exit 0]');
		} finally {
			tmux.close();
		}
		await waitForGroupGone(upload.pgidFile);
		expect(texts(join(repo, 'docs'), id)).toEqual(['incident.opened', 'alice joined']);
	});
});

const tmpfsProbe = mountTmpfs(64);
if (tmpfsProbe) unmount(tmpfsProbe);

describe.skipIf(skipWithout(tmpfsProbe !== undefined, 'this machine does not allow mounting a tmpfs (needs root): the disk-full and read-only rows'))('disk faults on a small tmpfs', () => {
	it('disk full: a one-line error, earlier events intact, logging works again once space is freed', () => {
		const disk = mountTmpfs(64)!;
		try {
			const repo = makeTempDir();
			const cli = cliIn(repo);
			const dir = join(disk, 'docs');
			const filler = join(disk, 'filler');
			writeFileSync(filler, Buffer.alloc(24 * 1024));
			const id = /Opened (\S+)/.exec(cli('new', 'Full disk', '--sev', '1', '--dir', dir).stdout)![1]!;
			const acknowledged: string[] = [];
			let failure: ReturnType<typeof cli> | undefined;
			for (let n = 0; n < 20 && !failure; n++) {
				const text = `${n} ${'x'.repeat(9000)}`;
				const run = cli('log', text, '--dir', dir);
				if (run.code === 0) acknowledged.push(text);
				else failure = run;
			}
			expect(failure).toBeDefined();
			expectOneLine(failure!, 2, /^incident-tui: not logged: (the disk is full|only \d+ of \d+ bytes)/);
			for (const text of acknowledged) expect(texts(dir, id)).toContain(text);

			rmSync(filler);
			expect(cli('log', 'space again', '--dir', dir).code).toBe(0);
			expect(texts(dir, id)).toContain('space again');
			for (const text of acknowledged) expect(texts(dir, id)).toContain(text);
		} finally {
			unmount(disk);
		}
	});

	it('new on a full disk: one line, no incident left behind, the next log goes to the incident already open', () => {
		const disk = mountTmpfs(256)!;
		try {
			const cli = cliIn(makeTempDir());
			const dir = join(disk, 'docs');
			const id = /Opened (\S+)/.exec(cli('new', 'Already open', '--sev', '2', '--dir', dir).stdout)![1]!;
			const filler = fillDisk(disk);
			expectOneLine(cli('new', 'Doomed', '--sev', '1', '--dir', dir), 2, /^incident-tui: not opened: the disk is full .*nothing was logged/);
			expect(readdirSync(join(dir, 'incidents'))).toEqual([id]);
			// Longer than a page, so it cannot fit in the journal's last block (the lock, a short symlink, needs no
			// data block): the append fails, and its lock must not stay behind and block the next append.
			expectOneLine(cli('log', `still full ${'x'.repeat(5000)}`, '--dir', dir), 2, /not logged: (the disk is full|only \d+ of \d+ bytes)/);

			rmSync(filler);
			expect(cli('log', 'space again', '--dir', dir).stdout).toContain(`Logged note to ${id}`);
			expect(cli('list', '--dir', dir).stdout).not.toMatch(/Doomed|damaged/);
			expect(texts(dir, id)).toEqual(['incident.opened', 'space again']);
		} finally {
			unmount(disk);
		}
	});

	it('report on a full disk: says the report was not written and the journal is intact, leaves no temporary file', () => {
		const disk = mountTmpfs(256)!;
		try {
			const cli = cliIn(makeTempDir());
			const dir = join(disk, 'docs');
			const id = /Opened (\S+)/.exec(cli('new', 'Report on a full disk', '--sev', '2', '--dir', dir).stdout)![1]!;
			expect(cli('log', 'acknowledged', '--dir', dir).code).toBe(0);
			const filler = fillDisk(disk, 2048);
			expectOneLine(
				cli('report', '--dir', dir),
				2,
				/^incident-tui: could not write \S+_report-on-a-full-disk\.md: the disk is full \(the journal is intact, only this file was not written; free some space and run it again\)/,
			);
			expect(readdirSync(join(dir, 'incidents')).filter(name => name.endsWith('.tmp'))).toEqual([]);
			rmSync(filler);
			expect(cli('report', '--dir', dir).code).toBe(0);
			expect(texts(dir, id)).toEqual(['incident.opened', 'acknowledged']);
		} finally {
			unmount(disk);
		}
	});

	it('journal directory read-only mid-incident: a one-line error, then logging resumes', () => {
		const disk = mountTmpfs(1024)!;
		try {
			const repo = makeTempDir();
			const cli = cliIn(repo);
			const dir = join(disk, 'docs');
			const id = /Opened (\S+)/.exec(cli('new', 'Read only', '--sev', '2', '--dir', dir).stdout)![1]!;
			expect(cli('log', 'before', '--dir', dir).code).toBe(0);
			execFileSync('mount', ['-o', 'remount,ro', disk]);
			expectOneLine(cli('log', 'while read-only', '--dir', dir), 2, /not logged: the file system is read-only/);
			execFileSync('mount', ['-o', 'remount,rw', disk]);
			expect(cli('log', 'after', '--dir', dir).code).toBe(0);
			expect(texts(dir, id)).toEqual(['incident.opened', 'before', 'after']);
		} finally {
			unmount(disk);
		}
	});
});

describe('the live screen under faults', () => {
	it('writes back a journal file deleted while the app runs', async () => {
		const docsDir = makeTempDir();
		const context = testContext(docsDir);
		const {incidentId} = openIncident(context, {title: 'Deleted', severity: 2});
		const app = await renderApp(context, incidentId);
		for (const text of ['one', 'two']) {
			await app.press('n');
			await app.type(text);
			await app.press(KEY.enter);
			await app.waitFor(`note          ${text}`);
		}
		unlinkSync(journalPathOf(docsDir, incidentId, context.writer));
		await app.waitFor('was deleted; 3 lines written back', 3000);
		expect(texts(docsDir, incidentId)).toEqual(['incident.opened', 'one', 'two']);
	});

	it('keeps the order of events when the clock steps backwards', () => {
		const docsDir = makeTempDir();
		let wall = Date.parse('2026-11-23T03:10:00.000Z');
		const context = createCommandContext(docsDir, 'alice', () => wall);
		const {incidentId} = openIncident(context, {title: 'Clock', severity: 3});
		const written: string[] = [];
		for (const step of [0, -60_000, -5_000, 30_000, -90_000]) {
			wall += step;
			written.push(`after ${step}`);
			logNote(context, {incidentId, kind: 'note', text: `after ${step}`});
		}
		const {state} = loadIncident(docsDir, incidentId);
		expect(state.timeline.slice(1).map(entry => entry.text)).toEqual(written);
	});

	it('says "the live screen needs a terminal" when stdin is closed or not a terminal', () => {
		for (const redirect of ['</dev/null', '<&-']) {
			const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI_PATH}" ${redirect}`], {encoding: 'utf8', env: {...process.env, INCIDENT_TUI_CONFIG_DIR: makeTempDir()}, cwd: makeTempDir()});
			expectOneLine({code: run.status, stderr: run.stderr}, 1, /the live screen needs a terminal; without one use: new, log/);
		}
	});
});

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the live screen under faults'))('the live screen in a real terminal under faults', () => {
	it('a 20x5 terminal: says it is too small and still logs', async () => {
		const repo = makeTempDir();
		const configDir = makeTempDir();
		runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
		const id = /Opened (\S+)/.exec(runCli(['new', 'Tiny', '--sev', '2'], {cwd: repo, configDir}).stdout)![1]!;
		const tmux = new TmuxSession({cwd: repo, configDir, columns: 20, rows: 5});
		try {
			await tmux.waitFor('Terminal too small');
			await tmux.waitForRawMode();
			await tmux.keys('n');
			await tmux.text('tiny but logged');
			await tmux.keys('Enter');
			await tmux.waitFor('Logged note');
			expect(texts(join(repo, 'docs'), id)).toContain('tiny but logged');
		} finally {
			tmux.close();
		}
	});

	it('a 10 KB paste into a note arrives whole', async () => {
		const repo = makeTempDir();
		const configDir = makeTempDir();
		runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
		const id = /Opened (\S+)/.exec(runCli(['new', 'Paste', '--sev', '2'], {cwd: repo, configDir}).stdout)![1]!;
		const tmux = new TmuxSession({cwd: repo, configDir});
		const paste = Array.from({length: 220}, (_, n) => `${String(n).padStart(3, '0')} ERROR upstream timeout 504 \u001b[31mred\u001b[0m 🔥`).join('\n');
		try {
			await tmux.waitFor('Paste');
			await tmux.waitForRawMode();
			await tmux.keys('n');
			tmux.tmux('set-buffer', '--', paste);
			tmux.tmux('paste-buffer', '-p', '-t', 'e2e');
			await tmux.keys('Enter');
			await tmux.waitFor('Logged note', 10_000);
			expect(texts(join(repo, 'docs'), id)).toContain(paste);
			expect(Buffer.byteLength(paste)).toBeGreaterThan(10_000);
		} finally {
			tmux.close();
		}
	});
});
