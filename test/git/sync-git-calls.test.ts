import {appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {logNote} from '../../source/commands/log-note.js';
import {createCommandContext} from '../../source/commands/command-context.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {syncIncidents} from '../../source/commands/sync-incidents.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {journalPathOf} from '../../source/journal/journal-paths.js';
import {git} from '../helpers/git-repo.js';
import {countGitCalls} from './git-calls.js';
import {makeRemote, responder} from './responders.js';

// Sync's cost must not grow with history: the git processes one sync starts
// are the same with 1 or 51 incidents (two writers each) in the repository.
// A count, not a time, so it cannot flake; the times are in `npm run bench`.

/** git's subcommand of each call, such as `fetch` or `cat-file`, sorted: some run beside the fetch, in either order. */
const commands = (calls: readonly string[]) => calls.map(call => call.split(' ')[0]).sort();

async function syncCalls(incidents: number) {
	const remote = makeRemote();
	const alice = responder(remote, 'alice');
	const bob = responder(remote, 'bob');
	const ids = Array.from({length: incidents}, (_, n) => openIncident(alice.context, {title: `Incident ${n}`, severity: 2, at: new Date(Date.UTC(2026, 0, 1 + n, 12))}).incidentId);
	await alice.sync();
	await bob.sync();
	for (const incidentId of ids) logNote(bob.context, {incidentId, kind: 'note', text: 'bob was here'});
	await bob.sync();
	await alice.sync();
	const newest = ids.at(-1)!;
	const count = countGitCalls();

	let result = await alice.sync();
	const upToDate = await count(async () => (result = await alice.sync()));
	expect(result).toMatchObject({status: 'up-to-date'});
	for (let n = 0; n < 10; n++) logNote(alice.context, {incidentId: newest, kind: 'note', text: `alice ${n}`});
	const sending = await count(async () => (result = await alice.sync()));
	expect(result).toMatchObject({status: 'synced', sent: 10, received: 0});
	for (let n = 0; n < 10; n++) logNote(bob.context, {incidentId: newest, kind: 'note', text: `bob ${n}`});
	await bob.sync();
	const receiving = await count(async () => (result = await alice.sync()));
	expect(result).toMatchObject({status: 'synced', received: 10});
	expect(alice.timeline(newest)).toEqual(bob.timeline(newest));
	return {upToDate, sending, receiving};
}

describe('git processes per sync', () => {
	it('are as many with 51 incidents in the repository as with 1, and few', {timeout: 120_000}, async () => {
		const one = await syncCalls(1);
		const many = await syncCalls(51);

		for (const kind of ['upToDate', 'sending', 'receiving'] as const) expect(commands(many[kind]), kind).toEqual(commands(one[kind]));
		// fetch and one rev-parse; nothing is read or written.
		expect(commands(one.upToDate)).toEqual(['fetch', 'rev-parse']);
		// Only local journals changed since the last sync, so no fetch: hash-object, update-index, write-tree, commit-tree, a leased push, update-ref.
		expect(commands(one.sending)).toEqual(['commit-tree', 'hash-object', 'push', 'update-index', 'update-ref', 'write-tree']);
		// fetch, rev-parse, ls-tree, cat-file, hash-object of the merged journal; the tree is the remote's.
		expect(one.receiving.length).toBeLessThanOrEqual(5);
	});

	it('changes nothing but speed when the cache is deleted or damaged: the same events arrive and leave', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const bob = responder(remote, 'bob');
		const {incidentId} = openIncident(alice.context, {title: 'Cache', severity: 2});
		await alice.sync();
		await bob.sync();
		const cache = join(alice.dir, '.git', 'incident-tui-blob-cache.json');
		expect(readFileSync(cache, 'utf8')).toContain(incidentId);

		logNote(alice.context, {incidentId, kind: 'note', text: 'after the cache was deleted'});
		logNote(bob.context, {incidentId, kind: 'note', text: 'from bob'});
		await bob.sync();
		rmSync(cache);
		expect(await alice.sync()).toMatchObject({status: 'synced', received: 1, sent: 1});

		logNote(alice.context, {incidentId, kind: 'note', text: 'after the cache was damaged'});
		writeFileSync(cache, '{"version":1,"files":');
		expect(await alice.sync()).toMatchObject({status: 'synced', received: 0, sent: 1});
		await bob.sync();
		expect(bob.timeline(incidentId)).toEqual(alice.timeline(incidentId));
		expect(alice.timeline(incidentId)).toHaveLength(4);
	});

	it('pushes a journal with a line still being written up to its last whole line, and all of it once the line is whole', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Torn', severity: 2});
		await alice.sync();
		const journal = journalPathOf(alice.workspace.docsDir, incidentId, alice.context.writer);
		const path = `docs/incidents/${incidentId}/events/${alice.context.writer}.jsonl`;
		const whole = readFileSync(journal, 'utf8');
		const next = readFileSync(journal, 'utf8').trim().replace(/"id":"[0-9A-Z]{26}"/, '"id":"01KAZ7R3J8S2D1E8F5G6H7J8K9"');

		appendFileSync(journal, next.slice(0, 20));
		expect(await alice.sync()).toMatchObject({status: 'up-to-date'});
		expect(git(remote, 'show', `incident-tui-events:${path}`)).toBe(whole);

		appendFileSync(journal, `${next.slice(20)}\n`);
		expect(await alice.sync()).toMatchObject({status: 'synced', sent: 1});
		expect(git(remote, 'show', `incident-tui-events:${path}`)).toBe(`${whole}${next}\n`);
	});

	it('takes no blob id from the cache on trust: a journal whose stored object is gone and no longer on the remote is stored again', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Rewound', severity: 2});
		await alice.sync();
		const first = git(remote, 'rev-parse', 'incident-tui-events').trim();
		logNote(alice.context, {incidentId, kind: 'note', text: 'second'});
		await alice.sync();
		const path = `docs/incidents/${incidentId}/events/${alice.context.writer}.jsonl`;
		const blob = git(alice.dir, 'rev-parse', `refs/incident-tui/remote-events:${path}`).trim();
		// Someone rewinds the remote's branch, and this clone's copy of the newer journal is gone (pruned).
		git(remote, 'update-ref', 'refs/heads/incident-tui-events', first);
		rmSync(join(alice.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));

		expect(await alice.sync()).toMatchObject({status: 'synced', sent: 1});
		expect(git(remote, 'show', `incident-tui-events:${path}`)).toBe(readFileSync(journalPathOf(alice.workspace.docsDir, incidentId, alice.context.writer), 'utf8'));
	});

	it('syncs from a linked worktree, whose .git is a file: the private index and cache go where git keeps that worktree\'s files', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		git(alice.dir, 'commit', '-q', '--allow-empty', '-m', 'init');
		const linked = join(alice.dir, '..', 'linked');
		git(alice.dir, 'worktree', 'add', '-q', '--detach', linked);
		const workspace = findWorkspace(linked, 'docs');
		const context = createCommandContext(workspace.docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'From a worktree', severity: 2});

		expect(await syncIncidents(context, workspace, 'origin')).toMatchObject({status: 'synced'});
		logNote(context, {incidentId, kind: 'note', text: 'again'});
		expect(await syncIncidents(context, workspace, 'origin')).toMatchObject({status: 'synced', sent: 1});
		const worktreeGitDir = join(alice.dir, '.git', 'worktrees', 'linked');
		expect(existsSync(join(worktreeGitDir, 'incident-tui-blob-cache.json'))).toBe(true);
		// No process's private index is left behind; the one kept to start the next tree from is named by that tree.
		expect(readdirSync(worktreeGitDir).filter(name => name.endsWith('.index'))).toEqual([`incident-tui-tree-${git(remote, 'rev-parse', 'incident-tui-events^{tree}').trim()}.index`]);
		expect(git(remote, 'show', `incident-tui-events:docs/incidents/${incidentId}/events/${context.writer}.jsonl`)).toBe(
			readFileSync(journalPathOf(workspace.docsDir, incidentId, context.writer), 'utf8'),
		);
	});

	it('makes each tree from the index kept for the last one, and the tree still holds exactly the local files: one gone is left out, a damaged kept index is rebuilt', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Kept index', severity: 2});
		// Shared like every file in events/, but no writer's journal: nothing brings it back once it is gone here.
		const scratch = join(alice.workspace.docsDir, 'incidents', incidentId, 'events', 'scratch.jsonl');
		writeFileSync(scratch, '{"scratch":1}\n');
		await alice.sync();
		const branchFiles = () => git(remote, 'ls-tree', '-r', '--name-only', 'incident-tui-events').trim().split('\n');
		expect(branchFiles()).toContain(`docs/incidents/${incidentId}/events/scratch.jsonl`);
		const keptIndexes = () => readdirSync(join(alice.dir, '.git')).filter(name => name.startsWith('incident-tui-tree-'));
		expect(keptIndexes()).toHaveLength(1);

		rmSync(scratch);
		logNote(alice.context, {incidentId, kind: 'note', text: 'after the scratch file went'});
		expect(await alice.sync()).toMatchObject({status: 'synced', sent: 1});
		expect(branchFiles()).toEqual([`docs/incidents/${incidentId}/events/${alice.context.writer}.jsonl`]);

		writeFileSync(join(alice.dir, '.git', keptIndexes()[0]!), 'not an index');
		logNote(alice.context, {incidentId, kind: 'note', text: 'after the kept index was damaged'});
		expect(await alice.sync()).toMatchObject({status: 'synced', sent: 1});
		const journal = journalPathOf(alice.workspace.docsDir, incidentId, alice.context.writer);
		expect(git(remote, 'show', `incident-tui-events:docs/incidents/${incidentId}/events/${alice.context.writer}.jsonl`)).toBe(readFileSync(journal, 'utf8'));
		expect(keptIndexes()).toEqual([`incident-tui-tree-${git(remote, 'rev-parse', 'incident-tui-events^{tree}').trim()}.index`]);
	});
});
