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
	// The app handles each key as it is written: had Ctrl-C not quit, these would open the incident now.
	app.send(KEY.ctrlC, KEY.enter, '1', KEY.enter);
	expect(listIncidentIds(docsDir)).toEqual([]);
});

it('lists the open incidents, newest first, and resumes one with one key', async () => {
	const {listIncidents} = await import('../../source/commands/list-incidents.js');
	const {openIncident} = await import('../../source/commands/open-incident.js');
	const docsDir = makeTempDir();
	const context = testContext(docsDir, 'alice', manualClock('2026-11-23T03:00:00.000Z').now);
	for (const title of ['Queue stuck', 'Login slow', 'Disk full']) openIncident(context, {title, severity: 2});
	const openIncidents = listIncidents(docsDir, context.now()).filter(incident => incident.open);
	const app = await renderApp(context, undefined, {openIncidents});
	const picker = await app.waitFor('3 incidents are open (newest first)');
	expect(picker.indexOf('Disk full')).toBeLessThan(picker.indexOf('Queue stuck'));
	expect(picker).toMatch(/1 {2}SEV-2 {2}2026-11-23-03 {2}Investigating/);
	await app.press('3');
	await app.waitFor('Queue stuck');
	await app.waitFor('Detection & Triage');
});

it('scrolls the list of open incidents so the selection stays in view, and resumes it past the ninth', async () => {
	const {listIncidents} = await import('../../source/commands/list-incidents.js');
	const {openIncident} = await import('../../source/commands/open-incident.js');
	const docsDir = makeTempDir();
	const context = testContext(docsDir, 'alice', manualClock('2026-11-23T03:00:00.000Z').now);
	const letters = [...'ABCDEFGHIJKL'];
	for (const letter of letters) openIncident(context, {title: `Problem ${letter}`, severity: 2});
	const openIncidents = listIncidents(docsDir, context.now()).filter(incident => incident.open);
	const app = await renderApp(context, undefined, {openIncidents, size: {columns: 100, rows: 10}});
	const top = await app.waitFor('12 incidents are open');
	expect(top).toContain('Problem L');
	expect(top).toContain('1-7 of 12');
	for (let step = 0; step < 10; step++) await app.press(KEY.down);
	const scrolled = await app.waitFor('Problem B');
	expect(scrolled).not.toContain('Problem L');
	expect(scrolled.split('\n').length).toBeLessThan(10);
	await app.press(KEY.enter);
	await app.waitFor('Detection & Triage');
	expect(app.frame()).toContain('Problem B');
});

it.each([
	{columns: 80, rows: 24},
	{columns: 80, rows: 12},
])('with 11 open incidents at $columns x $rows, Enter resumes the one highlighted, and the list never fills the terminal', async size => {
	const {listIncidents} = await import('../../source/commands/list-incidents.js');
	const {openIncident} = await import('../../source/commands/open-incident.js');
	const docsDir = makeTempDir();
	const context = testContext(docsDir, 'alice', manualClock('2026-11-23T03:00:00.000Z').now);
	const letters = [...'ABCDEFGHIJK'];
	for (const letter of letters) openIncident(context, {title: `Problem ${letter}`, severity: 2});
	const openIncidents = listIncidents(docsDir, context.now()).filter(incident => incident.open);
	const app = await renderApp(context, undefined, {openIncidents, size});
	await app.waitFor('11 incidents are open');
	// Newest first: the ninth step down highlights the tenth, Problem B.
	for (let step = 0; step < 9; step++) await app.press(KEY.down);
	const frame = app.frame();
	// The heading is wider than 80 columns: wrapped, it pushed the list past the terminal's last row.
	expect(frame.split('\n').length).toBeLessThan(size.rows);
	const highlighted = frame.split('\n').filter(line => line.includes('Problem B'));
	expect(highlighted).toHaveLength(1);
	await app.press(KEY.enter);
	await app.waitFor('Detection & Triage');
	expect(app.frame()).toContain('Problem B');
});
