import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {loadIncident} from '../../source/commands/load-incident.js';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// The wiring of the correction keys: what the screen says, and what reaches the journal.

const CTRL_U = '\u0015';

let docsDir: string;
let incidentId: string;
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
	docsDir = makeTempDir();
	clock = manualClock('2026-11-23T03:00:00.000Z');
	incidentId = openIncident(testContext(docsDir, 'alice', clock.now), {title: 'Checkout 5xx', severity: 1}).incidentId;
	clock.set('2026-11-23T03:05:00.000Z');
	logNote(testContext(docsDir, 'bob', clock.now), {incidentId, kind: 'note', text: 'drained USA-2'});
	clock.set('2026-11-23T03:10:00.000Z');
});
afterEach(() => cleanup());

const state = () => loadIncident(docsDir, incidentId).state;

it('logs a backdated milestone, stamps a status at the time @ set, amends and retracts the selected event', async () => {
	const app = await renderApp(testContext(docsDir, 'alice', clock.now), incidentId, {size: {columns: 160, rows: 40}});
	await app.press('i');
	await app.type('@02:54 checkout errors began');
	await app.press(KEY.enter);
	await app.waitFor('Logged impact at 02:54:00 UTC');
	await app.waitFor('impact 02:54');
	expect(state().milestones.impact).toBe('2026-11-23T02:54:00.000Z');

	await app.press('@');
	await app.type('02:56');
	await app.press(KEY.enter);
	await app.waitFor('@ 2026-11-23 02:56:00 UTC for the next status, severity, tick or close (Esc clears)');
	await app.press('s', '2');
	await app.waitFor('Status: Identified at 02:56:00 UTC');
	expect(state().timeline.find(entry => entry.kind === 'status')).toMatchObject({at: '2026-11-23T02:56:00.000Z', loggedAt: '2026-11-23T03:10:00.000Z'});
	expect(app.frame()).not.toContain('for the next status');

	// Bob's note (03:05) is the newest event, so the timeline's selection is on it.
	await app.press('E');
	await app.waitFor('tab to the timeline and select the event to amend');
	await app.press(KEY.tab, 'E');
	await app.waitFor('› @2026-11-23 03:05 @bob: drained USA-2█');
	await app.press(CTRL_U);
	await app.type('@03:01 @docbrown: drained USA-2');
	await app.press(KEY.enter);
	await app.waitFor('Amended: time 03:05:00 → 03:01:00 UTC, doer bob → docbrown');
	expect(state().timeline.at(-1)).toMatchObject({text: 'drained USA-2', at: '2026-11-23T03:01:00.000Z', by: 'docbrown', author: 'bob', amended: true});

	await app.press('u');
	await app.waitFor(`Undo "bob's note (done by docbrown): drained USA-2"? y/n`);
	await app.press('y');
	await app.waitFor('Undone');
	expect(state().timeline.map(entry => entry.kind)).toEqual(['impact', 'status', 'opened']);
});

it('closes in the wizard at the resolution milestone, and shows a date that is not today', async () => {
	const app = await renderApp(testContext(docsDir, 'alice', clock.now), incidentId, {size: {columns: 160, rows: 40}});
	await app.press('R');
	await app.type('@03:08 error rate back to normal');
	await app.press(KEY.enter);
	await app.waitFor('Logged resolution at 03:08:00 UTC');

	await app.press('s', '4');
	await app.waitFor('No test or monitor is recorded');
	await app.type('monitor ships Monday');
	await app.press(KEY.enter);
	await app.waitFor('Closed at 03:08:00 UTC without an invariant');
	expect(state()).toMatchObject({closed: {at: '2026-11-23T03:08:00.000Z'}, milestones: {resolved: '2026-11-23T03:08:00.000Z'}});
	expect(state().timeline.filter(entry => entry.kind === 'resolution')).toHaveLength(1);

	await app.press(KEY.escape);
	clock.set('2026-11-24T00:10:00.000Z');
	await app.press('n');
	await app.type('@23:50 late note');
	await app.press(KEY.enter);
	await app.waitFor('Logged note at 2026-11-23 23:50:00 UTC');
});
