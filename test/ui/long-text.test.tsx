import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {openIncident} from '../../source/commands/open-incident.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// A very long answer (a pasted log) is drawn by its end, where the cursor is:
// drawing all of it froze the screen for seconds a key.

afterEach(() => cleanup());

it('draws the end of a 65 KB paste into a wizard answer, and keeps taking keys', async () => {
	const context = testContext(makeTempDir(), 'alice', manualClock().now);
	const {incidentId} = openIncident(context, {title: 'Checkout 5xx', severity: 1});
	const app = await renderApp(context, incidentId, {size: {columns: 120, rows: 30}});
	await app.press('w');
	await app.waitFor('Closure wizard · step 1/');
	await app.paste(`${'x'.repeat(65_000)} the end of the log`);
	const frame = await app.waitFor('xxx the end of the log█');
	expect(frame.split('\n').every(line => line.length <= 120)).toBe(true);
	await app.type('!');
	await app.waitFor('the end of the log!█');
	await app.press(KEY.escape);
	await app.waitFor('wizard left');
});
