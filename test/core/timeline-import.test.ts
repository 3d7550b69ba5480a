import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {guessKind, parseTimeline} from '../../source/core/timeline-import.js';

const sample = readFileSync(new URL('../fixtures/chat-timeline.txt', import.meta.url), 'utf8');

describe('parseTimeline', () => {
	const {events, unreadable} = parseTimeline(sample, '2026-11-23');

	it('reads every timed line of a chat export, table, list and ISO forms', () => {
		expect(events).toHaveLength(23);
		expect(events[0]).toEqual({line: 5, at: '2026-11-23T23:41:00.000Z', kind: 'note', text: 'Deploy of payments v2.14 started (deploy-bot)'});
		expect(events[1]).toMatchObject({at: '2026-11-23T23:52:00.000Z', kind: 'detection'});
		expect(events.find(e => e.text.startsWith('Status page updated'))).toMatchObject({at: '2026-11-24T00:02:00.000Z', kind: 'communication'});
		expect(events.find(e => e.text.startsWith('Rolled back'))).toMatchObject({at: '2026-11-24T00:04:00.000Z', kind: 'mitigation'});
		expect(events.find(e => e.text === 'Error rate dropping')).toMatchObject({at: '2026-11-24T00:11:30.000Z'});
		expect(events.find(e => e.text.startsWith('Failover'))).toMatchObject({at: '2026-11-24T00:18:00.000Z', kind: 'mitigation'});
	});

	it('rolls over midnight, and reads an explicit date as given', () => {
		const times = events.map(e => e.at);
		expect(times.filter(at => at.startsWith('2026-11-23'))).toHaveLength(5);
		expect(events.find(e => e.text.startsWith('News reports'))).toMatchObject({at: '2026-11-24T14:51:00.000Z'});
	});

	it('guesses the kind of each line', () => {
		expect(events.find(e => e.text.startsWith('On-call acknowledged'))?.kind).toBe('acknowledged');
		expect(events.find(e => e.text.startsWith('Escalated'))?.kind).toBe('escalation');
		expect(events.find(e => e.text.startsWith('All clear'))?.kind).toBe('resolution');
		expect(guessKind('Customers notified by email')).toBe('communication');
		expect(guessKind('lunch')).toBe('note');
	});

	it('lists the lines it could not read, with their numbers and why', () => {
		expect(unreadable.map(u => [u.line, u.reason])).toEqual([
			[20, 'no time at the start'],
			[23, 'no time at the start'],
			[24, 'no time at the start'],
			[25, 'a time but no text'],
		]);
	});

	it('takes a kind for every line when told', () => {
		expect(new Set(parseTimeline(sample, '2026-11-23', 'note').events.map(e => e.kind))).toEqual(new Set(['note']));
	});
});
