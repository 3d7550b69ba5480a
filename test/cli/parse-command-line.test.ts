import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../source/cli/parse-command-line.js';
import {commandHelp} from '../../source/cli/help-text.js';
import {findCommand} from '../../source/cli/commands-table.js';

// A flag may mean something else for one command (commands-table.ts `ownFlags`):
// `listen --open SEV` takes a severity where `actions --open` is a switch.

describe('a command\'s own flags', () => {
	it('listen --open takes a value, written either way', () => {
		expect(parseCommandLine(['listen', '--open', '2'])).toEqual({action: 'run', command: 'listen', args: [], flags: {open: '2'}});
		expect(parseCommandLine(['listen', '--open=sev-1', '--port', '0'])).toEqual({action: 'run', command: 'listen', args: [], flags: {open: 'sev-1', port: '0'}});
	});

	it('listen --open without a value is refused in one line', () => {
		expect(() => parseCommandLine(['listen', '--open'])).toThrow('--open needs a value: --open SEV');
	});

	it('actions --open stays a switch, and its next word stays an argument', () => {
		expect(parseCommandLine(['actions', '--open', '--json'])).toEqual({action: 'run', command: 'actions', args: [], flags: {open: true, json: true}});
		expect(parseCommandLine(['actions', '--open', 'done', '2026-11-25-01#1'])).toEqual({action: 'run', command: 'actions', args: ['done', '2026-11-25-01#1'], flags: {open: true}});
	});

	it('each command\'s help describes its own meaning', () => {
		expect(commandHelp(findCommand('listen')!)).toMatch(/--open SEV +with no open incident, the first firing alert opens one/);
		expect(commandHelp(findCommand('actions')!)).toMatch(/--open +only actions still open/);
	});
});
