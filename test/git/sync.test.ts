import {chmodSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {GitFault} from '../../source/git/git-fault.js';
import {syncIncidents} from '../../source/commands/sync-incidents.js';
import {createCommandContext} from '../../source/commands/command-context.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {git} from '../helpers/git-repo.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {makeRemote, responder} from './responders.js';

describe('sync through a bare remote', () => {
	it('converges three responders logging concurrently, no event lost or doubled', async () => {
		const remote = makeRemote();
		const [alice, bob, carol] = ['alice', 'bob', 'carol'].map(handle => responder(remote, handle));
		const {incidentId} = openIncident(alice!.context, {title: 'Everyone in', severity: 1});
		await alice!.sync();
		const everyone = [alice!, bob!, carol!];
		const perResponder = 240;
		for (let round = 0; round < 4; round++) {
			await Promise.all(
				everyone.map(async (who, index) => {
					if (round === 0 && index > 0) await who.sync();
					for (let n = 0; n < perResponder / 4; n++) {
						logNote(who.context, {incidentId, kind: 'note', text: `${who.context.handle} ${round}.${n}`});
					}
					await who.sync();
				}),
			);
		}
		for (const who of [...everyone, ...everyone]) await who.sync();

		const expected = 1 + perResponder * 3;
		const timelines = everyone.map(who => who.timeline(incidentId));
		expect(timelines[0]).toHaveLength(expected);
		expect(new Set(timelines[0]).size).toBe(expected);
		expect(timelines[1]).toEqual(timelines[0]);
		expect(timelines[2]).toEqual(timelines[0]);
	});

	it('resolves a push race between two syncs by fetching and retrying', async () => {
		const remote = makeRemote();
		// The remote accepts pushes slowly, so two syncs started together both build on the same tip.
		writeFileSync(join(remote, 'hooks', 'pre-receive'), '#!/bin/sh\nsleep 0.4\n');
		chmodSync(join(remote, 'hooks', 'pre-receive'), 0o755);
		const alice = responder(remote, 'alice');
		const bob = responder(remote, 'bob');
		const {incidentId} = openIncident(alice.context, {title: 'Race', severity: 2});
		await alice.sync();
		await bob.sync();
		logNote(alice.context, {incidentId, kind: 'note', text: 'alice'});
		logNote(bob.context, {incidentId, kind: 'note', text: 'bob'});

		const results = await Promise.all([alice.sync(), bob.sync()]);

		expect(Math.max(...results.map(result => result.attempts))).toBeGreaterThan(1);
		// Whichever push won, each side still lacks what the other pushed last: both sync once more.
		await alice.sync();
		await bob.sync();
		expect(alice.timeline(incidentId)).toHaveLength(3);
		expect(bob.timeline(incidentId)).toEqual(alice.timeline(incidentId));
	});

	it('says in one line that the remote is unreachable, keeps the events, and delivers them later', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const bob = responder(remote, 'bob');
		const {incidentId} = openIncident(alice.context, {title: 'Offline', severity: 2});
		renameSync(remote, `${remote}.away`);
		logNote(alice.context, {incidentId, kind: 'note', text: 'written while offline'});

		const error = await alice.sync().catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(GitFault);
		expect(error).toMatchObject({code: 'offline'});
		expect((error as GitFault).message).toMatch(/^remote "origin" is unreachable \(.+\)$/);
		expect((error as GitFault).message).not.toContain('\n');
		expect(alice.timeline(incidentId)).toHaveLength(2);

		renameSync(`${remote}.away`, remote);
		await alice.sync();
		await bob.sync();
		expect(bob.timeline(incidentId)).toEqual(alice.timeline(incidentId));
	});

	it("never touches a responder's branch, index or uncommitted work", async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		writeFileSync(join(alice.dir, 'tracked.txt'), 'v1\n');
		git(alice.dir, 'add', 'tracked.txt');
		git(alice.dir, 'commit', '-q', '-m', 'tracked');
		writeFileSync(join(alice.dir, 'tracked.txt'), 'v2, not committed\n');
		writeFileSync(join(alice.dir, 'staged.txt'), 'staged\n');
		git(alice.dir, 'add', 'staged.txt');
		writeFileSync(join(alice.dir, 'untracked.txt'), 'untracked\n');
		const before = {status: git(alice.dir, 'status', '--porcelain'), head: git(alice.dir, 'rev-parse', 'HEAD'), branch: git(alice.dir, 'branch', '--show-current')};

		const {incidentId} = openIncident(alice.context, {title: 'Careful', severity: 3});
		await alice.sync();

		const lines = (text: string) => text.trim().split('\n').sort();
		expect(lines(git(alice.dir, 'status', '--porcelain'))).toEqual(lines(`${before.status}?? docs/\n`));
		expect(git(alice.dir, 'rev-parse', 'HEAD')).toBe(before.head);
		expect(git(alice.dir, 'branch', '--show-current')).toBe(before.branch);
		expect(git(alice.dir, 'diff', '--cached', '--name-only')).toBe('staged.txt\n');
		expect(git(alice.dir, 'ls-tree', '-r', '--name-only', 'refs/incident-tui/remote-events').trim()).toBe(
			`docs/incidents/${incidentId}/events/${alice.context.writer}.jsonl`,
		);
	});

	it("says in the remote's own words when it refuses the push, and that the events stay here", async () => {
		const remote = makeRemote();
		writeFileSync(join(remote, 'hooks', 'pre-receive'), '#!/bin/sh\necho "pushes to incident-tui-events need approval" >&2\nexit 1\n');
		chmodSync(join(remote, 'hooks', 'pre-receive'), 0o755);
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Refused', severity: 2});

		const error = await alice.sync().catch((caught: unknown) => caught);

		expect(error).toMatchObject({
			code: 'push-refused',
			message: 'remote "origin" refused the push to its incident-tui-events branch: pre-receive hook declined / pushes to incident-tui-events need approval',
		});
		expect((error as GitFault).hint).toMatch(/^your events are kept here; .*then sync again$/);
		expect((error as GitFault).hint).not.toMatch(/publish/);
		expect(alice.timeline(incidentId)).toHaveLength(1);
	});

	it('says how to add a remote when there is none', async () => {
		const dir = makeTempDir();
		git(dir, 'init', '-q');
		const workspace = findWorkspace(dir, 'docs');
		const error = await syncIncidents(createCommandContext(workspace.docsDir, 'alice'), workspace, 'origin').catch(
			(caught: unknown) => caught,
		);
		expect(error).toMatchObject({code: 'no-remote', message: 'there is no git remote "origin"'});
		expect((error as GitFault).hint).toMatch(/git remote add origin <url>/);
	});
});
