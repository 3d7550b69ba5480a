import {describe, expect, it} from 'vitest';
import {fileSafeName, isIncidentId, nextIncidentId, writerName} from '../../source/core/incident-id.js';
import {slugFromTitle} from '../../source/core/slug.js';
import {displaySafe} from '../../source/core/display-safe.js';

describe('incident IDs', () => {
	it('numbers incidents per UTC day', () => {
		const at = new Date('2026-11-23T23:30:00-05:00'); // already the 24th in UTC
		expect(nextIncidentId(at, [])).toBe('2026-11-24-01');
		expect(nextIncidentId(at, ['2026-11-24-01', '2026-11-24-02', '2026-11-23-07'])).toBe('2026-11-24-03');
		expect(nextIncidentId(at, ['2026-11-24-09', '2026-11-24-nope'])).toBe('2026-11-24-10');
	});

	it('takes the date of the declaration, not of the typing: 23:50 declared, typed after midnight', () => {
		const declared = new Date('2026-11-24T23:50:00Z');
		const existing = ['2026-11-24-01', '2026-11-25-01', '2026-11-25-02'];
		expect(nextIncidentId(declared, existing)).toBe('2026-11-24-02');
		expect(nextIncidentId(new Date('2026-11-25T00:10:00Z'), existing)).toBe('2026-11-25-03');
	});

	it('accepts only real dates', () => {
		expect(isIncidentId('2026-11-23-01')).toBe(true);
		expect(isIncidentId('2026-02-30-01')).toBe(false);
		expect(isIncidentId('2026-11-23-00')).toBe(false);
		expect(isIncidentId('../2026-11-23-01')).toBe(false);
	});
});

describe('slugs', () => {
	const hostile = [
		'../../etc/passwd',
		'| rm -rf / <!-- x --> <script>',
		'\u001b]0;pwned\u0007\u001b[2J title',
		'🔥🔥🔥',
		'..',
		'A'.repeat(10_240),
		'Checkout 5xx after deploy — üñíçødé',
		'\u202eevil\u202c',
	];
	it.each(hostile)('keeps %j inside [a-z0-9-]{1,60}', title => {
		const slug = slugFromTitle(title);
		expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/);
	});

	it('reads naturally for a normal title', () => {
		expect(slugFromTitle('Checkout 5xx after deploy')).toBe('checkout-5xx-after-deploy');
		expect(slugFromTitle('🔥')).toBe('incident');
	});

	it('makes writer names safe for file names', () => {
		expect(writerName('Alice Smith', 'Laptop.local')).toBe('alice-smith@laptop.local');
		expect(fileSafeName('../..')).toBe('unknown');
	});
});

describe('displaySafe', () => {
	it('makes escape sequences, control characters and bidi overrides visible and inert', () => {
		const shown = displaySafe('a\u001b[2Jb\u001b]0;title\u0007c\u009bd\u202ee\nf\tg');
		expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
		expect(shown).toBe('a␛[2Jb␛]0;title␇c\\x9bd<U+202E>e⏎f g');
	});
	it('keeps emoji and ordinary Unicode', () => {
		expect(displaySafe('🔥 ünïcode עברית')).toBe('🔥 ünïcode עברית');
	});
});

describe('UTC time formats', () => {
	it('print UTC whatever the local time zone (the suite runs with TZ=America/New_York)', async () => {
		const {formatUtcDateTime, formatUtcTime, formatOffset} = await import('../../source/core/time-format.js');
		expect(formatUtcTime('2026-11-24T02:05:09.999Z')).toBe('02:05:09');
		expect(formatUtcDateTime('2026-11-24T02:05:09.999Z')).toBe('2026-11-24 02:05');
		expect(formatOffset('2026-11-24T02:00:00.000Z', '2026-11-24T03:02:05.000Z')).toBe('T+1:02:05');
		expect(formatOffset('2026-11-24T02:00:00.000Z', '2026-11-24T01:55:00.000Z')).toBe('T-05:00');
	});
});
