import {afterEach, describe, expect, it} from 'vitest';
import {formatWhenConfirmation} from '../../source/core/time-format.js';
import {parsePromptPrefix, parseWhen, type WhenResult} from '../../source/core/when.js';

const at = (iso: string) => new Date(iso);
const when = (input: string, now: string): WhenResult => parseWhen(input, at(now));
const ok = (iso: string): WhenResult => ({ok: true, at: at(iso)});
const refused = (pattern: RegExp) => expect.objectContaining({ok: false, reason: expect.stringMatching(pattern)});

describe('parseWhen: HH:MM is the latest such moment not in the future', () => {
	it('reads a past time today, with or without seconds', () => {
		expect(when('14:55', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T14:55:00Z'));
		expect(when('14:55:07', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T14:55:07Z'));
		expect(when('9:05', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T09:05:00Z'));
	});

	it('takes a time up to 2 minutes ahead as now: @15:12 at 15:10:30', () => {
		expect(when('15:12', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T15:10:30Z'));
		expect(when('15:12', '2026-11-23T15:10:00Z')).toEqual(ok('2026-11-23T15:10:00Z'));
		expect(when('15:10:30', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T15:10:30Z'));
	});

	it('refuses a time 2 minutes to 1 hour ahead, in one line', () => {
		const result = when('15:40', '2026-11-23T15:10:00Z');
		expect(result).toEqual(refused(/^15:40 UTC is 30m 00s ahead of now \(15:10:00 UTC\); nothing was written/));
		expect(result.ok || result.reason).not.toContain('\n');
		expect(when('15:12:01', '2026-11-23T15:10:00Z')).toEqual(refused(/ahead/));
		expect(when('16:10', '2026-11-23T15:10:00Z')).toEqual(refused(/1h 00m ahead/));
	});

	it('reads a time more than 1 hour ahead as yesterday: @16:30 at 15:10', () => {
		expect(when('16:30', '2026-11-23T15:10:00Z')).toEqual(ok('2026-11-22T16:30:00Z'));
		expect(when('16:10:01', '2026-11-23T15:10:00Z')).toEqual(ok('2026-11-22T16:10:01Z'));
	});

	it('crosses midnight both ways', () => {
		expect(when('23:50', '2026-11-24T00:10:00Z')).toEqual(ok('2026-11-23T23:50:00Z'));
		// Two minutes before midnight, 00:01 is 90 s ahead: now, not yesterday's 00:01.
		expect(when('00:01', '2026-11-23T23:59:30Z')).toEqual(ok('2026-11-23T23:59:30Z'));
		expect(when('00:10', '2026-11-23T23:30:00Z')).toEqual(refused(/40m 00s ahead/));
		expect(when('00:10', '2026-11-24T00:20:00Z')).toEqual(ok('2026-11-24T00:10:00Z'));
	});

	it('crosses month and year ends, and a leap day', () => {
		expect(when('23:00', '2026-12-01T00:30:00Z')).toEqual(ok('2026-11-30T23:00:00Z'));
		expect(when('23:58', '2027-01-01T00:05:00Z')).toEqual(ok('2026-12-31T23:58:00Z'));
		expect(when('22:00', '2028-03-01T01:00:00Z')).toEqual(ok('2028-02-29T22:00:00Z'));
		expect(when('22:00', '2027-03-01T01:00:00Z')).toEqual(ok('2027-02-28T22:00:00Z'));
	});

	it('refuses what is not a time of day', () => {
		expect(when('24:00', '2026-11-23T15:10:00Z')).toEqual(refused(/not a time of day/));
		expect(when('12:60', '2026-11-23T15:10:00Z')).toEqual(refused(/not a time of day/));
		expect(when('noon', '2026-11-23T15:10:00Z')).toEqual(refused(/is not a time; use HH:MM/));
	});
});

describe('parseWhen: full dates and relative times', () => {
	it('reads YYYY-MM-DD HH:MM[:SS] as UTC', () => {
		expect(when('2026-11-22 23:50', '2026-11-23T15:10:00Z')).toEqual(ok('2026-11-22T23:50:00Z'));
		expect(when('2026-11-22T23:50:09', '2026-11-23T15:10:00Z')).toEqual(ok('2026-11-22T23:50:09Z'));
		expect(when('2028-02-29 10:00', '2028-03-01T00:00:00Z')).toEqual(ok('2028-02-29T10:00:00Z'));
	});

	it('refuses a date that does not exist', () => {
		expect(when('2027-02-29 10:00', '2027-03-01T00:00:00Z')).toEqual(refused(/no such date/));
		expect(when('2026-11-31 10:00', '2026-12-05T00:00:00Z')).toEqual(refused(/no such date/));
	});

	it('refuses a full date in the future, except within 2 minutes', () => {
		expect(when('2026-11-24 15:00', '2026-11-23T15:10:00Z')).toEqual(refused(/ahead of now/));
		expect(when('2026-11-23 15:30', '2026-11-23T15:10:00Z')).toEqual(refused(/20m 00s ahead/));
		expect(when('2026-11-23 15:11', '2026-11-23T15:10:00Z')).toEqual(ok('2026-11-23T15:10:00Z'));
	});

	it('reads -5m, -90s, -2h and -1h30m back from now', () => {
		expect(when('-5m', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T15:05:30Z'));
		expect(when('-90s', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T15:09:00Z'));
		expect(when('-2h', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T13:10:30Z'));
		expect(when('-1h30m', '2026-11-23T15:10:30Z')).toEqual(ok('2026-11-23T13:40:30Z'));
		expect(when('-1h30m', '2026-12-01T00:20:00Z')).toEqual(ok('2026-11-30T22:50:00Z'));
	});

	it('refuses a relative time in the future', () => {
		expect(when('+5m', '2026-11-23T15:10:30Z')).toEqual(refused(/in the future/));
		expect(when('-', '2026-11-23T15:10:30Z')).toEqual(refused(/is not a time/));
		expect(when('-5m1h', '2026-11-23T15:10:30Z')).toEqual(refused(/is not a time/));
	});
});

describe('the local time zone never leaks in', () => {
	const saved = process.env['TZ'];
	afterEach(() => {
		process.env['TZ'] = saved;
	});

	it.each(['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'UTC'])('gives the same answers with TZ=%s', zone => {
		process.env['TZ'] = zone;
		// 2026-03-08 is the US switch to daylight time; 2026-04-05 Lord Howe's half-hour switch.
		expect(when('06:30', '2026-03-08T07:10:00Z')).toEqual(ok('2026-03-08T06:30:00Z'));
		expect(when('23:30', '2026-03-09T00:10:00Z')).toEqual(ok('2026-03-08T23:30:00Z'));
		expect(when('-1h30m', '2026-04-05T01:00:00Z')).toEqual(ok('2026-04-04T23:30:00Z'));
		expect(when('2026-11-01 05:30', '2026-11-02T00:00:00Z')).toEqual(ok('2026-11-01T05:30:00Z'));
		expect(formatWhenConfirmation('2026-03-08T23:30:00Z', at('2026-03-09T00:10:00Z'))).toBe('2026-03-08 23:30:00 UTC');
	});
});

describe('parsePromptPrefix', () => {
	const now = at('2026-11-23T15:10:30Z');

	it('takes a leading @WHEN off the text', () => {
		expect(parsePromptPrefix('@14:55 pager fired', now)).toEqual({text: 'pager fired', at: at('2026-11-23T14:55:00Z')});
		expect(parsePromptPrefix('@-5m pager fired', now)).toEqual({text: 'pager fired', at: at('2026-11-23T15:05:30Z')});
		expect(parsePromptPrefix('@2026-11-22 23:50 pager fired', now)).toEqual({text: 'pager fired', at: at('2026-11-22T23:50:00Z')});
		expect(parsePromptPrefix('@14:55', now)).toEqual({text: '', at: at('2026-11-23T14:55:00Z')});
	});

	it('reads the doer after the time, only when written @name:', () => {
		expect(parsePromptPrefix('@15:02 @docbrown: drained USA-2', now)).toEqual({
			text: 'drained USA-2',
			at: at('2026-11-23T15:02:00Z'),
			by: 'docbrown',
		});
		expect(parsePromptPrefix('@docbrown: drained USA-2', now)).toEqual({text: 'drained USA-2', by: 'docbrown'});
		expect(parsePromptPrefix('@15:02 docbrown: drained', now)).toEqual({text: 'docbrown: drained', at: at('2026-11-23T15:02:00Z')});
		expect(parsePromptPrefix('@15:02 Error: refused', now)).toEqual({text: 'Error: refused', at: at('2026-11-23T15:02:00Z')});
	});

	it('leaves ordinary text alone', () => {
		for (const text of ['@alice said 14:55', 'Error: refused', '@db1:5432 refused connections', '@+1 for the rollback', '@ 14:55 x', 'see @14:55']) {
			expect(parsePromptPrefix(text, now)).toEqual({text});
		}
	});

	it('reports a time-shaped prefix that is wrong or ahead, keeping the text', () => {
		expect(parsePromptPrefix('@25:00 x', now)).toEqual({text: '@25:00 x', error: expect.stringMatching(/not a time of day/)});
		expect(parsePromptPrefix('@15:40 mitigated', now)).toEqual({text: '@15:40 mitigated', error: expect.stringMatching(/ahead of now/)});
		expect(parsePromptPrefix('@+5m x', now).error).toMatch(/in the future/);
	});
});

describe('formatWhenConfirmation', () => {
	it('shows the date whenever it is not today (UTC)', () => {
		const now = at('2026-11-23T00:10:00Z');
		expect(formatWhenConfirmation('2026-11-23T00:05:00Z', now)).toBe('00:05:00 UTC');
		expect(formatWhenConfirmation(at('2026-11-22T23:50:00Z'), now)).toBe('2026-11-22 23:50:00 UTC');
	});
});
