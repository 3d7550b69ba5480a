import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/cli/commands-table.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {CLI_PATH, runCli, type CliRun} from '../helpers/run-cli.js';

let repo: string;
let configDir: string;
const cli = (...args: string[]): CliRun => runCli(args, {cwd: repo, configDir});
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

beforeEach(() => {
	repo = makeTempDir();
	configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
});

describe('help and version', () => {
	it.each([['-h'], ['--help'], ['help']])('`%s` lists every command, on stdout, exit 0', flag => {
		const run = cli(flag);
		expect(run).toMatchObject({code: 0, stderr: ''});
		for (const command of COMMANDS) expect(run.stdout).toContain(`incident-tui ${command.usage}`);
	});

	it.each([['-v'], ['--version']])('`%s` prints the version', flag => {
		expect(cli(flag)).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
	});

	it('`COMMAND --help` prints that command\'s own usage, options and examples, for every command', () => {
		for (const command of COMMANDS) {
			const run = cli(command.name, '--help');
			expect(run).toMatchObject({code: 0, stderr: ''});
			expect(run.stdout.split('\n')[0]).toBe(`Usage: incident-tui ${command.usage}`);
			for (const flag of command.flags) expect(run.stdout).toContain(`--${flag}`);
			for (const example of command.examples) expect(run.stdout).toContain(example);
		}
	});

	it('`help COMMAND` and `COMMAND -h` print the same as `COMMAND --help`', () => {
		const own = cli('log', '--help').stdout;
		expect(own).toContain('incident-tui log -- "-5 pods after the scale-down"');
		expect(cli('help', 'log').stdout).toBe(own);
		expect(cli('log', '-h').stdout).toBe(own);
	});
});

describe('mistakes on the command line: one line, exit 1', () => {
	it.each([
		[['frobnicate'], `unknown command "frobnicate"; commands are ${COMMANDS.map(command => command.name).join(', ')} (see incident-tui --help)`],
		[['help', 'frobnicate'], `unknown command "frobnicate"; commands are ${COMMANDS.map(command => command.name).join(', ')} (see incident-tui --help)`],
		[['list', '--sev', '1'], 'list does not take --sev (see incident-tui list --help)'],
		[['new', 'x', '--sev'], '--sev needs a value: --sev N (see incident-tui new --help)'],
		[['new', 'x', '--sev', '--json'], '--sev needs a value: --sev N (for a value starting with -, write --sev=--json)'],
		[['list', '--json=yes'], '--json takes no value (see incident-tui list --help)'],
		[['log', 'x', '--constructor'], 'unknown option --constructor (see incident-tui log --help)'],
		[['log', '-hotfix deployed'], 'unknown option -hotfix deployed (see incident-tui log --help; text starting with - goes after --: incident-tui log -- "-hotfix deployed")'],
		[['frobnicate', '--help'], `unknown command "frobnicate"; commands are ${COMMANDS.map(command => command.name).join(', ')} (see incident-tui --help)`],
		[['completion', 'tcsh'], 'name a shell: incident-tui completion bash|zsh|fish (see incident-tui completion --help)'],
	])('%j', (args, message) => {
		expect(cli(...args)).toEqual({code: 1, stdout: '', stderr: `incident-tui: ${message}\n`});
	});

	it('the unknown-command message names join, which it used to leave out', () => {
		expect(cli('joni').stderr).toMatch(/commands are .*\bjoin\b/);
	});
});

describe('shell completion', () => {
	let bin: string;

	beforeEach(() => {
		cli('config', 'set', 'handle', 'alice');
		cli('new', 'First', '--sev', '2');
		cli('new', 'Second', '--sev', '1');
		mkdirSync(join(repo, 'docs', 'templates'), {recursive: true});
		writeFileSync(join(repo, 'docs', 'templates', 'our-review.md'), '# {{incident.title}}\n');
		writeFileSync(join(repo, 'timeline.txt'), '14:51 pager\n');
		// The completion script calls `incident-tui` back by name, as it would be on PATH.
		bin = makeTempDir();
		writeFileSync(join(bin, 'incident-tui'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`, {mode: 0o755});
	});

	/** What bash offers for the last word of `line` (TAB pressed at its end). */
	function bashOffers(...lines: string[]): string[] {
		const calls = lines.map(line => {
			const words = line.split(' ').map(word => `'${word}'`);
			return `COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _incident_tui; echo "\${COMPREPLY[*]}"`;
		});
		const result = spawnSync('bash', ['--norc', '-c', ['source <(incident-tui completion bash)', ...calls].join('\n')], {
			cwd: repo,
			encoding: 'utf8',
			env: {...process.env, PATH: `${bin}:${process.env['PATH']}`, INCIDENT_TUI_CONFIG_DIR: configDir},
		});
		expect(result.stderr).toBe('');
		return result.stdout.trimEnd().split('\n');
	}

	it('bash completes commands, flags, flag values, incident IDs, templates and settings', () => {
		const [first, second] = JSON.parse(cli('list', '--json').stdout).map((incident: {id: string}) => incident.id) as string[];
		expect(
			bashOffers(
				'incident-tui ',
				'incident-tui j',
				'incident-tui log --',
				'incident-tui log --kind m',
				'incident-tui new x --sev ',
				'incident-tui report ',
				'incident-tui log --id ',
				'incident-tui --dir docs publish ',
				'incident-tui report --template our',
				'incident-tui config set inc',
				'incident-tui assign ',
				'incident-tui import time',
				'incident-tui help upd',
			),
		).toEqual([
			COMMANDS.map(command => command.name).join(' '),
			'join',
			'--kind --at --by --id --dir --help --version',
			'mitigation',
			'1 2 3',
			`${first} ${second}`,
			`${first} ${second}`,
			`${first} ${second}`,
			'our-review',
			'incidentsDir',
			'commander scribe comms',
			'timeline.txt',
			'update',
		]);
	});

	it('zsh and fish scripts are printed (and parse, where those shells are installed)', () => {
		const zsh = cli('completion', 'zsh');
		expect(zsh).toMatchObject({code: 0, stderr: ''});
		expect(zsh.stdout).toContain('bashcompinit');
		expect(zsh.stdout).toContain('complete -F _incident_tui incident-tui');
		const fish = cli('completion', 'fish');
		expect(fish).toMatchObject({code: 0, stderr: ''});
		for (const command of COMMANDS) expect(fish.stdout).toContain(`-a ${command.name} -d `);
		expect(fish.stdout).toContain("-l id -r -a '(incident-tui completion ids 2>/dev/null)'");
		for (const [shell, script] of [['zsh', zsh.stdout], ['fish', fish.stdout]] as const) {
			if (spawnSync(shell, ['--version']).error) continue;
			const file = join(makeTempDir(), `completion.${shell}`);
			writeFileSync(file, script);
			expect(spawnSync(shell, ['-n', file], {encoding: 'utf8'}).stderr).toBe('');
		}
	});

	it('the callbacks list incident IDs newest first and the template names', () => {
		const ids = cli('completion', 'ids').stdout.trim().split('\n');
		expect(ids).toHaveLength(2);
		expect(ids[0]! > ids[1]!).toBe(true);
		expect(cli('completion', 'templates').stdout.split('\n')).toContain('our-review');
	});
});
