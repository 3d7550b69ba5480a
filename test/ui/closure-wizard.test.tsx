import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {recordEvent} from '../../source/commands/record-event.js';
import {describePublishResult, publishIncident} from '../../source/commands/publish-incident.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';

afterEach(() => cleanup());

function setUp() {
	const repo = makeRepo();
	const workspace = findWorkspace(repo, 'docs');
	const clock = manualClock();
	const context = testContext(workspace.docsDir, 'alice', clock.now);
	const {incidentId} = openIncident(context, {title: 'Checkout 5xx', severity: 1});
	logNote(context, {incidentId, kind: 'mitigation', text: 'rolled back'});
	const publish = async (id: string) => describePublishResult(await publishIncident(context, workspace, id, 'incident-report'));
	const state = () => loadIncident(workspace.docsDir, incidentId).state;
	return {repo, workspace, context, incidentId, publish, state};
}

it('walks from the summary to a commit, saving each answer as it is given', async () => {
	const {repo, context, incidentId, publish, state} = setUp();
	const app = await renderApp(context, incidentId, {size: {columns: 120, rows: 30}, publish});
	await app.press('w');
	await app.waitFor('Closure wizard · step 1/32 · 32 missing');
	await app.type('Release v143 leaked DB connections');
	await app.press(KEY.enter);
	await app.waitFor('step 2/32');
	expect(state().closure.whatHappened).toBe('Release v143 leaked DB connections');

	for (let step = 2; step <= 28; step++) await app.press(KEY.tab);
	await app.waitFor('Action items');
	await app.type('Canary every deploy');
	await app.press(KEY.enter);
	await app.waitFor('Type ›');
	await app.press('p');
	await app.type('bob');
	await app.press(KEY.enter);
	await app.waitFor('Priority ›');
	await app.press('1');
	await app.type('2026-12-01');
	await app.press(KEY.enter);
	await app.type('OPS-142');
	await app.press(KEY.enter);
	await app.waitFor('Status ›');
	await app.press('o');
	await app.waitFor('· P1 Canary every deploy (prevent, bob, due 2026-12-01, OPS-142, open)');
	await app.press(KEY.enter);
	await app.waitFor('The invariant (test or monitor)');
	await app.press('t');
	await app.type('tests/test_pool.py::test_release');
	await app.press(KEY.enter);
	await app.type('fails on a leaked connection');
	await app.press(KEY.enter);
	await app.waitFor('y closes the incident as Resolved');
	await app.press('y');
	// No resolution milestone was logged: the wizard asks when it was resolved (empty = now).
	await app.waitFor('Resolved at (UTC');
	await app.press(KEY.enter);
	await app.waitFor('y renders the report');
	expect(state()).toMatchObject({status: 'resolved', closed: {by: 'alice'}});
	await app.press('y');
	await app.waitFor(/Published \d{4}-\d{2}-\d{2}-01: commit [0-9a-f]{7}/, 5000);

	expect(git(repo, 'log', '-1', '--format=%s')).toBe(`incident(${incidentId}): Checkout 5xx [SEV-1, resolved]\n`);
	const report = readFileSync(join(repo, 'docs', 'incidents', `${incidentId}_checkout-5xx.md`), 'utf8');
	expect(report).toContain('Release v143 leaked DB connections');
	expect(report).toContain('- [x] **Test Added:** `tests/test_pool.py::test_release` — fails on a leaked connection');
	expect(state().actions).toEqual([expect.objectContaining({description: 'Canary every deploy', kind: 'prevent', owner: 'bob', priority: 'P1', due: '2026-12-01', bug: 'OPS-142'})]);
});

it('refuses to close without an invariant unless a reason is typed, and the report says so', async () => {
	const {repo, context, incidentId, publish, state} = setUp();
	const app = await renderApp(context, incidentId, {size: {columns: 120, rows: 30}, publish});
	await app.press('s', '4');
	await app.waitFor('No test or monitor is recorded');
	await app.press(KEY.enter);
	await app.waitFor('Publish the report');
	expect(state().closed).toBeUndefined();

	await app.press(KEY.tab);
	await app.waitFor('wizard done');
	await app.press('w');
	await app.waitFor('Summary: what happened');
	await app.press(KEY.escape);
	await app.waitFor('wizard left; w resumes');
	await app.press('s', '4');
	await app.type('monitor ships Monday, tracked in OPS-7');
	await app.press(KEY.enter);
	await app.waitFor('Resolved at (UTC');
	await app.press(KEY.enter);
	await app.waitFor('Closed at 03:00:00 UTC without an invariant');
	expect(state().closed?.overrideReason).toBe('monitor ships Monday, tracked in OPS-7');
	await app.press('y');
	await app.waitFor(/Published/, 5000);
	const report = readFileSync(join(repo, 'docs', 'incidents', `${incidentId}_checkout-5xx.md`), 'utf8');
	expect(report).toContain('**Closed without an invariant.** Reason given by alice: monitor ships Monday, tracked in OPS-7');
});

it('opens in the wizard, at the first missing answer, when the incident is in Monitoring', async () => {
	const {context, incidentId, publish} = setUp();
	recordEvent(context, incidentId, {type: 'status.changed', status: 'monitoring'});
	const app = await renderApp(context, incidentId, {size: {columns: 120, rows: 30}, publish});
	await app.waitFor('Closure wizard · step 1/32');
	await app.type('It broke');
	await app.press(KEY.enter, KEY.escape);
	await app.press('w');
	await app.waitFor('Closure wizard · step 2/32 · 31 missing');
});

it('shows a git fault in one line and keeps the files', async () => {
	const {repo, context, incidentId, publish} = setUp();
	const {writeFileSync} = await import('node:fs');
	writeFileSync(join(repo, '.git', 'index.lock'), '');
	const app = await renderApp(context, incidentId, {size: {columns: 160, rows: 30}, publish});
	await app.press('p');
	await app.waitFor('another git process holds .git/index.lock (wait for it to finish', 5000);
	expect(readFileSync(join(repo, 'docs', 'INCIDENT_LOG.md'), 'utf8')).toContain(incidentId);
});
