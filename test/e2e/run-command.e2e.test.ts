import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {makeRepo} from '../helpers/git-repo.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {skipWithout} from '../helpers/requirements.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

// `incident-tui run` on a real terminal: the command must see a terminal
// (colours, progress bars), and its output's tail is still kept.

let repo: string;
let configDir: string;
let session: TmuxSession | undefined;

beforeEach(() => {
	repo = makeRepo();
	configDir = makeTempDir();
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
	expect(runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir}).code).toBe(0);
});
afterEach(() => session?.close());

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('incident-tui run in a real terminal (tmux)', () => {
	it('keeps the terminal a terminal for the command, passes its exit code, and keeps its output without escape sequences', async () => {
		const script = 'test -t 0 && test -t 1 && echo "is a tty"; printf "\\033[31mred alert\\033[0m\\n"; exit 4';
		session = new TmuxSession({cwd: repo, configDir, args: ['run', '--', 'sh', '-c', script]});
		const screen = await session.waitFor('[exit 4]');
		expect(screen).toContain('is a tty');
		const id = onlyIncidentId(repo);
		const [event] = journalLines(repo, id).filter(line => line['type'] === 'command.run');
		expect(event).toMatchObject({exitCode: 4});
		const evidence = readFileSync(join(repo, 'docs', 'incidents', id, 'evidence', String(event!['evidence'])), 'utf8');
		expect(evidence).toBe('is a tty\nred alert\n');
	});

	it('passes SIGTERM sent to incident-tui on to the command itself, which ends as it chooses', async () => {
		session = new TmuxSession({cwd: repo, configDir, args: ['run', '--', 'sh', '-c', 'trap "echo got-term; exit 7" TERM; echo ready; while :; do sleep 0.05; done']});
		await session.waitFor('ready');
		const incidentTui = Number(execFileSync('pgrep', ['-P', String(session.panePid())], {encoding: 'utf8'}).trim().split('\n')[0]);
		process.kill(incidentTui, 'SIGTERM');
		expect(await session.waitFor('[exit 7]')).toContain('got-term');
		const [event] = journalLines(repo, onlyIncidentId(repo)).filter(line => line['type'] === 'command.run');
		expect(event).toMatchObject({exitCode: 7});
	});
});
