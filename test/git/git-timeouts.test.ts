import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {publishIncident} from '../../source/commands/publish-incident.js';
import {GitFault} from '../../source/git/git-fault.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {hangingScript, scriptGroup, waitForGroupGone} from '../helpers/hanging-git.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {createCommandContext} from '../../source/commands/command-context.js';
import {makeRemote, responder, faultOf} from './responders.js';

// Git that never answers: each call must end within its (here lowered) time
// limit, say so in one line, leave no process of git's group behind, and the
// next call must work. Before the fix each of these hung until the test timed out.

const quick = {timeouts: {networkSeconds: 1, localSeconds: 1}};

function expectOneLineTimeout(fault: GitFault, what: RegExp) {
	expect(fault.code).toBe('timeout');
	expect(fault.message).toMatch(what);
	expect(fault.hint).toMatch(/^nothing is lost/);
	expect(`${fault.message} (${fault.hint})`).not.toContain('\n');
}

const privateIndexes = (dir: string) => readdirSync(join(dir, '.git')).filter(name => name.startsWith('incident-tui-sync-'));

describe('git that never answers', {timeout: 20_000}, () => {
	it('sync: a remote that accepts and never answers is stopped, and the next sync works', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice', quick);
		const {incidentId} = openIncident(alice.context, {title: 'Silent remote', severity: 2});
		const upload = hangingScript(makeTempDir(), 'upload-pack');
		git(alice.dir, 'config', 'remote.origin.uploadpack', upload.path);

		const fault = await faultOf(alice.sync());

		expectOneLineTimeout(fault, /^remote "origin" did not answer within 1 s and was stopped$/);
		expect(fault.hint).toMatch(/gitNetworkTimeout/);
		await waitForGroupGone(upload.pgidFile);
		expect(privateIndexes(alice.dir)).toEqual([]);
		git(alice.dir, 'config', '--unset', 'remote.origin.uploadpack');
		expect(await alice.sync()).toMatchObject({status: 'synced', sent: 1});
		expect(alice.timeline(incidentId)).toHaveLength(1);
	});

	it('sync: a pre-push hook that sleeps is stopped with its children, and the next sync works', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice', quick);
		const {incidentId} = openIncident(alice.context, {title: 'Slow hook', severity: 2});
		const hook = hangingScript(join(alice.dir, '.git', 'hooks'), 'pre-push');

		const fault = await faultOf(alice.sync());

		expectOneLineTimeout(fault, /^git push to "origin" \(the remote or a pre-push hook\) did not answer within 1 s/);
		await waitForGroupGone(hook.pgidFile);
		expect(git(remote, 'branch', '--list')).toBe('');
		rmSync(hook.path);
		logNote(alice.context, {incidentId, kind: 'note', text: 'after the hook'});
		expect(await alice.sync()).toMatchObject({status: 'synced', sent: 2});
	});

	it('publish: a pre-commit hook that hangs (through core.hooksPath) is stopped, no index.lock is left, and publishing again works', async () => {
		const repo = makeRepo();
		const hooks = makeTempDir('incident-tui-hooks-');
		git(repo, 'config', 'core.hooksPath', hooks);
		const hook = hangingScript(hooks, 'pre-commit');
		const workspace = findWorkspace(repo, 'docs');
		const context = createCommandContext(workspace.docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'Hanging hook', severity: 1});

		const fault = await faultOf(publishIncident(context, workspace, incidentId, 'incident-report', quick));

		expectOneLineTimeout(fault, /^git commit \(a pre-commit or commit-msg hook, or commit signing\) did not answer within 1 s/);
		expect(fault.hint).toMatch(/gitHookTimeout.*publish again$/);
		await waitForGroupGone(hook.pgidFile);
		expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false);
		rmSync(hook.path);
		expect(await publishIncident(context, workspace, incidentId, 'incident-report', quick)).toMatchObject({status: 'committed'});
	});

	it('sync: stopping it (the screen quitting) ends git at once and leaves no private index behind', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		openIncident(alice.context, {title: 'Quit while syncing', severity: 2});
		const upload = hangingScript(makeTempDir(), 'upload-pack');
		git(alice.dir, 'config', 'remote.origin.uploadpack', upload.path);
		const quitting = new AbortController();

		const syncing = faultOf(alice.sync({signal: quitting.signal, timeouts: {networkSeconds: 3600, localSeconds: 3600}}));
		await scriptGroup(upload.pgidFile);
		quitting.abort();

		expect(await syncing).toMatchObject({code: 'stopped'});
		await waitForGroupGone(upload.pgidFile);
		expect(privateIndexes(alice.dir)).toEqual([]);
		git(alice.dir, 'config', '--unset', 'remote.origin.uploadpack');
		expect(await alice.sync()).toMatchObject({status: 'synced'});
	});

	it('sync: stopped while git writes its private index, it leaves neither the index nor its lock, and the next sync works', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		openIncident(alice.context, {title: 'Quit while writing the tree', severity: 2});
		// A git whose update-index takes the index's lock, as git does, and then never ends.
		const bin = makeTempDir();
		const pgidFile = join(bin, 'update-index.pgid');
		const realGit = execFileSync('sh', ['-c', 'command -v git'], {encoding: 'utf8'}).trim();
		writeFileSync(
			join(bin, 'git'),
			`#!/bin/sh\nif [ "$1" = update-index ] && [ -n "$GIT_INDEX_FILE" ]; then\n\t: >"$GIT_INDEX_FILE.lock"\n\tps -o pgid= -p $$ >'${pgidFile}'\n\texec sleep 120\nfi\nexec '${realGit}' "$@"\n`,
		);
		chmodSync(join(bin, 'git'), 0o755);
		const path = process.env['PATH'];
		process.env['PATH'] = `${bin}:${path}`;
		try {
			const quitting = new AbortController();
			const syncing = faultOf(alice.sync({signal: quitting.signal, timeouts: {networkSeconds: 3600, localSeconds: 3600}}));
			await scriptGroup(pgidFile);
			quitting.abort();
			expect(await syncing).toMatchObject({code: 'stopped'});
			await waitForGroupGone(pgidFile);
		} finally {
			process.env['PATH'] = path;
		}
		expect(readdirSync(join(alice.dir, '.git')).filter(name => name.startsWith('incident-tui-sync-'))).toEqual([]);
		expect(await alice.sync()).toMatchObject({status: 'synced'});
	});
});
