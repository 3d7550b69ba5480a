import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {git, makeRepo} from '../helpers/git-repo.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {CLI_PATH, LAUNCHER_PATH, runCli, type CliRun} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `incident-tui run` with real processes, its output into a pipe (the tee
// path); test/e2e/run-command.e2e.test.ts runs it on a terminal.

let repo: string;
let configDir: string;
const cli = (...args: string[]): CliRun => runCli(args, {cwd: repo, configDir});

beforeEach(() => {
	repo = makeRepo();
	configDir = makeTempDir();
	expect(cli('config', 'set', 'handle', 'alice').code).toBe(0);
});

const open = () => {
	expect(cli('new', 'Checkout 5xx', '--sev', '1').code).toBe(0);
	return onlyIncidentId(repo);
};

const commandEvents = (id: string) => journalLines(repo, id).filter(line => line['type'] === 'command.run');

function filesUnder(dir: string): string[] {
	return readdirSync(dir, {recursive: true, encoding: 'utf8'})
		.map(name => join(dir, name))
		.filter(path => !path.includes(`${join(repo, '.git')}`) && existsSync(path) && !readdirSafe(path));
}
const readdirSafe = (path: string) => {
	try {
		readdirSync(path);
		return true;
	} catch {
		return false;
	}
};

/** `run` of a command that traps SIGTERM, sent SIGTERM once it is ready: the command's trap must answer (exit 7). */
async function expectSigtermReachesCommand([program, ...programArgs]: string[], env: Record<string, string>): Promise<void> {
	const child = spawn(program!, [...programArgs, 'run', '--', 'sh', '-c', 'trap "echo got-term; exit 7" TERM; echo ready; while :; do sleep 0.05; done'], {
		cwd: repo,
		env: {...process.env, INCIDENT_TUI_CONFIG_DIR: configDir, ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let sent = false;
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		// Once: a second SIGTERM after the command ended would end incident-tui itself, as it should.
		if (stdout.includes('ready') && !sent) sent = child.kill('SIGTERM');
	});
	// Closed stdio: the launcher's recorder, which holds the same stderr, has logged the run by then.
	const [code] = (await once(child, 'close')) as [number];
	expect(stdout).toContain('got-term');
	expect(code).toBe(7);
}

describe('incident-tui run', () => {
	it('passes the output and the exit code through, and logs the command with its times and exit code', () => {
		const id = open();
		const ran = cli('run', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3');
		expect(ran.code).toBe(3);
		expect(ran.stdout).toBe('out\n');
		expect(ran.stderr).toContain('err\n');
		expect(ran.stderr).toMatch(new RegExp(`logged to ${id}: exit 3 after`));
		const [event] = commandEvents(id);
		expect(event).toMatchObject({command: "sh -c 'echo out; echo err >&2; exit 3'", exitCode: 3, author: 'alice'});
		expect(event!['durationMs']).toEqual(expect.any(Number));
		const evidence = readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(event!['evidence'])), 'utf8');
		expect(evidence.split('\n').sort()).toEqual(['', 'err', 'out']);
	});

	it('reports a command killed by a signal as a shell does: 128 + its number', () => {
		const id = open();
		expect(cli('run', '--', 'sh', '-c', 'kill -TERM $$').code).toBe(143);
		expect(cli('run', '--', 'sh', '-c', 'kill -KILL $$').code).toBe(137);
		expect(commandEvents(id).map(event => event['exitCode'])).toEqual([143, 137]);
	});

	it('passes SIGTERM sent to incident-tui on to the command', async () => {
		const id = open();
		await expectSigtermReachesCommand([process.execPath, CLI_PATH], {});
		expect(commandEvents(id)).toEqual([expect.objectContaining({exitCode: 7})]);
	});

	it('runs the command when no incident is open, and says so in one line', () => {
		const marker = join(repo, 'ran');
		const ran = cli('run', '--', 'touch', marker);
		expect(ran.code).toBe(0);
		expect(existsSync(marker)).toBe(true);
		expect(ran.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no open incident: the command ran but was not logged/)]);
	});

	it('refuses a mistyped --id before running anything', () => {
		open();
		const marker = join(repo, 'ran');
		const ran = cli('run', '--id', '2026-01-01-09', '--', 'touch', marker);
		expect(ran.code).toBe(1);
		expect(existsSync(marker)).toBe(false);
	});

	it('keeps only the tail of a long output, cut at a line start', () => {
		const id = open();
		// 100,000 numbered lines, about 590 KB (under the test helper's 1 MB buffer).
		const ran = cli('run', '--', 'seq', '1', '100000');
		expect(ran.code).toBe(0);
		expect(ran.stdout.endsWith('99999\n100000\n')).toBe(true);
		const evidence = readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(commandEvents(id)[0]!['evidence'])), 'utf8');
		expect(Buffer.byteLength(evidence)).toBeLessThanOrEqual(64 * 1024 + 200);
		const [note, first, ...rest] = evidence.split('\n');
		expect(note).toMatch(/^\[output cut: the command wrote \d+ bytes/);
		// Whole lines only, ending with the last one.
		expect(Number(first) + rest.filter(Boolean).length).toBe(100000);
		expect(rest.at(-2)).toBe('100000');
	});

	it('masks secrets in the output and the command line before writing anything', () => {
		const id = open();
		const token = 'ghp_' + 'Z'.repeat(36);
		const script = [
			'echo "Authorization: Bearer s3cr3tBearerValue"',
			'echo "password=hunter2hunter2"',
			'echo "aws key AKIAABCDEFGHIJKLMNOP"',
			`echo "token ${token}"`,
			'printf -- "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----\\n"',
		].join('; ');
		const ran = cli('run', '--', 'sh', '-c', script, 'password=fromTheCommandLine');
		expect(ran.code).toBe(0);
		expect(ran.stdout).toContain('hunter2hunter2');
		const secrets = ['s3cr3tBearerValue', 'hunter2hunter2', 'AKIAABCDEFGHIJKLMNOP', token, 'b3BlbnNzaC1rZXktdjEAAAAA', 'fromTheCommandLine'];
		for (const file of filesUnder(repo)) {
			const text = readFileSync(file, 'utf8');
			for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
		}
		const evidence = readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(commandEvents(id)[0]!['evidence'])), 'utf8');
		expect(evidence).toContain('Authorization: [masked]');
		expect(evidence).toContain('password=[masked]');
	});

	it('masks with the patterns of the secretPatterns setting', () => {
		const id = open();
		expect(cli('config', 'set', 'secretPatterns', '["internal-[0-9]+"]').code).toBe(0);
		expect(cli('config', 'set', 'secretPatterns', '["("]')).toMatchObject({code: 1, stderr: expect.stringContaining('secretPatterns')});
		cli('run', '--', 'echo', 'internal-12345', 'password=visible');
		const evidence = readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(commandEvents(id)[0]!['evidence'])), 'utf8');
		expect(evidence).toBe('[masked] password=visible\n');
	});

	it('publish commits the evidence files with the report that links them', () => {
		const id = open();
		cli('run', '--', 'echo', 'rolled back');
		const file = String(commandEvents(id)[0]!['evidence']);
		expect(cli('publish').code).toBe(0);
		expect(git(repo, 'ls-files', `docs/incidents/${id}/evidence`).trim()).toBe(`docs/incidents/${id}/evidence/${file}`);
		const report = readdirSync(join(repo, 'docs', 'incidents')).find(name => name.endsWith('.md'))!;
		expect(readFileSync(join(repo, 'docs', 'incidents', report), 'utf8')).toContain(`[output](${id}/evidence/${file})`);
	});

	it('says a missing program is not found, with the shell\'s 127, and logs it', () => {
		const id = open();
		const ran = cli('run', '--', 'no-such-program-here');
		expect(ran).toMatchObject({code: 127, stderr: expect.stringContaining('no-such-program-here: command not found')});
		expect(commandEvents(id)).toEqual([expect.objectContaining({exitCode: 127})]);
	});

	describe('through bin/incident-tui (the installed command), which runs it without waiting for Node', () => {
		const launch = (...args: string[]) =>
			spawnSync(LAUNCHER_PATH, ['run', '--', ...args], {cwd: repo, encoding: 'utf8', env: {...process.env, INCIDENT_TUI_CONFIG_DIR: configDir, TMPDIR: temporary}, stdio: ['ignore', 'pipe', 'pipe']});
		let temporary: string;
		beforeEach(() => {
			temporary = makeTempDir();
		});

		it('tees each stream to where it was going, passes the exit code, logs the run with its masked output, and leaves no FIFO', () => {
			const id = open();
			// The recorder writes to the same stderr, so the run returns once it is done.
			const ran = launch('sh', '-c', 'echo out; echo err >&2; echo password=hunter2hunter2; exit 3');
			expect(ran).toMatchObject({status: 3, stdout: 'out\npassword=hunter2hunter2\n'});
			expect(ran.stderr).toContain('err\n');
			expect(ran.stderr).toMatch(new RegExp(`logged to ${id}: exit 3 after`));
			const [event] = commandEvents(id);
			expect(event).toMatchObject({command: "sh -c 'echo out; echo err >&2; echo password=[masked] exit 3'", exitCode: 3, author: 'alice'});
			const evidence = readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(event!['evidence'])), 'utf8');
			expect(evidence.split('\n').sort()).toEqual(['', 'err', 'out', 'password=[masked]']);
			expect(readdirSync(temporary)).toEqual([]);
		});

		it('passes SIGTERM sent to it on to the command', async () => {
			const id = open();
			await expectSigtermReachesCommand([LAUNCHER_PATH], {TMPDIR: temporary});
			expect(commandEvents(id)).toEqual([expect.objectContaining({exitCode: 7})]);
		});

		it('runs the command when no incident is open, and says so in one line', () => {
			const ran = launch('echo', 'rolled back');
			expect(ran).toMatchObject({status: 0, stdout: 'rolled back\n'});
			expect(ran.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no open incident: the command ran but was not logged/)]);
		});
	});
});
