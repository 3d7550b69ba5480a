import {chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {GitFault} from '../../source/git/git-fault.js';
import {journalPathOf} from '../../source/journal/journal-paths.js';
import {git} from '../helpers/git-repo.js';
import {countGitCalls} from './git-calls.js';
import {makeRemote, responder, faultOf} from './responders.js';

// When only local journals changed since this machine last fetched or pushed
// the remote's tip, sync pushes first, leased on that tip: one round trip, no
// fetch. Anything else (the remote moved, a journal of that tip not merged
// here) takes the usual fetch, merge and push, and every failure reads as it
// did before.

const commands = (calls: readonly string[]) => calls.map(call => call.split(' ')[0]).sort();

/** Alice and Bob, both synced with one incident: the remote's tip is the one each last fetched or pushed. */
async function twoSynced() {
	const remote = makeRemote();
	const alice = responder(remote, 'alice');
	const bob = responder(remote, 'bob');
	const {incidentId} = openIncident(alice.context, {title: 'Push first', severity: 2});
	await alice.sync();
	await bob.sync();
	await alice.sync();
	const onRemote = (who: typeof alice) =>
		git(remote, 'show', `incident-tui-events:docs/incidents/${incidentId}/events/${who.context.writer}.jsonl`);
	const journalOf = (who: typeof alice) => readFileSync(journalPathOf(who.workspace.docsDir, incidentId, who.context.writer), 'utf8');
	return {remote, alice, bob, incidentId, onRemote, journalOf, count: countGitCalls()};
}

describe('sync pushes first when only local journals changed', () => {
	it('sends the new lines without a fetch: one push, leased on the tip it last saw', async () => {
		const {alice, incidentId, onRemote, journalOf, count} = await twoSynced();
		for (let n = 0; n < 10; n++) logNote(alice.context, {incidentId, kind: 'note', text: `alice ${n}`});

		let result;
		const calls = await count(async () => (result = await alice.sync()));

		expect(result).toMatchObject({status: 'synced', sent: 10, received: 0, attempts: 1});
		expect(commands(calls)).toEqual(['commit-tree', 'hash-object', 'push', 'update-index', 'update-ref', 'write-tree']);
		expect(calls.find(call => call.startsWith('push'))).toMatch(/--force-with-lease=refs\/heads\/incident-tui-events:[0-9a-f]{40}/);
		expect(onRemote(alice)).toBe(journalOf(alice));
	});

	it('falls back to fetch, merge and push when another clone pushed since: their lines come in, ours go out', async () => {
		const {alice, bob, incidentId, onRemote, journalOf, count} = await twoSynced();
		logNote(bob.context, {incidentId, kind: 'note', text: 'bob, pushed first'});
		expect(await bob.sync()).toMatchObject({status: 'synced', sent: 1, attempts: 1});
		logNote(alice.context, {incidentId, kind: 'note', text: 'alice, refused lease'});

		let result;
		const calls = await count(async () => (result = await alice.sync()));

		expect(result).toMatchObject({status: 'synced', received: 1, sent: 1, attempts: 2});
		const order = calls.map(call => call.split(' ')[0]).filter(command => command === 'push' || command === 'fetch');
		expect(order).toEqual(['push', 'fetch', 'push']);
		await bob.sync();
		expect(bob.timeline(incidentId)).toEqual(alice.timeline(incidentId));
		expect(alice.timeline(incidentId)).toHaveLength(3);
		expect(onRemote(alice)).toBe(journalOf(alice));
		expect(onRemote(bob)).toBe(journalOf(bob));
	});

	it('fetches first when a journal of the last tip is not in the local files: nothing on the remote is dropped', async () => {
		const {alice, bob, incidentId, onRemote, journalOf, count} = await twoSynced();
		const bobsCopy = journalPathOf(alice.workspace.docsDir, incidentId, bob.context.writer);
		logNote(bob.context, {incidentId, kind: 'note', text: 'bob'});
		await bob.sync();
		await alice.sync();
		rmSync(bobsCopy);
		logNote(alice.context, {incidentId, kind: 'note', text: 'alice, without her copy of bob'});

		const calls = await count(() => alice.sync());

		expect(onRemote(bob)).toBe(journalOf(bob));
		expect(readFileSync(bobsCopy, 'utf8')).toBe(journalOf(bob));
		expect(onRemote(alice)).toBe(journalOf(alice));
		expect(commands(calls)).toContain('fetch');
	});

	it('says an unreachable or missing remote in the same line as the fetch would, and keeps the events', async () => {
		const {remote, alice, bob, incidentId, count} = await twoSynced();
		logNote(alice.context, {incidentId, kind: 'note', text: 'written while offline'});
		renameSync(remote, `${remote}.away`);

		let fault!: GitFault;
		const calls = await count(async () => (fault = await faultOf(alice.sync())));
		// Bob has nothing to send: his sync fetches first, as every sync did before.
		const fetched = await faultOf(bob.sync());

		expect(commands(calls)).not.toContain('fetch');
		expect(commands(calls)).toContain('push');
		expect(fault).toMatchObject({code: 'offline', message: `remote "origin" is unreachable ('${remote}' does not appear to be a git repository)`});
		expect({code: fault.code, message: fault.message, hint: fault.hint}).toEqual({code: fetched.code, message: fetched.message, hint: fetched.hint});
		expect(alice.timeline(incidentId)).toHaveLength(2);

		git(alice.dir, 'remote', 'remove', 'origin');
		git(bob.dir, 'remote', 'remove', 'origin');
		const noRemote = await faultOf(alice.sync());
		const noRemoteFetched = await faultOf(bob.sync());
		expect(noRemote).toMatchObject({code: 'no-remote', message: 'there is no git remote "origin"'});
		expect(noRemote.hint).toBe(noRemoteFetched.hint);
		expect(alice.timeline(incidentId)).toHaveLength(2);
	});

	it("says in the remote's own words when its hook refuses the push, pushing once", async () => {
		const {remote, alice, incidentId, count} = await twoSynced();
		writeFileSync(join(remote, 'hooks', 'pre-receive'), '#!/bin/sh\necho "pushes to incident-tui-events need approval" >&2\nexit 1\n');
		chmodSync(join(remote, 'hooks', 'pre-receive'), 0o755);
		logNote(alice.context, {incidentId, kind: 'note', text: 'refused'});

		let fault!: GitFault;
		const calls = await count(async () => (fault = await faultOf(alice.sync())));

		expect(commands(calls).filter(command => command === 'push' || command === 'fetch')).toEqual(['push']);
		expect(fault).toMatchObject({
			code: 'push-refused',
			message: 'remote "origin" refused the push to its incident-tui-events branch: pre-receive hook declined / pushes to incident-tui-events need approval',
		});
		expect(fault.hint).toMatch(/^your events are kept here/);
		expect(alice.timeline(incidentId)).toHaveLength(2);
		expect(existsSync(journalPathOf(alice.workspace.docsDir, incidentId, alice.context.writer))).toBe(true);
	});
});
