import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {aliceRepo} from '../helpers/e2e-repo.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {skipWithout} from '../helpers/requirements.js';
import {LAUNCHER_PATH, runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hasTmux, TmuxSession, waitUntil} from '../helpers/tmux.js';

// bin/incident-tui runs `run -- CMD` on a terminal without waiting for Node:
// util-linux script takes the launcher's place, and dist/run-recorder.js,
// started beside it, logs the run once the command has ended (ARCHITECTURE.md
// "Running a command"). The log line may come after the shell's prompt, so
// these tests wait for the journal, not for the line.

let repo: string;
let configDir: string;
/** The launcher's TMPDIR, where its FIFOs live until the recorder removes them. */
let temporary: string;
let session: TmuxSession | undefined;

beforeEach(() => {
	({repo, configDir} = aliceRepo());
	temporary = makeTempDir();
});
afterEach(() => session?.close());

const open = () => {
	expect(runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir}).code).toBe(0);
	return onlyIncidentId(repo);
};
const commandEvents = (id: string) => journalLines(repo, id).filter(line => line['type'] === 'command.run');
const evidenceOf = (id: string, event: Record<string, unknown>) => readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(event['evidence'])), 'utf8');

function launch(args: string[], env: Record<string, string> = {}): TmuxSession {
	const assignments = Object.entries({TMPDIR: temporary, ...env}).map(([name, value]) => `${name}=${value}`);
	session = new TmuxSession({cwd: repo, configDir, launcher: ['env', ...assignments], program: [LAUNCHER_PATH], args});
	return session;
}

/** The launcher's process: the pane's shell runs it (as script, once it has taken the launcher's place). */
function launcherPid(terminal: TmuxSession): number {
	return Number(execFileSync('pgrep', ['-P', String(terminal.panePid())], {encoding: 'utf8'}).trim().split('\n')[0]);
}

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('bin/incident-tui run on a terminal (tmux)', () => {
	it('passes the output and the exit code through, then logs the run with its masked output and leaves no FIFO behind', async () => {
		const id = open();
		const terminal = launch(['run', '--', 'sh', '-c', 'test -t 0 && test -t 1 && echo "is a tty"; echo "password=hunter2hunter2"; exit 3']);
		expect(await terminal.waitFor('[exit 3]')).toContain('is a tty');
		await waitUntil(() => commandEvents(id).length === 1 && readdirSync(temporary).length === 0, 'the run logged and its FIFOs removed');
		const [event] = commandEvents(id);
		expect(event).toMatchObject({exitCode: 3, author: 'alice', command: expect.stringMatching(/^sh -c 'test -t 0 .*password=\[masked\]/)});
		expect(event!['durationMs']).toEqual(expect.any(Number));
		expect(evidenceOf(id, event!)).toBe('is a tty\npassword=[masked]\n');
		await terminal.waitFor(`logged to ${id}: exit 3 after`);
	});

	it('hands each word to the command exactly as given', async () => {
		const id = open();
		const words = ['a b', "it's", '$HOME', '*', '\\', '', '"q"', '; echo injected'];
		const terminal = launch(['run', '--', 'printf', '<%s>', ...words]);
		expect(await terminal.waitFor('[exit 0]')).toContain(`<a b><it's><$HOME><*><\\><><"q"><; echo injected>`);
		await waitUntil(() => commandEvents(id).length === 1, 'the run logged');
		expect(commandEvents(id)[0]!['command']).toBe(`printf '<%s>' 'a b' 'it'\\''s' '$HOME' '*' '\\' '' '"q"' '; echo injected'`);
	});

	it('passes SIGTERM sent to it on to the command, and logs how the command ended', async () => {
		const id = open();
		const terminal = launch(['run', '--', 'sh', '-c', 'trap "echo got-term; exit 7" TERM; echo ready; while :; do sleep 0.05; done']);
		await terminal.waitFor('ready');
		process.kill(launcherPid(terminal), 'SIGTERM');
		expect(await terminal.waitFor('[exit 7]')).toContain('got-term');
		await waitUntil(() => commandEvents(id).length === 1, 'the run logged');
		expect(commandEvents(id)[0]).toMatchObject({exitCode: 7});
	});

	it('lets Ctrl-C interrupt the command, as it would without incident-tui', async () => {
		const id = open();
		const terminal = launch(['run', '--', 'sh', '-c', 'echo ready; exec sleep 600']);
		await terminal.waitFor('ready');
		await terminal.keys('C-c');
		await terminal.waitFor('[exit 130]');
		await waitUntil(() => commandEvents(id).length === 1, 'the run logged');
		expect(commandEvents(id)[0]).toMatchObject({exitCode: 130});
	});

	it('into a file, still lets Ctrl-C from the terminal end the command, and logs how it ended', async () => {
		const id = open();
		const output = join(makeTempDir(), 'out.txt');
		session = new TmuxSession({
			cwd: repo,
			configDir,
			launcher: ['env', `TMPDIR=${temporary}`, 'sh', '-c', 'exec "$@" >"$0"', output],
			program: [LAUNCHER_PATH],
			args: ['run', '--', 'sh', '-c', 'echo ready; exec sleep 600'],
		});
		await waitUntil(() => existsSync(output) && readFileSync(output, 'utf8').includes('ready'), 'the command started');
		await session.keys('C-c');
		await session.waitFor('[exit 130]');
		await waitUntil(() => commandEvents(id).length === 1, 'the run logged');
		expect(commandEvents(id)[0]).toMatchObject({exitCode: 130});
	});

	it('gives the command what the responder types', async () => {
		const id = open();
		const terminal = launch(['run', '--', 'sh', '-c', 'echo "type y to roll back"; read answer; echo "answer: $answer"']);
		await terminal.waitFor('type y to roll back');
		await terminal.text('y');
		await terminal.keys('Enter');
		expect(await terminal.waitFor('[exit 0]')).toContain('answer: y');
		await waitUntil(() => commandEvents(id).length === 1, 'the run logged');
	});

	it('runs the command with no open incident, and says so in one line', async () => {
		const terminal = launch(['run', '--', 'echo', 'rolled back']);
		const screen = await terminal.waitFor(/no open incident: the command ran but was not logged/);
		expect(screen).toContain('rolled back');
		expect(screen).toContain('[exit 0]');
	});

	it('reads the whole output even when it cannot log it, so a long output never stalls the command', async () => {
		open();
		// A broken test clock makes the recorder's setup fail at once; 1.1 MB of output is far more than a FIFO holds.
		const terminal = launch(['run', '--', 'seq', '1', '150000'], {INCIDENT_TUI_TEST_NOW: 'not-a-time'});
		const screen = await terminal.waitFor('[exit 0]');
		expect(screen).toContain('150000');
		await terminal.waitFor('INCIDENT_TUI_TEST_NOW="not-a-time" is not a time');
		await waitUntil(() => readdirSync(temporary).length === 0, 'its FIFOs removed');
	});
});
