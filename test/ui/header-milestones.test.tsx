import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {reduceIncident} from '../../source/core/reducer.js';
import {Header, milestoneLine} from '../../source/ui/components/Header.js';
import {eventFactory} from '../helpers/event-factory.js';

afterEach(() => cleanup());

const alice = eventFactory('alice', Date.parse('2026-11-23T14:00:00.000Z'));
const events = [
	alice(61, {type: 'incident.opened', title: 'USA-2 outage', severity: 1, commander: 'alice'}),
	alice(54, {type: 'note.logged', kind: 'impact', text: 'errors began'}),
	alice(55, {type: 'note.logged', kind: 'detection', text: 'pager'}),
	alice(55, {type: 'note.logged', kind: 'acknowledged', text: 'on it'}),
];
const state = reduceIncident('2026-11-23-01', events);

it('shows which milestones are reached and when', () => {
	const {lastFrame} = render(<Header state={state} now={new Date('2026-11-23T15:20:00Z')} warnings={[]} sync={{running: false}} />);
	expect(lastFrame()).toContain('impact 14:54 · detected 14:55 · ack 14:55 · declared 15:01 · mitigated — · resolved —');
});

it('adds the date to milestones on another UTC day', () => {
	expect(milestoneLine(state.milestones, new Date('2026-11-24T00:20:00Z'))).toBe(
		'impact 11-23 14:54 · detected 11-23 14:55 · ack 11-23 14:55 · declared 11-23 15:01 · mitigated — · resolved —',
	);
});

it('shortens the labels where the whole line would not fit, so the resolution stays in view at 80 columns', () => {
	const resolved = reduceIncident('2026-11-23-01', [
		...events,
		alice(96, {type: 'note.logged', kind: 'mitigation', text: 'rolled back'}),
		alice(120, {type: 'note.logged', kind: 'resolution', text: 'baseline'}),
	]);
	const now = new Date('2026-11-23T16:20:00Z');
	expect(milestoneLine(resolved.milestones, now, 100)).toBe('impact 14:54 · detected 14:55 · ack 14:55 · declared 15:01 · mitigated 15:36 · resolved 16:00');
	expect(milestoneLine(resolved.milestones, now, 80)).toBe('impact 14:54 · det 14:55 · ack 14:55 · decl 15:01 · mitig 15:36 · res 16:00');
});

it('keeps every milestone in view at 80 columns after midnight: the dates go before the labels do', () => {
	const overnight = {
		impact: '2026-11-25T22:54:00.000Z',
		detected: '2026-11-25T22:56:00.000Z',
		acknowledged: '2026-11-25T22:59:00.000Z',
		declared: '2026-11-25T23:02:00.000Z',
		mitigated: '2026-11-25T23:37:00.000Z',
		resolved: '2026-11-26T00:01:00.000Z',
	};
	const now = new Date('2026-11-26T00:06:00Z');
	expect(milestoneLine(overnight, now, 90)).toBe('impact 11-25 22:54 · det 22:56 · ack 22:59 · decl 23:02 · mitig 23:37 · res 00:01');
	expect(milestoneLine(overnight, now, 80)).toBe('impact 22:54 · det 22:56 · ack 22:59 · decl 23:02 · mitig 23:37 · res 00:01');
});
