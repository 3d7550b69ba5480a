import {describe, expect, it} from 'vitest';
import type {ListedChange} from '../../../source/commands/recent-changes.js';
import {AT, drive, inMode, RAW} from '../../helpers/live-keys.js';

// `C` on the live screen: the recent changes are read (the controller's
// effect), then picked one at a time into the timeline at their commit time.

const change = (hash: string, at: string, picked = false): ListedChange => ({
	kind: 'commit',
	hash,
	author: 'alice',
	subject: `deploy ${hash.slice(0, 4)}`,
	at,
	repository: 'api',
	picked,
});
const CHANGES = [change('b'.repeat(40), '2026-11-23T02:40:00.000Z'), change('a'.repeat(40), '2026-11-23T02:10:00.000Z', true)];
const choosingChanges = () => inMode({name: 'choose', purpose: {kind: 'change', changes: CHANGES}, index: 0, pressedAt: AT});

describe('C: recent changes into the timeline', () => {
	it('asks the controller to read the changes, and says so', () => {
		expect(drive(inMode({name: 'browse'}), ['C'])).toMatchObject({ui: {message: {text: 'reading recent changes…'}}, effects: [{type: 'list-changes'}]});
	});

	it('adds the selected change as a change event at its commit time, logged at Enter', () => {
		const later = new Date(AT.getTime() + 5000);
		const {ui, effects} = drive(choosingChanges(), [RAW.enter], undefined, later);
		expect(ui.mode.name).toBe('browse');
		expect(effects).toEqual([
			{
				type: 'record',
				event: {type: 'change.recorded', change: 'commit', hash: 'b'.repeat(40), commitAuthor: 'alice', subject: 'deploy bbbb', repository: 'api'},
				at: new Date('2026-11-23T02:40:00.000Z'),
				loggedAt: later,
			},
		]);
	});

	it('adds nothing for a change already in the timeline, and says so', () => {
		expect(drive(choosingChanges(), [RAW.down, RAW.enter])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'aaaaaaa is in the timeline already; nothing added'}}, effects: []});
	});

	it('picks by number, not by a letter of the date', () => {
		expect(drive(choosingChanges(), ['2']).ui.mode.name).toBe('browse');
		expect(drive(choosingChanges(), ['*']).ui.mode.name).toBe('choose');
	});

	it('cancels with Esc, logging nothing', () => {
		expect(drive(choosingChanges(), [RAW.escape])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'cancelled'}}, effects: []});
	});
});
