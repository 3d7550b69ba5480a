import {describe, expect, it} from 'vitest';
import {drive, inMode, RAW} from '../../helpers/live-keys.js';

// `!` on the live screen: a prompt for the command line; Enter hands it to the
// controller, which leaves the screen to it (test/e2e/run-command-key.e2e.test.ts).

describe('! runs a command line', () => {
	it('asks for the line and hands it over whole at Enter, @ and all', () => {
		const {ui, effects} = drive(inMode({name: 'browse'}), ['!', {typed: "curl -s -H 'Host: @api' http://x"}, RAW.enter]);
		expect(ui.mode.name).toBe('browse');
		expect(effects).toEqual([{type: 'run-command', line: "curl -s -H 'Host: @api' http://x"}]);
	});

	it('runs nothing for an empty line, and says so', () => {
		expect(drive(inMode({name: 'browse'}), ['!', '  ', RAW.enter])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'no command given; nothing run'}}, effects: []});
	});

	it('cancels with Esc', () => {
		expect(drive(inMode({name: 'browse'}), ['!', 'ls', RAW.escape])).toMatchObject({ui: {mode: {name: 'browse'}}, effects: []});
	});
});
