import {existsSync, symlinkSync, unlinkSync} from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, expect, it} from 'vitest';
import type {CommandContext} from '../../source/commands/command-context.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {MAX_TEXT_LENGTH} from '../../source/core/events.js';
import {journalPathOf} from '../../source/journal/journal-paths.js';
import {WIZARD_STEPS} from '../../source/ui/wizard-steps.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// A prompt that cannot take its answer says why on its own line and keeps the
// text: nothing typed is lost, and nothing is stuck.

let docsDir: string;
let incidentId: string;
let bob: CommandContext;

beforeEach(() => {
	docsDir = makeTempDir();
	const clock = manualClock();
	incidentId = openIncident(testContext(docsDir, 'alice', clock.now), {title: 'Checkout 5xx', severity: 1}).incidentId;
	// Later than the opening, so the journal's order of events does not hang on random ids.
	clock.set('2026-11-23T03:01:00.000Z');
	bob = testContext(docsDir, 'bob', clock.now);
});
afterEach(() => cleanup());

const state = () => loadIncident(docsDir, incidentId).state;

it('shows a failed write at the open prompt, keeps the text, and logs it on the next Enter', async () => {
	// /dev/full fails every write with ENOSPC, for root too (a read-only directory does not stop root).
	expect(existsSync('/dev/full')).toBe(true);
	const journal = journalPathOf(docsDir, incidentId, bob.writer);
	symlinkSync('/dev/full', journal);
	const app = await renderApp(bob, incidentId, {size: {columns: 160, rows: 30}});
	await app.press('n');
	await app.type('rolled back v142');
	await app.press(KEY.enter);
	await app.waitFor('Note @ 03:01:00 › rolled back v142█  ✗ not logged: the disk is full');

	unlinkSync(journal);
	await app.press(KEY.enter);
	await app.waitFor('Logged note at 03:01:00 UTC');
	expect(state().timeline.at(-1)).toMatchObject({kind: 'note', text: 'rolled back v142'});
});

it('refuses a handle with a space at the handle prompt, with the reason, keeping the text', async () => {
	const app = await renderApp(bob, incidentId, {size: {columns: 160, rows: 30}});
	await app.press('o', '1');
	await app.type('bob smith');
	await app.press(KEY.enter);
	await app.waitFor('Handle of the new commander @ 03:01:00 › bob smith█  ✗ not a handle: "bob smith" (a handle is 1-40 letters');

	for (let index = 0; index < ' smith'.length; index++) await app.press(KEY.backspace);
	await app.press(KEY.enter);
	await app.waitFor('Hand-over note for bob');
	await app.press(KEY.enter);
	await app.waitFor('bob is now commander');
	expect(state().roles.commander).toBe('bob');
});

it('refuses a due date that is not a real day at the due prompt, keeping the text', async () => {
	const app = await renderApp(bob, incidentId, {size: {columns: 160, rows: 30}});
	await app.press('w');
	const actions = WIZARD_STEPS.findIndex(step => step.kind === 'actions');
	for (let step = 0; step < actions; step++) await app.press(KEY.tab);
	await app.waitFor('New action item (empty: go on)');
	await app.type('Canary every deploy');
	await app.press(KEY.enter);
	await app.press('p');
	await app.type('carol');
	await app.press(KEY.enter);
	await app.press('1');
	await app.type('2026-02-30');
	await app.press(KEY.enter);
	const refused = await app.waitFor('not a date: "2026-02-30" (a due date is a real day as YYYY-MM-DD, or empty)');
	expect(refused).toContain('Due (YYYY-MM-DD, optional) › 2026-02-30█');

	await app.press(KEY.backspace, KEY.backspace, '2', '8', KEY.enter, KEY.enter, 'o');
	await app.waitFor('· P1 Canary every deploy (prevent, carol, due 2026-02-28, open)');
});

it('refuses a hypothesis longer than an event holds at its own prompt, not at the next one', async () => {
	const app = await renderApp(bob, incidentId, {size: {columns: 160, rows: 30}});
	await app.press('h');
	await app.paste('x'.repeat(MAX_TEXT_LENGTH + 1));
	await app.press(KEY.enter);
	await app.waitFor(new RegExp(`Hypothesis @ 03:01:00 › x+█  ✗ too long: ${MAX_TEXT_LENGTH + 1} characters, at most ${MAX_TEXT_LENGTH}`));
	await app.press(KEY.backspace, KEY.enter);
	await app.waitFor('How will you test it');
});
