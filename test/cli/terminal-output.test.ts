import {describe, expect, it} from 'vitest';
import {makeTempDir} from '../helpers/temp-dir.js';
import {runCli, runCliInTerminal} from '../helpers/run-cli.js';

// What the CLI prints comes partly from journals, remotes and files; on a
// terminal none of it may act as an escape sequence.

const HOSTILE_TITLE = 'Checkout \u001b]2;pwned\u0007 \u001b[31mred\u001b[0m \u202etxt.exe';

describe('command output', () => {
	it('is display-safe on a terminal and exact into a pipe', () => {
		const cwd = makeTempDir();
		const configDir = makeTempDir();
		expect(runCli(['new', HOSTILE_TITLE, '--sev', '2'], {cwd, configDir}).code).toBe(0);

		const onTerminal = runCliInTerminal(['list'], {cwd, configDir});
		expect(onTerminal.code).toBe(0);
		expect(onTerminal.stdout).toContain('Checkout');
		expect(onTerminal.stdout).not.toMatch(/[\u001b\u0007\u202e]/);

		const piped = runCli(['list', '--json'], {cwd, configDir});
		expect(JSON.parse(piped.stdout)[0].title).toBe(HOSTILE_TITLE);
	});
});
