import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
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

		mkdirSync(join(cwd, 'docs', 'templates'), {recursive: true});
		writeFileSync(join(cwd, 'docs', 'templates', 'hostile.md'), '# {{incident.id}} \u001b]52;c;cHduZWQ=\u0007\u001b[2J\n');
		for (const args of [['list'], ['list', '--json'], ['report', '--template', 'hostile', '--stdout']]) {
			const onTerminal = runCliInTerminal(args, {cwd, configDir});
			expect(onTerminal.code, args.join(' ')).toBe(0);
			expect(onTerminal.stdout, args.join(' ')).not.toMatch(/[\u001b\u0007\u202e]/);
		}

		const piped = runCli(['list', '--json'], {cwd, configDir});
		expect(JSON.parse(piped.stdout)[0].title).toBe(HOSTILE_TITLE);
	});
});
