import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {CommandContext} from '../../source/commands/command-context.js';
import {findIncident} from '../../source/commands/find-incident.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {listRecentChanges} from '../../source/commands/recent-changes.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {journalLines} from '../helpers/journal-lines.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `C` on the live screen against a real repository: the list is read through
// git while keys wait, and the pick lands in the journal at the commit time.

let service: string;
let root: string;
let context: CommandContext;
let incidentId: string;

/** A commit at an ISO time; returns its hash. */
function commitAt(subject: string, when: string): string {
	const env = {...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_NAME: 'Bob Builder'};
	execFileSync('git', ['commit', '-q', '--allow-empty', '-m', subject], {cwd: service, env});
	return git(service, 'rev-parse', 'HEAD').trim();
}

/** What the app is given in start-app.tsx, on the test's repository. */
const listChangesIn = (repositories: string[]) => (id: string) => listRecentChanges(findIncident(context.docsDir, id).state, repositories, undefined, context.now());

beforeEach(() => {
	service = makeRepo({commit: false});
	root = makeTempDir();
	context = testContext(join(root, 'docs'), 'alice', manualClock('2026-11-23T03:00:00.000Z').now);
	incidentId = openIncident(context, {title: 'Checkout 5xx', severity: 1}).incidentId;
});
afterEach(() => cleanup());

describe('C on the live screen', () => {
	it('lists the changes newest first and adds the chosen one at its commit time, marked as picked after', async () => {
		const older = commitAt('deploy v141', '2026-11-23T01:50:00.000Z');
		commitAt('deploy v142', '2026-11-23T02:40:00.000Z');
		const app = await renderApp(context, incidentId, {size: {columns: 140, rows: 30}, listChanges: listChangesIn([service])});
		await app.waitFor('Detection & Triage');
		app.send('C');
		await app.waitFor('Change 1/2');
		expect(app.frame()).toContain('deploy v142');
		await app.press(KEY.down);
		expect(app.frame()).toContain('deploy v141');
		await app.press(KEY.enter);
		await app.waitFor('Bob Builder');
		const change = journalLines(root, incidentId).find(event => event['type'] === 'change.recorded');
		expect(change).toMatchObject({hash: older, subject: 'deploy v141', commitAuthor: 'Bob Builder', at: '2026-11-23T01:50:00.000Z'});

		app.send('C');
		await app.waitFor('Change 1/2');
		await app.press(KEY.down);
		expect(app.frame()).toMatch(/\* 2026-11-23 01:50 commit/);
	});

	it('says in one line when the repository is missing, and Esc leaves the list logging nothing', async () => {
		const app = await renderApp(context, incidentId, {listChanges: listChangesIn([join(service, 'gone')])});
		await app.waitFor('Detection & Triage');
		app.send('C');
		await app.waitFor('no git repository at');

		commitAt('deploy v142', '2026-11-23T02:40:00.000Z');
		cleanup();
		const again = await renderApp(context, incidentId, {listChanges: listChangesIn([service])});
		await again.waitFor('Detection & Triage');
		again.send('C');
		await again.waitFor('Change 1/1');
		await again.press(KEY.escape);
		await again.waitFor('cancelled');
		expect(journalLines(root, incidentId).map(event => event['type'])).toEqual(['incident.opened']);
	});
});
