import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {EventPayload} from '../../source/core/events.js';
import {actionAdded, eventFactory} from '../helpers/event-factory.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `incident-tui actions` on real repositories, through the built CLI.

const ID = '2026-11-25-01';

/** Each run a second after the last, from 2026-11-25 12:00 UTC: a fixed day, and events in the order they were run. */
function setUp(options: {commit?: boolean} = {}) {
	const repo = makeRepo(options);
	const configDir = makeTempDir();
	let runs = 0;
	const cli = (...args: string[]) => {
		const now = new Date(Date.parse('2026-11-25T12:00:00.000Z') + 1000 * runs++).toISOString();
		return runCli(args, {cwd: repo, configDir, env: {INCIDENT_TUI_TEST_NOW: now}});
	};
	return {repo, cli};
}

/** Every journal line of an incident, parsed. */
const journalEvents = (repo: string, id: string) => {
	const dir = join(repo, 'docs', 'incidents', id, 'events');
	return readdirSync(dir)
		.filter(name => name.endsWith('.jsonl'))
		.flatMap(name => readFileSync(join(dir, name), 'utf8').trim().split('\n').map(line => JSON.parse(line) as {type: string; ref?: string; status?: string}));
};

/** A closed incident as the wizard leaves it, written as a journal. */
function writeClosedIncident(repo: string, id: string, start: string, actions: EventPayload[]) {
	const alice = eventFactory('alice', Date.parse(start));
	const events = [
		alice(0, {type: 'incident.opened', title: 'Queue stuck', severity: 2, commander: 'alice'}),
		alice(30, {type: 'note.logged', kind: 'resolution', text: 'drained'}),
		...actions.map((payload, index) => alice(31 + index, payload)),
		alice(40, {type: 'invariant.recorded', kind: 'test', reference: 'test/queue.test.ts', description: ''}),
		alice(41, {type: 'incident.closed'}),
	];
	mkdirSync(join(repo, 'docs', 'incidents', id, 'events'), {recursive: true});
	writeFileSync(join(repo, 'docs', 'incidents', id, 'events', 'alice@elsewhere.jsonl'), events.map(event => `${JSON.stringify(event)}\n`).join(''));
}

describe('incident-tui actions', () => {
	it('adds, lists newest incident first, filters, and writes JSON', () => {
		const {repo, cli} = setUp();
		writeClosedIncident(repo, '2026-11-01-01', '2026-11-01T10:00:00.000Z', [actionAdded('P2', 'Old alert', {owner: 'carol'})]);
		expect(cli('new', 'Checkout 5xx', '--sev', '1').code).toBe(0);
		const added = cli('actions', 'add', ID, 'Alert on the 5xx rate', '--owner', 'alice', '--priority', 'P1', '--due', '2026-12-01', '--type', 'detect');
		expect(added).toMatchObject({code: 0, stdout: `Added ${ID}#1; incident-tui publish commits it to the report\n`});
		expect(cli('actions', 'add', ID, 'Add a regression test', '--owner', 'bob').stdout).toContain(`Added ${ID}#2`);

		const listed = cli('actions');
		expect(listed.code).toBe(0);
		const lines = listed.stdout.trim().split('\n');
		expect(lines[0]).toMatch(/^ACTION\s+PRI\s+STATUS\s+OWNER\s+DUE\s+AGE\s+DESCRIPTION$/);
		expect(lines.filter(line => /^\d{4}/.test(line)).map(line => line.split(/\s{2,}/).slice(0, 5))).toEqual([
			[`${ID}#1`, 'P1', 'open', 'alice', '2026-12-01'],
			[`${ID}#2`, 'P2', 'open', 'bob', '-'],
			['2026-11-01-01#1', 'P2', 'open', 'carol', '-'],
		]);

		const json = JSON.parse(cli('actions', '--json', '--owner', 'BOB').stdout);
		expect(json).toEqual([
			expect.objectContaining({action: `${ID}#2`, incidentId: ID, number: 2, description: 'Add a regression test', owner: 'bob', priority: 'P2', status: 'open', overdue: false}),
		]);
		const withType = JSON.parse(cli('actions', '--json').stdout)[0];
		expect(withType).toMatchObject({type: 'detect', due: '2026-12-01', ageDays: 0});
	});

	it('marks done with a ref, changes owner and due date, all as action.updated events; --open leaves done ones out', () => {
		const {repo, cli} = setUp();
		cli('new', 'Checkout 5xx', '--sev', '1');
		cli('actions', 'add', ID, 'first', '--priority', 'P1');
		cli('actions', 'add', ID, 'second');
		expect(cli('actions', 'done', `${ID}#1`, '--ref', 'https://github.com/acme/shop/pull/812')).toMatchObject({code: 0, stdout: expect.stringContaining(`Marked ${ID}#1 done`)});
		expect(cli('actions', 'set', `${ID}#2`, '--owner', 'dana', '--due', '2026-12-24', '--status', 'in-progress').code).toBe(0);

		const updates = journalEvents(repo, ID).filter(event => event.type === 'action.updated');
		expect(updates).toEqual([
			expect.objectContaining({status: 'done', ref: 'https://github.com/acme/shop/pull/812'}),
			expect.objectContaining({owner: 'dana', due: '2026-12-24', status: 'in-progress'}),
		]);
		const open = JSON.parse(cli('actions', '--open', '--json').stdout);
		expect(open.map((row: {action: string; owner: string; status: string}) => [row.action, row.owner, row.status])).toEqual([[`${ID}#2`, 'dana', 'in-progress']]);
		const all = JSON.parse(cli('actions', '--json').stdout);
		expect(all[0]).toMatchObject({status: 'done', ref: 'https://github.com/acme/shop/pull/812'});
	});

	it('--overdue exits 1 while a P0 or P1 is past its due date, 0 when only lower priorities are', () => {
		const {cli} = setUp();
		cli('new', 'Checkout 5xx', '--sev', '1');
		cli('actions', 'add', ID, 'late P2', '--priority', 'P2', '--due', '2026-11-24');
		cli('actions', 'add', ID, 'due today', '--priority', 'P0', '--due', '2026-11-25');
		expect(cli('actions', '--overdue')).toMatchObject({code: 0, stdout: expect.stringContaining('late P2')});
		cli('actions', 'add', ID, 'late P1', '--priority', 'P1', '--due', '2026-11-20');
		const failing = cli('actions', '--overdue');
		expect(failing.code).toBe(1);
		expect(failing.stdout).toContain('late P1');
		expect(failing.stdout).not.toContain('due today');
		expect(failing.stderr).toBe('incident-tui: warning: 1 P0/P1 action(s) past their due date\n');
		cli('actions', 'done', `${ID}#3`);
		expect(cli('actions', '--overdue').code).toBe(0);
	});

	it('refuses an unknown incident, an unknown number or a malformed one in one line, exit 1, nothing written', () => {
		const {repo, cli} = setUp();
		cli('new', 'Checkout 5xx', '--sev', '1');
		cli('actions', 'add', ID, 'only one');
		const before = journalEvents(repo, ID).length;
		const refusals = [
			[cli('actions', 'done', '2026-01-01-01#1'), /^incident-tui: no incident 2026-01-01-01 in .*\(see `incident-tui list`\)\n$/],
			[cli('actions', 'done', `${ID}#2`), /^incident-tui: 2026-11-25-01 has no action #2 \(it has one, #1\) \(see incident-tui actions\)\n$/],
			[cli('actions', 'set', `${ID}-1`, '--owner', 'bob'), /^incident-tui: "2026-11-25-01-1" is not an action: write ID#N, such as 2026-11-23-01#2 \(see incident-tui actions\)\n$/],
			[cli('actions', 'add', '2026-01-01-01', 'text'), /^incident-tui: no incident 2026-01-01-01 in /],
			[cli('actions', 'add', ID, 'x', '--priority', 'P7'), /^incident-tui: "P7" is not a priority; use P0, P1, P2, P3 \(nothing was written\)\n$/],
			[cli('actions', 'set', `${ID}#1`, '--due', 'tomorrow'), /^incident-tui: --due "tomorrow" is not a date; write YYYY-MM-DD/],
		] as const;
		for (const [run, message] of refusals) {
			expect(run.code).toBe(1);
			expect(run.stderr).toMatch(message);
			expect(run.stderr.split('\n')).toHaveLength(2);
		}
		expect(journalEvents(repo, ID)).toHaveLength(before);
	});

	it('marks an action done from a commit trailer once, however often actions runs', () => {
		const {repo, cli} = setUp();
		cli('new', 'Checkout 5xx', '--sev', '1');
		cli('actions', 'add', ID, 'first');
		cli('actions', 'add', ID, 'second');
		git(repo, 'commit', '-q', '--allow-empty', '-m', 'Alert on the 5xx rate', '-m', `Incident-Action: ${ID}#2\nIncident-Action: ${ID}#7`);
		const commit = git(repo, 'rev-parse', 'HEAD').trim();

		const first = cli('actions');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain(`Marked ${ID}#2 done by commit ${commit.slice(0, 7)} (its Incident-Action trailer)`);
		expect(first.stderr).toContain(`has "Incident-Action: ${ID}#7", which names no action`);
		expect(first.stdout).toMatch(new RegExp(`${ID}#2\\s+P2\\s+done .*second \\(${commit.slice(0, 7)}\\)`));
		const second = cli('actions');
		expect(second.stdout).not.toContain('Marked');
		expect(journalEvents(repo, ID).filter(event => event.type === 'action.updated')).toEqual([expect.objectContaining({status: 'done', ref: commit})]);
	});

	it('lists quietly in a repository with no commits yet', () => {
		const {cli} = setUp({commit: false});
		cli('new', 'Checkout 5xx', '--sev', '1');
		cli('actions', 'add', ID, 'first');
		expect(cli('actions')).toMatchObject({code: 0, stderr: ''});
	});

	it('publish re-renders and commits a closed incident after one of its actions is done', () => {
		const {repo, cli} = setUp();
		const closed = '2026-11-01-01';
		writeClosedIncident(repo, closed, '2026-11-01T10:00:00.000Z', [actionAdded('P1', 'Alert on queue depth'), actionAdded('P3', 'Runbook page')]);
		expect(cli('publish', closed).code).toBe(0);
		const report = join(repo, 'docs', 'incidents', `${closed}_queue-stuck.md`);
		expect(readFileSync(report, 'utf8')).toMatch(/\| 1 \| Alert on queue depth \|.*\| open \|/);

		cli('new', 'Checkout 5xx', '--sev', '1');
		expect(cli('actions', 'done', `${closed}#1`, '--ref', 'https://github.com/acme/shop/pull/9').code).toBe(0);
		const published = cli('publish');
		expect(published.code).toBe(0);
		expect(published.stdout).toContain(`Published ${ID}`);
		expect(published.stdout).toContain(`Published ${closed}`);
		// The ref is escaped like all user text: it never becomes a link of its own.
		expect(readFileSync(report, 'utf8')).toContain('| 1 | Alert on queue depth |  | alice | P1 |  |  | done (https:\\//github.com/acme/shop/pull/9) |');
		expect(git(repo, 'log', '-1', '--format=%s')).toBe(`incident(${closed}): Queue stuck [SEV-2, resolved]\n`);
		expect(git(repo, 'status', '--porcelain', '--', 'docs')).toBe('');
		expect(cli('publish').stdout).not.toContain(closed);

		// A commit's trailer is recorded by publish too, and that report follows.
		git(repo, 'commit', '-q', '--allow-empty', '-m', 'Runbook page for the queue', '-m', `Incident-Action: ${closed}#2`);
		const commit = git(repo, 'rev-parse', 'HEAD').trim();
		const withTrailer = cli('publish');
		expect(withTrailer.stdout).toContain(`Marked ${closed}#2 done by commit ${commit.slice(0, 7)}`);
		expect(readFileSync(report, 'utf8')).toMatch(new RegExp(`\\| 2 \\| Runbook page \\|.*\\| done \\(${commit}\\) \\|`));
		expect(git(repo, 'status', '--porcelain', '--', 'docs')).toBe('');
	});
});
