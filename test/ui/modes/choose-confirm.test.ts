import {describe, expect, it} from 'vitest';
import {CLOSE_STEP} from '../../../source/ui/wizard-steps.js';
import type {ChoicePurpose} from '../../../source/ui/live-state.js';
import {AT, drive, inMode, RAW} from '../../helpers/live-keys.js';

// Choosing one of a few options, and confirming an undo.

const choosing = (purpose: ChoicePurpose) => inMode({name: 'choose', purpose, index: 0, pressedAt: AT});

describe('choose mode', () => {
	it.each([
		['a number', ['2'], 'identified'],
		['the first letter', ['m'], 'monitoring'],
		['an upper-case first letter', ['I'], 'investigating'],
		['the arrows and Enter', [RAW.down, RAW.down, RAW.up, RAW.enter], 'identified'],
		['Up from the first option, wrapping to the last but one', [RAW.up, RAW.up, RAW.enter], 'monitoring'],
	])('picks a status with %s, timed at the key that opened the choice', (_how, keys, status) => {
		expect(drive(choosing({kind: 'status'}), keys)).toMatchObject({ui: {mode: {name: 'browse'}}, effects: [{type: 'record', event: {type: 'status.changed', status}, at: AT}]});
	});

	it('sends Resolved through the wizard close step (the golden rule), writing nothing yet', () => {
		expect(drive(choosing({kind: 'status'}), ['4'])).toMatchObject({ui: {mode: {name: 'wizard', step: CLOSE_STEP}}, effects: []});
	});

	it('sets the severity', () => {
		expect(drive(choosing({kind: 'severity'}), [RAW.down, RAW.down, RAW.enter]).effect).toEqual({type: 'record', event: {type: 'severity.changed', severity: 3}, at: AT});
	});

	it('asks for the evidence after a result, and for the handle after a role', () => {
		const target = {hypothesisId: 'h1', ref: 'H1', statement: 'DNS', chosenAs: 'selected'} as const;
		expect(drive(choosing({kind: 'result', ...target}), ['r']).ui.mode).toEqual({name: 'text', purpose: {kind: 'evidence', result: 'ruled-out', ...target}, value: '', pressedAt: AT});
		expect(drive(choosing({kind: 'role'}), ['2']).ui.mode).toEqual({name: 'text', purpose: {kind: 'role-handle', role: 'scribe'}, value: '', pressedAt: AT});
	});

	it('ignores a key that names no option, and cancels with Esc', () => {
		expect(drive(choosing({kind: 'status'}), ['9', 'z']).ui.mode.name).toBe('choose');
		expect(drive(choosing({kind: 'status'}), [RAW.escape]).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'cancelled'}});
	});
});

describe('confirm mode (undo)', () => {
	const confirming = inMode({name: 'confirm', targetId: 'e1', summary: 'note: wrong turn'});

	it.each(['y', 'Y'])('%s writes a retraction of the event, at the key press', key => {
		expect(drive(confirming, [key])).toMatchObject({ui: {mode: {name: 'browse'}}, effects: [{type: 'record', event: {type: 'event.retracted', target: 'e1'}, at: AT}]});
	});

	it.each(['n', 'N', RAW.escape])('%j keeps the event', key => {
		expect(drive(confirming, [key])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'kept; nothing undone'}}, effects: []});
	});

	it('waits for y or n', () => {
		expect(drive(confirming, ['x', RAW.enter, ' ']).ui.mode.name).toBe('confirm');
	});
});
