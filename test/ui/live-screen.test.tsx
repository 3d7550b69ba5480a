import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import type {CommandContext} from '../../source/commands/command-context.js';
import {isKnownEvent, type IncidentEvent} from '../../source/core/events.js';
import {eventsDirOf} from '../../source/journal/journal-paths.js';
import {readIncidentJournal} from '../../source/journal/read-journal.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

let docsDir: string;
let clock: ReturnType<typeof manualClock>;
let context: CommandContext;
let incidentId: string;

function journal(): IncidentEvent[] {
	return readIncidentJournal(eventsDirOf(docsDir, incidentId)).events.filter(isKnownEvent);
}

beforeEach(() => {
	docsDir = makeTempDir();
	clock = manualClock();
	context = testContext(docsDir, 'alice', clock.now);
	incidentId = openIncident(context, {title: 'Checkout 5xx', severity: 1}).incidentId;
});
afterEach(() => cleanup());

describe('live screen', () => {
	it('shows the header, the checklist, the timeline and the keys', async () => {
		const app = await renderApp(context, incidentId);
		const frame = await app.waitFor('Checkout 5xx');
		expect(frame).toContain('SEV-1');
		expect(frame).toContain('Investigating');
		expect(frame).toContain('IC alice');
		expect(frame).toContain('03:00:00 UTC');
		expect(frame).toContain('[ ] Acknowledge');
		expect(frame).toContain('Incident opened: Checkout');
		expect(frame).toMatch(/q quit/);
	});

	// Which key logs which kind, editing keys and Esc: test/ui/modes/text.test.ts and browse.test.ts.
	it('logs a note timed at the key press, not at Enter', async () => {
		const app = await renderApp(context, incidentId);
		clock.set('2026-11-23T03:05:00.000Z');
		await app.press('m');
		await app.waitFor('@ 03:05:00 ›');
		clock.set('2026-11-23T03:07:30.000Z');
		await app.type('rolled back');
		await app.press(KEY.enter);
		await app.waitFor('Logged mitigation at 03:05:00 UTC');
		expect(journal().at(-1)).toMatchObject({
			type: 'note.logged',
			kind: 'mitigation',
			text: 'rolled back',
			at: '2026-11-23T03:05:00.000Z',
			loggedAt: '2026-11-23T03:07:30.000Z',
		});
		expect(app.frame()).toMatch(/03:05:00 T\+05:00 mitigation\s+\(logged 03:07\) rolled back/);
	});

	it("shows only the open prompt's keys in the footer", async () => {
		const app = await renderApp(context, incidentId);
		await app.press('n');
		const frame = await app.waitFor('Enter saves (empty is fine) · Esc cancels');
		expect(frame).not.toMatch(/q quit/);
		await app.press(KEY.escape);
		await app.waitFor('q quit');
	});

	it('backdates with @HH:MM and keeps both times', async () => {
		const app = await renderApp(context, incidentId);
		clock.set('2026-11-23T03:20:00.000Z');
		await app.press('d');
		await app.type('@02:55 pager fired');
		await app.press(KEY.enter);
		await app.waitFor('Logged detection at 02:55:00 UTC');
		expect(journal().find(e => e.type === 'note.logged')).toMatchObject({at: '2026-11-23T02:55:00.000Z', loggedAt: '2026-11-23T03:20:00.000Z', text: 'pager fired'});
		expect(app.frame()).toMatch(/02:55:00 T\+00:00 detection +\(logged 03:20\) pager fired/);
	});

	it('ticks and unticks checklist items with their times', async () => {
		const app = await renderApp(context, incidentId);
		clock.set('2026-11-23T03:01:00.000Z');
		await app.press(' ');
		await app.waitFor('[x] 03:01:00 Acknowledge');
		clock.set('2026-11-23T03:02:00.000Z');
		await app.press(KEY.down, ' ');
		await app.waitFor('Detection & Triage 2/8');
		await app.press(' ');
		await app.waitFor('Detection & Triage 1/8');
		expect(journal().map(e => e.type).slice(1)).toEqual(['checklist.ticked', 'checklist.ticked', 'checklist.unticked']);
		expect(journal()[1]).toMatchObject({item: 'detection-and-triage/acknowledge', at: '2026-11-23T03:01:00.000Z'});
	});

	it('moves between runbook phases with the arrows and ticks in the phase shown', async () => {
		const app = await renderApp(context, incidentId);
		await app.press('\u001b[C');
		await app.waitFor('2/5 Investigation 0/4');
		await app.press(' ');
		await app.waitFor('2/5 Investigation 1/4');
		await app.press('\u001b[C', '\u001b[C', '\u001b[C', '\u001b[C');
		await app.waitFor('5/5 Closure 0/4');
		await app.press('\u001b[D');
		await app.waitFor('4/5 Permanent Fix');
		expect(journal().at(-1)).toMatchObject({type: 'checklist.ticked', item: 'investigation/read-the-alerts-dashboards-and'});
	});

	it('warns in the header when the response target passes without acknowledgement, until acknowledged', async () => {
		const app = await renderApp(context, incidentId);
		clock.set('2026-11-23T03:00:30.000Z');
		await app.waitFor('not acknowledged after 30s (SEV-1 target', 2500);
		await app.press(' ');
		await app.waitFor('Detection & Triage 1/8');
		expect(app.frame()).not.toContain('not acknowledged');
	});

	it('adds a hypothesis with its test and records the result with evidence', async () => {
		const app = await renderApp(context, incidentId);
		await app.press('h');
		await app.type('DB lock contention');
		await app.press(KEY.enter);
		await app.waitFor('How will you test it');
		await app.type('pg_stat_activity');
		await app.press(KEY.enter);
		await app.waitFor('… testing DB lock contention');
		await app.press('r');
		await app.waitFor('Result for H1: DB lock contention (newest open):');
		await app.press('r');
		await app.waitFor('Evidence (ruled-out) for H1: DB lock contention (newest open)');
		await app.type('no waiting queries');
		await app.press(KEY.enter);
		await app.waitFor('✘ ruled out DB lock contention');
		const [added, resolved] = journal().slice(1);
		expect(added).toMatchObject({type: 'hypothesis.added', statement: 'DB lock contention', test: 'pg_stat_activity'});
		expect(resolved).toMatchObject({type: 'hypothesis.resolved', hypothesis: added!.id, result: 'ruled-out', evidence: 'no waiting queries'});
	});

	it('sets status and severity', async () => {
		const app = await renderApp(context, incidentId);
		await app.press('s');
		await app.waitFor('Status:');
		await app.press('2');
		await app.waitFor('Status: Identified');
		await app.press('v', KEY.down, KEY.down, KEY.enter);
		await app.waitFor('Severity: SEV-3');
		expect(app.frame()).toMatch(/SEV-3 .*Checkout 5xx/);
		expect(journal().slice(1).map(e => e.type)).toEqual(['status.changed', 'severity.changed']);
	});

	it('undoes your last event only after y, by writing a retraction', async () => {
		const app = await renderApp(context, incidentId);
		await app.press('n');
		await app.type('wrong turn');
		await app.press(KEY.enter);
		await app.waitFor('Logged note');
		await app.press('u');
		await app.waitFor('Undo "note: wrong turn"? y/n');
		await app.press('n');
		await app.waitFor('kept; nothing undone');
		expect(journal()).toHaveLength(2);
		await app.press('u', 'y');
		await app.waitFor('Undone');
		expect(app.frame()).not.toContain('wrong turn');
		expect(journal().at(-1)).toMatchObject({type: 'event.retracted', target: journal()[1]!.id});
	});

	it('shows and closes the help overlay', async () => {
		const app = await renderApp(context, incidentId);
		await app.press('?');
		const help = await app.waitFor('any key closes this help');
		expect(help).toContain('undo your last event');
		await app.press('x');
		await app.waitFor('Detection & Triage');
		expect(app.frame()).not.toContain('any key closes');
	});

	it('ignores a paste in browse mode, and stores a pasted escape sequence as typed in a note', async () => {
		const app = await renderApp(context, incidentId);
		await app.paste('quit now');
		await app.waitFor('paste ignored');
		await app.press('xyz q u');
		await app.waitFor('paste ignored');
		await app.press('n');
		await app.paste('err\u001b[2J\u001b]0;pwned\u0007 q');
		await app.press(KEY.enter);
		await app.waitFor('Logged note');
		expect(journal().at(-1)).toMatchObject({text: 'err\u001b[2J\u001b]0;pwned\u0007 q'});
		expect(app.frame()).toContain('err␛[2J␛]0;pwned␇ q');
		expect(app.frame()).not.toMatch(/\u001b\[2J|\u0007/);
	});

	it('shows events appended by another process without a key press', async () => {
		const app = await renderApp(context, incidentId);
		logNote(testContext(docsDir, 'bob', clock.now), {incidentId, kind: 'action', text: 'bob restarted the pods'});
		const frame = await app.waitFor('bob restarted the pods', 2000);
		expect(frame).toMatch(/action\s+bob\s+bob restarted the pods/);
	});

	it('reflows to one column at 60 and a compact view at 30 columns', async () => {
		const app = await renderApp(context, incidentId);
		await app.waitFor('Timeline');
		expect(app.frame()).toMatch(/Detection & Triage 0\/8 ←→ +Timeline/);
		await app.resize({columns: 60, rows: 30});
		const narrow = await app.waitFor(/^  Timeline/m);
		expect(narrow.split('\n').every(line => line.length <= 60)).toBe(true);
		await app.resize({columns: 30, rows: 30});
		const tiny = await app.waitFor('Terminal too small (30x30)');
		expect(tiny.split('\n').every(line => line.length <= 30)).toBe(true);
		await app.press('n');
		await app.type('still logs');
		await app.press(KEY.enter);
		await app.waitFor('Logged note');
	});

	it('never draws as many rows as the terminal has', async () => {
		for (let index = 0; index < 60; index++) logNote(context, {incidentId, kind: 'note', text: `event ${index}`});
		const app = await renderApp(context, incidentId, {size: {columns: 100, rows: 20}});
		const frame = await app.waitFor('event 59');
		expect(frame.split('\n').length).toBeLessThan(20);
		expect(frame).not.toContain('event 40');
		// Twelve rows of events: the twelfth step up scrolls by one, the thirteenth by two.
		await app.press(KEY.tab, ...Array<string>(13).fill(KEY.up));
		await app.waitFor('2 newer below');
		expect(app.lastFrame()).toContain('›');
	});

});
