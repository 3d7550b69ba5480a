import {appendFileSync, mkdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {monotonicFactory} from 'ulid';
import {describe, expect, it} from 'vitest';
import {loadIncident} from '../../source/commands/load-incident.js';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {buildEvent} from '../../source/core/build-event.js';
import type {EventPayload} from '../../source/core/events.js';
import {describeSync} from '../../source/commands/sync-incidents.js';
import {git} from '../helpers/git-repo.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {makeRemote, responder} from './responders.js';

// Anyone who can push to the remote can put anything on the events branch.
// Sync takes only valid events of the file's own writer, never writes the
// local writer's own journal, never lets an incident be reopened, and pushes
// back only what it took.

const ulid = monotonicFactory();
function line(author: string, payload: EventPayload, at = new Date()): string {
	return JSON.stringify(buildEvent(payload, {id: ulid(Date.now()), at, loggedAt: new Date(), author}));
}

/** Mallory edits the remote's events branch directly, through a clone of her own. */
function forge(remote: string, files: Record<string, string>): void {
	const dir = join(makeTempDir('incident-tui-mallory-'), 'ops');
	git(join(dir, '..'), 'clone', '-q', '-b', 'incident-tui-events', remote, dir);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), {recursive: true});
		appendFileSync(join(dir, path), text);
	}
	git(dir, 'add', '-A');
	git(dir, '-c', 'user.name=mallory', '-c', 'user.email=m@example.com', 'commit', '-q', '-m', 'forged');
	git(dir, 'push', '-q', 'origin', 'incident-tui-events');
}

const onRemote = (remote: string, path: string) => git(remote, 'show', `incident-tui-events:${path}`);
const records = (path: string) =>
	readFileSync(path, 'utf8')
		.trim()
		.split('\n')
		.map(record => JSON.parse(record) as {from: string; commit: string; line: number; reason: string; raw: string});

describe('sync from a hostile remote', () => {
	it("never writes the local writer's own journal from the remote: keeps the remote's lines aside and says so in one line", async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Mine', severity: 2});
		await alice.sync();
		const path = `docs/incidents/${incidentId}/events/${alice.context.writer}.jsonl`;
		const journal = join(alice.dir, path);
		const before = readFileSync(journal, 'utf8');
		const forged = line('alice', {type: 'status.changed', status: 'resolved'});
		forge(remote, {[path]: `${forged}\n`});

		const result = await alice.sync();

		expect(readFileSync(journal, 'utf8')).toBe(before);
		expect(loadIncident(alice.workspace.docsDir, incidentId).state.status).toBe('investigating');
		expect(result.received).toBe(0);
		const message = describeSync(result, 'origin');
		expect(message).toMatch(new RegExp(`your own journal ${alice.context.writer}\\.jsonl has 1 line this machine never wrote: kept aside in ${alice.context.writer}\\.jsonl\\.rejected, not merged`));
		expect(message).not.toContain('\n');
		expect(records(`${journal}.rejected`)).toMatchObject([{from: 'origin/incident-tui-events', line: 2, raw: forged}]);
		// What goes back out is this machine's copy.
		expect(onRemote(remote, path)).toBe(before);
	});

	it('accepts and counts only valid events of the journal writer, sets the rest aside with the remote ref and line, and never pushes them on', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Garbage in', severity: 2});
		await alice.sync();
		const bob = responder(remote, 'bob');
		await bob.sync();
		logNote(bob.context, {incidentId, kind: 'note', text: 'bob is here'});
		await bob.sync();
		const path = `docs/incidents/${incidentId}/events/${bob.context.writer}.jsonl`;
		const good = line('bob', {type: 'note.logged', kind: 'note', text: 'a real note'});
		const garbage = [
			'{not json',
			// A valid envelope of an unknown type, so only its size gives it away.
			JSON.stringify({...JSON.parse(line('bob', {type: 'note.logged', kind: 'note', text: ''})), type: 'future.event', blob: 'x'.repeat(5 * 1024 * 1024)}),
			line('bob', {type: 'note.logged', kind: 'note', text: 'bad date'}).replace(/"at":"[^"]+"/, '"at":"2026-13-45T99:00:00.000Z"'),
			line('bob', {type: 'note.logged', kind: 'note', text: 'path author'}).replace('"author":"bob"', '"author":"../../etc"'),
			line('alice', {type: 'status.changed', status: 'resolved'}),
		];
		forge(remote, {[path]: `${garbage.join('\n')}\n${good}\n`});

		const result = await alice.sync();

		// bob's own note and the one valid forged line.
		expect(result.received).toBe(2);
		const local = join(alice.dir, path);
		const kept = readFileSync(local, 'utf8');
		expect(kept).toContain(good);
		expect(kept).toContain('bob is here');
		expect(kept.trim().split('\n')).toHaveLength(2);
		const setAside = records(`${local}.rejected`);
		expect(setAside.map(record => record.line)).toEqual([2, 3, 4, 5, 6]);
		expect(setAside.every(record => record.from === 'origin/incident-tui-events' && /^[0-9a-f]{40}$/.test(record.commit))).toBe(true);
		expect(setAside[4]?.reason).toMatch(/written by alice, but this is the journal of bob@/);
		expect(describeSync(result, 'origin')).toMatch(/received 2 events, .*Set aside 5 remote lines .*\.jsonl\.rejected\.$/);
		expect(loadIncident(alice.workspace.docsDir, incidentId).state.status).toBe('investigating');

		// Pushed back with only the valid lines, and nothing set aside travels.
		expect(onRemote(remote, path)).toBe(kept);
		expect(git(remote, 'ls-tree', '-r', '--name-only', 'incident-tui-events')).not.toContain('.rejected');
		const carol = responder(remote, 'carol');
		expect((await carol.sync()).received).toBe(3);
		expect(readFileSync(join(carol.dir, path), 'utf8')).toBe(kept);
		// Nothing new is reported the second time.
		expect(describeSync(await alice.sync(), 'origin')).toBe('Up to date with origin.');
	});

	it("keeps the incident's identity when a later opening with an earlier time arrives, and shows the other events with their author", async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'The real title', severity: 1});
		await alice.sync();
		const openedAt = loadIncident(alice.workspace.docsDir, incidentId).state.openedAt!;
		const path = `docs/incidents/${incidentId}/events/mallory@evil.jsonl`;
		const reopening = line('mallory', {type: 'incident.opened', title: 'Nothing to see', severity: 3, commander: 'mallory'}, new Date(Date.parse(openedAt) - 3_600_000));
		const resolved = line('mallory', {type: 'status.changed', status: 'resolved'});
		forge(remote, {[path]: `${reopening}\n${resolved}\n`});
		// Carol joins now: both openings reach her in one sync.
		const carol = responder(remote, 'carol');
		await carol.sync();

		await alice.sync();

		for (const who of [alice, carol]) {
			const {state} = loadIncident(who.workspace.docsDir, incidentId);
			expect(state).toMatchObject({title: 'The real title', severity: 1, openedBy: 'alice', openedAt});
			expect(state.roles.commander).toBe('alice');
			// A valid status change from another writer is taken, and shows who made it.
			expect(state.status).toBe('resolved');
			expect(state.timeline.find(entry => entry.kind === 'status')).toMatchObject({author: 'mallory'});
		}
		expect(records(join(alice.dir, `${path}.rejected`))).toMatchObject([{line: 1, reason: 'a second opening of an incident that is already open here', raw: reopening}]);
		const carolState = loadIncident(carol.workspace.docsDir, incidentId).state;
		expect(carolState.warnings.filter(warning => warning.includes('second "opened"'))).toHaveLength(1);
		expect(readFileSync(join(alice.dir, path), 'utf8')).toBe(`${resolved}\n`);
	});

	it('ignores files on the events branch that are not journals in their place', async () => {
		const remote = makeRemote();
		const alice = responder(remote, 'alice');
		const {incidentId} = openIncident(alice.context, {title: 'Paths', severity: 3});
		await alice.sync();
		forge(remote, {
			'docs/incidents/not-an-id/events/bob@x.jsonl': `${line('bob', {type: 'note.logged', kind: 'note', text: 'x'})}\n`,
			[`docs/incidents/${incidentId}/events/Bad Name.jsonl`]: `${line('bob', {type: 'note.logged', kind: 'note', text: 'y'})}\n`,
			'escape.jsonl': 'anything\n',
		});

		expect((await alice.sync()).received).toBe(0);
		expect(loadIncident(alice.workspace.docsDir, incidentId).events).toHaveLength(1);
	});
});
