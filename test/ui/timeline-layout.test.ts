import {describe, expect, it} from 'vitest';
import type {TimelineEntry} from '../../source/core/incident-state.js';
import {endOfWidth, textWidth, truncateToWidth, wrapText} from '../../source/ui/text-wrap.js';
import {bottomShowing, detailLines, eventRows, pageOfEvents, timelineFormatOf, timelineWindow} from '../../source/ui/timeline-layout.js';

const START = '2026-11-23T23:30:00.000Z';

function entry(index: number, text: string, at = new Date(Date.parse(START) + index * 60_000).toISOString(), changes: Partial<TimelineEntry> = {}): TimelineEntry {
	return {eventId: `E${index}`, at, author: 'marty', kind: 'note', text, amended: false, ...changes};
}

/** What the pane draws on a row, marker column included, as plain text. */
function drawn(row: ReturnType<typeof eventRows>[number]): string {
	const {columns} = row;
	return columns ? ` ${columns.date}${columns.time}${columns.offset}${columns.kind}${columns.owner} ${row.text}` : ` ${' '.repeat(row.indent)}${row.text}`;
}

describe('wrapping text by display width', () => {
	it('moves whole words to the next line and breaks only words longer than a line', () => {
		expect(wrapText('the quick brown fox jumps', 10).lines).toEqual(['the quick', 'brown fox', 'jumps']);
		expect(wrapText('abcdefghijklmnop', 6).lines).toEqual(['abcdef', 'ghijkl', 'mnop']);
	});

	it('counts CJK characters and emoji as two columns', () => {
		const {lines} = wrapText('障害が発生しました🔥🔥 復旧中です', 10);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(10);
		expect(lines.join('')).toBe('障害が発生しました🔥🔥復旧中です');
		expect(lines[0]).toBe('障害が発生');
	});

	it("keeps the text's own line breaks and makes every line display-safe", () => {
		expect(wrapText('one\ntwo\u001b[2J', 20).lines).toEqual(['one', 'two␛[2J']);
	});

	it('stops after maxLines and says the text goes on', () => {
		expect(wrapText('a b c d e f', 1, 3)).toEqual({lines: ['a', 'b', 'c'], complete: false});
		expect(wrapText('a b c', 1, 3)).toEqual({lines: ['a', 'b', 'c'], complete: true});
	});

	it('keeps the end of a line by columns, never half of a wide character', () => {
		expect(endOfWidth('abc障害🔥', 5)).toBe('害🔥');
		expect(endOfWidth('abc障害🔥', 4)).toBe('害🔥');
		expect(endOfWidth('abc障害🔥', 3)).toBe('🔥');
		expect(truncateToWidth('障害が発生', 6)).toBe('障害…');
	});
});

describe('timeline rows', () => {
	const long = 'drained USA-2 and moved the checkout traffic to the EU cells while the database team restored the replica from the 14:00 snapshot';

	it('wraps a long event under its text column so every word is on screen', () => {
		const entries = [entry(0, long)];
		const format = timelineFormatOf(entries, {width: 80, startedAt: START, owners: undefined});
		const rows = eventRows(entries, 0, format, 20).map(drawn);
		expect(rows.length).toBeGreaterThan(2);
		const textColumn = rows[0]!.indexOf('drained');
		for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(80);
		for (const row of rows.slice(1)) expect(row.search(/\S/)).toBe(textColumn);
		expect(rows.map(row => row.slice(textColumn)).join(' ')).toBe(long);
	});

	it('aligns every column past T+1h and across two days, with the date shown', () => {
		const entries = [entry(0, 'impact'), entry(5, 'pager'), entry(65, 'mitigated'), entry(26 * 60, 'resolved next day')];
		const format = timelineFormatOf(entries, {width: 100, startedAt: START, owners: ['marty', 'doc']});
		const rows = entries.map((_, index) => drawn(eventRows(entries, index, format, 5)[0]!));
		expect(rows[0]).toMatch(/^ 11-23 23:30:00 +T\+00:00 note/);
		expect(rows[2]).toMatch(/^ 11-24 00:35:00 +T\+1:05:00 note/);
		expect(rows[3]).toMatch(/^ 11-25 01:30:00 T\+26:00:00 note/);
		const columnOf = (word: (index: number) => string) => new Set(rows.map((row, index) => row.indexOf(word(index))));
		expect(columnOf(() => 'note').size).toBe(1);
		expect(columnOf(() => 'marty').size).toBe(1);
		expect(columnOf(index => entries[index]!.text).size).toBe(1);
	});

	it('names the doer, not the typist, in the owner column', () => {
		const entries = [entry(0, 'drained', undefined, {by: 'docbrown'})];
		const format = timelineFormatOf(entries, {width: 80, owners: ['marty', 'docbrown']});
		expect(drawn(eventRows(entries, 0, format, 5)[0]!)).toMatch(/note +docbrown drained/);
	});

	it('puts the text under the columns in a narrow pane', () => {
		const entries = [entry(0, long)];
		const format = timelineFormatOf(entries, {width: 40, startedAt: START, owners: ['marty', 'doc']});
		const rows = eventRows(entries, 0, format, 50).map(drawn);
		expect(rows[0]).toMatch(/^ 23:30:00 T\+00:00 note +marty $/);
		expect(rows.slice(1).map(row => row.trim()).join(' ')).toBe(long);
		for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(40);
	});
});

describe('the window of rows', () => {
	// Events alternately of one row and of four.
	const entries = Array.from({length: 30}, (_, index) => entry(index, index % 2 === 0 ? `short ${index}` : `long ${index} ${'word '.repeat(40)}`));
	const format = timelineFormatOf(entries, {width: 60, owners: undefined});
	const heights = entries.map((_, index) => eventRows(entries, index, format, 50).length);

	it('fills the pane upwards from the bottom event, the topmost event shown in part', () => {
		const window = timelineWindow(entries, format, 10, 29);
		expect(window.rows).toHaveLength(10);
		expect(window.rows.at(-1)!.eventId).toBe('E29');
		expect(window.below).toBe(0);
		const top = window.rows[0]!;
		expect(window.above).toBe(top.columns ? top.index : top.index + 1);
	});

	it('scrolls up just enough to show the selected event whole, its first row included', () => {
		expect(heights[27]).toBeGreaterThan(1);
		for (let selected = 0; selected < 30; selected++) {
			const bottom = bottomShowing(entries, format, 10, 29, selected);
			const window = timelineWindow(entries, format, 10, bottom);
			const rows = window.rows.filter(row => row.index === selected);
			expect(rows, `selected ${selected}`).toHaveLength(heights[selected]!);
			expect(rows[0]!.columns).toBeDefined();
		}
	});

	it('leaves the window where it is while the selection is whole in it', () => {
		expect(bottomShowing(entries, format, 10, 29, 28)).toBe(29);
		expect(bottomShowing(entries, format, 10, 20, 25)).toBe(25);
	});

	it('pages by as many events as fill a page, at least one', () => {
		const page = pageOfEvents(entries, format, 10, 29, -1);
		const rows = heights.slice(29 - page, 29).reduce((sum, height) => sum + height, 0);
		expect(rows).toBeLessThanOrEqual(9);
		expect(rows + heights[29 - page - 1]!).toBeGreaterThan(9);
		const huge = [entry(0, 'x '.repeat(500)), entry(1, 'y')];
		expect(pageOfEvents(huge, format, 10, 1, -1)).toBe(1);
	});

	it('cuts an event taller than the pane and says so (Enter shows it whole)', () => {
		const huge = [entry(0, 'x '.repeat(500))];
		const rows = eventRows(huge, 0, format, 5);
		expect(rows).toHaveLength(5);
		expect(rows.at(-1)!.text.endsWith('…')).toBe(true);
	});

	it('lays out only the events near the window of a 100,000-event timeline', () => {
		const many = Array.from({length: 100_000}, (_, index) => entry(index, `event ${index}`));
		let reads = 0;
		const counted = new Proxy(many, {
			get(target, key, receiver) {
				if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
				return Reflect.get(target, key, receiver) as unknown;
			},
		});
		const bigFormat = timelineFormatOf(counted, {width: 80, owners: undefined});
		reads = 0;
		const bottom = bottomShowing(counted, bigFormat, 30, 99_999, 50_000);
		const window = timelineWindow(counted, bigFormat, 30, bottom);
		expect(window.rows.at(-1)!.eventId).toBe('E50029');
		expect(reads).toBeLessThan(200);
	});
});

describe('the detail of one event', () => {
	it('has the whole text, kind, doer, typist, both times with dates, and what an amendment replaced', () => {
		const amended = entry(0, 'drained USA-2 '.repeat(20).trim(), '2026-11-23T15:23:00.000Z', {
			by: 'docbrown',
			loggedAt: '2026-11-24T00:10:00.000Z',
			kind: 'mitigation',
			amended: true,
			original: {text: 'drianed USA-2', at: '2026-11-23T15:20:00.000Z', kind: 'note'},
		});
		const lines = detailLines(amended, '2026-11-23T15:00:00.000Z', 60);
		const text = lines.join('\n');
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(60);
		expect(text).toMatch(/Happened +2026-11-23 15:23:00 UTC \(T\+23:00\)/);
		expect(text).toMatch(/Logged +2026-11-24 00:10:00 UTC/);
		expect(text).toMatch(/Kind +mitigation/);
		expect(text).toMatch(/Done by +docbrown/);
		expect(text).toMatch(/Typed by +marty/);
		expect(text).toMatch(/Amended +yes/);
		expect(text).toMatch(/text +drianed USA-2/);
		expect(text).toMatch(/happened +2026-11-23 15:20:00 UTC/);
		expect(text).toMatch(/kind +note/);
		expect(lines.slice(lines.indexOf('') + 1).join(' ')).toBe(amended.text);
	});
});
