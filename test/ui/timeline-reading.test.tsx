import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {recordEvent} from '../../source/commands/record-event.js';
import {keysOf} from '../../source/ui/keys.js';
import {textWidth} from '../../source/ui/text-wrap.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// Reading the timeline on the screens responders really have: 80x24 and 120x40.

afterEach(() => cleanup());

const SIZES = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
];

/** Without colour, as with NO_COLOR: only characters can show focus and selection. */
const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

function incident(start = '2026-11-23T03:00:00.000Z') {
	const clock = manualClock(start);
	const context = testContext(makeTempDir(), 'alice', clock.now);
	const {incidentId} = openIncident(context, {title: 'Checkout 5xx', severity: 1});
	const log = (at: string, text: string, kind: 'note' | 'mitigation' = 'note') => {
		clock.set(at);
		return logNote(context, {incidentId, kind, text}).event;
	};
	return {clock, context, incidentId, log};
}

/** Forty distinct words, so a test can tell each one is on screen. */
const LONG_TEXT = Array.from({length: 40}, (_, index) => `w${String(index).padStart(2, '0')}`).join(' ') + ' the end';

describe.each(SIZES)('at $columns x $rows', size => {
	it('wraps a long event so every word of it is on screen, and never fills the terminal', async () => {
		const {context, incidentId, log} = incident();
		log('2026-11-23T03:05:00.000Z', LONG_TEXT);
		const app = await renderApp(context, incidentId, {size});
		const frame = await app.waitFor('the end');
		for (const word of LONG_TEXT.split(' ')) expect(frame, word).toMatch(new RegExp(`\\b${word}\\b`));
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThan(size.rows);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(size.columns);
	});

	it('uses the whole height: the body fills the rows between the header and the footer', async () => {
		const {context, incidentId, log} = incident();
		for (let index = 0; index < 60; index++) log(`2026-11-23T03:${String(index).padStart(2, '0')}:30.000Z`, `event ${index}`);
		const app = await renderApp(context, incidentId, {size});
		const frame = await app.waitFor('event 59');
		const lines = frame.split('\n');
		// One row short of the terminal (Ink redraws everything once its output is as tall).
		expect(lines).toHaveLength(size.rows - 1);
		const timelineTitle = lines.findIndex(line => /Timeline \d+/.test(line));
		const footer = lines.length - 1;
		// Every row between the timeline's title and the prompt line holds an event.
		const eventRows = lines.slice(timelineTitle + 1, footer - 1).filter(line => /event \d+|\d\d:\d\d:\d\d T\+/.test(line));
		expect(eventRows).toHaveLength(footer - 1 - timelineTitle - 1);
	});

	it('opens the selected event with Enter and shows all of it: text, kind, doer, typist, both times, the amendment', async () => {
		const {clock, context, incidentId, log} = incident();
		const event = log('2026-11-23T03:30:00.000Z', `@03:10 @docbrown: ${LONG_TEXT}`, 'mitigation');
		clock.set('2026-11-23T03:31:00.000Z');
		recordEvent(context, incidentId, {type: 'event.amended', target: event.id, text: `${LONG_TEXT} fixed`});
		const app = await renderApp(context, incidentId, {size});
		await app.waitFor('fixed');
		await app.press(KEY.enter);
		await app.waitFor('tab to the timeline to read an event');
		await app.press(KEY.tab);
		await app.press(KEY.enter);
		const frame = await app.waitFor('Happened');
		expect(frame).toMatch(/Happened +2026-11-23 03:10:00 UTC/);
		expect(frame).toMatch(/Logged +2026-11-23 03:30:00 UTC/);
		expect(frame).toMatch(/Kind +mitigation/);
		expect(frame).toMatch(/Done by +docbrown/);
		expect(frame).toMatch(/Typed by +alice/);
		expect(frame).toMatch(/Amended +yes/);
		expect(frame).toMatch(/text +w00 w01/);
		expect(frame.split('\n').length).toBeLessThan(size.rows);
		// The whole text, scrolled into view where the screen is short.
		let seen = plain(frame);
		for (let step = 0; step < 20 && !app.frame().includes('the end fixed'); step++) {
			await app.press(KEY.down);
			seen += app.frame();
		}
		for (const word of LONG_TEXT.split(' ')) expect(seen, word).toContain(word);
		expect(app.frame()).toContain('the end fixed');
		await app.press(KEY.escape);
		await app.waitFor(/Timeline \d+/);
	});

	it('shows focus and the selection in every pane with characters, not only colour', async () => {
		const {context, incidentId, log} = incident();
		log('2026-11-23T03:05:00.000Z', 'first note');
		recordEvent(context, incidentId, {type: 'hypothesis.added', statement: 'the cache is cold', test: 'hit rate'});
		log('2026-11-23T03:06:00.000Z', 'second note');
		const app = await renderApp(context, incidentId, {size});
		let frame = plain(await app.waitFor('second note'));
		expect(frame).toMatch(/▶ 1\/5 Detection & Triage/);
		expect(frame).toMatch(/›\[ \] Acknowledge/);
		await app.press(KEY.tab);
		frame = plain(app.frame());
		expect(frame).toMatch(/▶ Timeline/);
		expect(frame).not.toMatch(/▶ 1\/5/);
		// Every row of the selected event is marked: at 80 columns its text hangs below its columns.
		const marked = (text: string) => plain(app.frame()).split('\n').find(line => line.includes(text))?.includes('›');
		expect(frame).toMatch(/›03:06:00 T\+06:00 note/);
		expect(marked('second note')).toBe(true);
		await app.press(KEY.up);
		expect(plain(app.frame())).toMatch(/›03:05:00 T\+05:00 hypothesis/);
		expect(marked('the cache is cold')).toBe(true);
		expect(marked('second note')).toBe(false);
		await app.press(KEY.tab);
		frame = plain(app.frame());
		expect(frame).toMatch(/▶ Hypotheses 1/);
		expect(frame).toMatch(/›… testing the cache is cold/);
	});

	it('keeps the end of a CJK and emoji prompt, and its cursor, in view', async () => {
		const {context, incidentId} = incident();
		const app = await renderApp(context, incidentId, {size});
		await app.press('n');
		await app.paste(`${'障害が発生しました'.repeat(12)} 復旧🔥END`);
		const frame = await app.waitFor('🔥END█');
		const prompt = frame.split('\n').find(line => line.includes('Note @'))!;
		expect(textWidth(prompt)).toBeLessThanOrEqual(size.columns);
		expect(prompt).toMatch(/🔥END█$/);
	});
});

describe('at 80 x 24', () => {
	const size = {columns: 80, rows: 24};

	it('shows the whole help: heading, header, every key, nothing cut or doubled, scrolling what does not fit', async () => {
		const {context, incidentId} = incident();
		const app = await renderApp(context, incidentId, {size});
		await app.waitFor('Checkout 5xx');
		await app.press('?');
		const body = (frame: string) => {
			const lines = frame.split('\n');
			const heading = lines.findIndex(line => line.startsWith('Keys (any key closes this help)'));
			return lines.slice(heading + 1, lines.length - 2);
		};
		let frame = await app.waitFor('Keys (any key closes this help)');
		// Each ↓ scrolls by one line: the first frame's lines, then the last line of each next frame.
		const seen = body(frame);
		for (let step = 0; step < 40 && !app.frame().includes('to backdate'); step++) {
			await app.press(KEY.down);
			frame = app.frame();
			seen.push(body(frame).at(-1)!);
			expect(frame.match(/Keys \(any key closes this help\)/g)).toHaveLength(1);
			expect(frame).toContain('Investigating');
			expect(frame.split('\n').length).toBeLessThan(size.rows);
		}
		// The help lines, their wrapped continuations joined: each key's whole line is there.
		const text = seen.map(line => line.slice(12).trim()).join(' ');
		for (const entry of keysOf('browse')) {
			expect(seen.some(line => line.startsWith(`${entry.shown} `)), entry.command).toBe(true);
			expect(text, entry.command).toContain(entry.help);
		}
		await app.press('x');
		await app.waitFor('q quit');
	});

	it('keeps columns aligned past T+1h and across two days, with the dates', async () => {
		const {context, incidentId, log} = incident('2026-11-23T23:30:00.000Z');
		log('2026-11-23T23:35:00.000Z', 'pager fired');
		log('2026-11-24T00:35:00.000Z', 'rolled back');
		log('2026-11-25T01:40:00.000Z', 'all clear');
		const app = await renderApp(context, incidentId, {size: {columns: 120, rows: 40}});
		const frame = await app.waitFor('all clear');
		const rows = ['Incident opened', 'pager fired', 'rolled back', 'all clear'].map(text => frame.split('\n').find(line => line.includes(` ${text}`))!);
		expect(rows[0]).toMatch(/11-23 23:30:00 +T\+00:00 opened/);
		expect(rows[2]).toMatch(/11-24 00:35:00 +T\+1:05:00 note/);
		expect(rows[3]).toMatch(/11-25 01:40:00 T\+26:10:00 note/);
		const column = (find: (row: string, index: number) => number) => new Set(rows.map(find));
		expect(column(row => row.indexOf('11-2')).size).toBe(1);
		expect(column(row => row.search(/ (opened|note) /)).size).toBe(1);
		expect(column((row, index) => row.indexOf(['Incident opened', 'pager fired', 'rolled back', 'all clear'][index]!)).size).toBe(1);
	});
});
