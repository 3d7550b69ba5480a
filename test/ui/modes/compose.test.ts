import {describe, expect, it} from 'vitest';
import {AT, drive, inMode, RAW} from '../../helpers/live-keys.js';

// The stakeholder update: edited at the end, sent with Enter.

const composing = (value: string) => inMode({name: 'compose', value, pressedAt: AT});

describe('compose mode', () => {
	it('adds text and new lines (Ctrl-J), trims with Backspace, and sends the whole update', () => {
		const {ui, effects} = drive(composing('[SEV-1] Update.'), [RAW.backspace, RAW.ctrlJ, {typed: 'Next: 03:30'}, RAW.enter]);
		expect(ui).toMatchObject({mode: {name: 'browse'}, sentUpdate: '[SEV-1] Update\nNext: 03:30'});
		expect(effects).toEqual([{type: 'send-update', text: '[SEV-1] Update\nNext: 03:30', at: AT}]);
	});

	it('does not send an empty update', () => {
		expect(drive(composing('draft'), [RAW.ctrlU, RAW.enter])).toMatchObject({ui: {mode: {name: 'compose', value: ''}}, effects: []});
	});

	it('drops the update with Esc', () => {
		expect(drive(composing('draft'), [RAW.escape])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'update not sent'}}, effects: []});
	});
});
