import {afterEach, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {listIncidentIds} from '../../source/journal/incident-directory.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

afterEach(() => cleanup());

it('opens an incident from title, severity and commander, then shows the live screen', async () => {
	const docsDir = makeTempDir();
	const clock = manualClock('2026-11-23T03:00:00.000Z');
	const app = await renderApp(testContext(docsDir, 'alice', clock.now));
	await app.waitFor('Title ›');
	await app.press(KEY.enter);
	await app.waitFor('say in a few words what is broken');
	await app.type('Checkout 5xx');
	await app.press(KEY.enter);
	await app.waitFor('press 1, 2 or 3');
	await app.press('1');
	await app.waitFor('Commander › alice');
	await app.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
	await app.type('bob');
	await app.press(KEY.enter);
	const frame = await app.waitFor('Detection & Triage');
	expect(frame).toContain('IC bob');
	expect(listIncidentIds(docsDir)).toEqual(['2026-11-23-01']);
});

it('writes nothing when Ctrl-C leaves the start screen', async () => {
	const docsDir = makeTempDir();
	const app = await renderApp(testContext(docsDir));
	await app.type('Half a title');
	await app.press(KEY.ctrlC, KEY.enter, '1', KEY.enter);
	expect(listIncidentIds(docsDir)).toEqual([]);
});
