import {renameSync} from 'node:fs';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {openIncident} from '../../source/commands/open-incident.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {describeSync, syncIncidents} from '../../source/commands/sync-incidents.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

afterEach(() => cleanup());

function setUp() {
	const remote = join(makeTempDir(), 'ops.git');
	git(join(remote, '..'), 'init', '-q', '--bare', remote);
	const repo = makeRepo();
	git(repo, 'remote', 'add', 'origin', remote);
	const workspace = findWorkspace(repo, 'docs');
	const context = testContext(workspace.docsDir, 'alice');
	const {incidentId} = openIncident(context, {title: 'Sync me', severity: 2});
	const sync = async () => describeSync(await syncIncidents(context, workspace, 'origin'), 'origin');
	return {remote, repo, workspace, context, incidentId, sync};
}

it('syncs on g and shows when it last succeeded, or that it is offline', async () => {
	const {remote, repo, context, incidentId, sync} = setUp();
	const app = await renderApp(context, incidentId, {sync});
	await app.press('g');
	await app.waitFor('Synced with origin: received 0 events, sent 1.', 5000);
	expect(app.frame()).toMatch(/· synced \d+s ago/);
	expect(git(repo, 'ls-remote', 'origin')).toContain('refs/heads/incident-tui-events');

	renameSync(remote, `${remote}.gone`);
	await app.press('g');
	await app.waitFor(/remote "origin" is unreachable/, 5000);
	expect(app.frame()).toContain('· offline');
	await app.press('n');
	await app.type('still logging');
	await app.press(KEY.enter);
	await app.waitFor('Logged note');
});

it('syncs in the background every autoSync seconds without a key press', async () => {
	const {context, incidentId, sync} = setUp();
	const app = await renderApp(context, incidentId, {sync, autoSync: 1});
	await app.waitFor(/· synced \d+s ago/, 5000);
});

it('assigns roles and hands over command with o', async () => {
	const {context, workspace, incidentId} = setUp();
	const app = await renderApp(context, incidentId);
	await app.press('o', '2');
	await app.waitFor('Handle of the new scribe');
	await app.type('bob');
	await app.press(KEY.enter);
	await app.waitFor('IC alice · scribe bob');
	await app.press('o', '1');
	await app.type('@carol');
	await app.press(KEY.enter);
	await app.waitFor('Hand-over note for carol');
	await app.press(KEY.enter);
	await app.waitFor('IC carol · scribe bob');
	expect(loadIncident(workspace.docsDir, incidentId).state.roles).toEqual({commander: 'carol', scribe: 'bob'});
});

it('counts down to the next update, turns overdue, and resets on a communication', async () => {
	const clock = manualClock('2026-11-23T03:00:00.000Z');
	const docsDir = makeTempDir();
	const context = testContext(docsDir, 'alice', clock.now);
	const {incidentId} = openIncident(context, {title: 'Cadence', severity: 1});
	clock.set('2026-11-23T03:10:00.000Z');
	const app = await renderApp(context, incidentId, {size: {columns: 160, rows: 30}});
	await app.waitFor('next update 20m 00s');
	clock.set('2026-11-23T03:31:05.000Z');
	await app.waitFor('update overdue 1m 05s', 2500);
	await app.press('c');
	await app.type('status page: investigating');
	await app.press(KEY.enter);
	await app.waitFor('next update 30m 00s');
});

it('hands over command with a note that the next commander sees on resume', async () => {
	const docsDir = makeTempDir();
	const alice = testContext(docsDir, 'alice');
	const {incidentId} = openIncident(alice, {title: 'Hand me over', severity: 2});
	const app = await renderApp(alice, incidentId);
	await app.press('o', '1');
	await app.type('bob');
	await app.press(KEY.enter);
	await app.waitFor('Hand-over note for bob');
	await app.type('failover done; watch replication lag');
	await app.press(KEY.enter);
	await app.waitFor('IC bob');
	app.unmount();
	const bobsView = await renderApp(testContext(docsDir, 'bob'), incidentId);
	await bobsView.waitFor('Hand-over from alice: failover done; watch replication lag');
});

it('drafts a stakeholder update on U, takes an edit, copies it and logs it whole', async () => {
	const {draftStatusUpdate} = await import('../../source/commands/status-update.js');
	const docsDir = makeTempDir();
	const context = testContext(docsDir, 'alice', manualClock('2026-11-23T03:00:00.000Z').now);
	const {incidentId} = openIncident(context, {title: 'Update me', severity: 1});
	const copied: string[] = [];
	const app = await renderApp(context, incidentId, {
		size: {columns: 140, rows: 30},
		draftUpdate: async id => draftStatusUpdate(context, id).text,
		copyToClipboard: text => copied.push(text),
	});
	await app.press('U');
	await app.waitFor('[SEV-1] Update me: Investigating');
	await app.press(KEY.backspace, '\n');
	await app.type('Ask in #ops for details.');
	await app.press(KEY.enter);
	await app.waitFor('Update logged at 03:00:00 UTC and copied');
	expect(app.frame()).toContain('If it did not reach your clipboard, select the text below');
	expect(app.frame()).toContain('Ask in #ops for details.');
	// The sent text stays until the next key, which acts as in browse (here Esc, which does nothing).
	await app.press(KEY.escape);
	await app.waitFor('Detection & Triage');
	expect(copied).toHaveLength(1);
	expect(copied[0]).toMatch(/^\[SEV-1\] Update me: Investigating\n[\s\S]*Next update: by 03:30 UTC\nAsk in #ops for details\.$/);
	const {state} = loadIncident(docsDir, incidentId);
	expect(state.timeline.at(-1)).toMatchObject({kind: 'communication', text: copied[0]});
	expect(app.frame()).toContain('next update 30m 00s');
});
