import {describe, expect, it} from 'vitest';
import {formatUtcDate, formatUtcDateTime, formatUtcMinute, formatUtcTime, utcIso} from '../../source/core/time-format.js';

// utcIso returns an event's `at` as it is instead of going through Date: it
// must give exactly what Date gives, or throw where Date throws.

const viaDate = (value: string) => new Date(value).toISOString();

const EDGES = [
	'2026-11-23T03:12:09.000Z',
	'2026-11-23T23:59:59.999Z',
	'2026-12-31T23:59:59.999Z',
	'2027-01-01T00:00:00.000Z',
	'0000-01-01T00:00:00.000Z',
	'9999-12-31T23:59:59.999Z',
	// Days that exist, and days Date rolls over into the next month.
	'2024-02-29T12:00:00.000Z',
	'2000-02-29T12:00:00.000Z',
	'2026-02-29T12:00:00.000Z',
	'1900-02-29T12:00:00.000Z',
	'2026-02-28T12:00:00.000Z',
	'2026-04-31T12:00:00.000Z',
	'2026-06-31T12:00:00.000Z',
	'2026-09-31T12:00:00.000Z',
	'2026-11-30T12:00:00.000Z',
	'2026-11-31T12:00:00.000Z',
	'2026-12-31T12:00:00.000Z',
	'2026-01-31T12:00:00.000Z',
	// Not the canonical shape: Date decides.
	'2026-11-23T24:00:00.000Z',
	'2026-11-23T03:12:09Z',
	'2026-11-23T03:12:09.5Z',
	'2026-11-23T03:12:09.000+01:00',
	'2026-11-23T03:12:09.000-05:00',
	'2026-11-23',
];

const INVALID = ['2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z', '2026-11-00T00:00:00.000Z', '2026-11-32T00:00:00.000Z', '2026-11-23T23:60:00.000Z', '2026-11-23T23:59:60.000Z', 'yesterday', ''];

describe('utcIso', () => {
	it.each(EDGES)('gives what Date gives for %s', value => {
		expect(utcIso(value)).toBe(viaDate(value));
	});

	it.each(INVALID)('throws like Date for %j', value => {
		expect(() => viaDate(value)).toThrow(RangeError);
		expect(() => utcIso(value)).toThrow(RangeError);
	});

	it('gives what Date gives for every day of four years, leap years and 2100 included', () => {
		for (const year of [2024, 2026, 2100, 2000]) {
			for (let month = 1; month <= 12; month++) {
				for (let day = 1; day <= 31; day++) {
					const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T05:06:07.089Z`;
					expect(utcIso(value), value).toBe(viaDate(value));
				}
			}
		}
	});

	it('formats a Date, whatever the local time zone', () => {
		const at = new Date('2026-11-24T01:02:03.004Z');
		expect([formatUtcDate(at), formatUtcTime(at), formatUtcMinute(at), formatUtcDateTime(at)]).toEqual(['2026-11-24', '01:02:03', '01:02', '2026-11-24 01:02']);
	});

	it('formats an offset time in UTC', () => {
		expect(formatUtcDateTime('2026-11-23T22:30:00.000-05:00')).toBe('2026-11-24 03:30');
	});
});
