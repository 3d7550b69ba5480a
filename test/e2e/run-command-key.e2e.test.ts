import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {skipWithout} from '../helpers/requirements.js';
import {runCli} from '../helpers/run-cli.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';
import {aliceRepo} from '../helpers/e2e-repo.js';

// `!` on the live screen in a real terminal: the screen steps aside, the
// command runs in the terminal as under `incident-tui run`, and Enter brings
// the screen back with keys working.

let repo: string;
let configDir: string;
let session: TmuxSession | undefined;

beforeEach(() => {
	({repo, configDir} = aliceRepo());
	runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir});
});
afterEach(() => session?.close());

/** The live screen, with `line` run through `!`: returns the terminal at "Press Enter to return". */
async function runFromScreen(line: string): Promise<{tmux: TmuxSession; shown: string}> {
	session = new TmuxSession({cwd: repo, configDir});
	const tmux = session;
	await tmux.waitFor('Checkout 5xx');
	await tmux.waitForRawMode();
	await tmux.keys('!');
	await tmux.waitFor('Command to run');
	await tmux.text(line);
	await tmux.keys('Enter');
	return {tmux, shown: await tmux.waitFor('Press Enter to return')};
}

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('! on the live screen (tmux)', () => {
	it('runs a command line in the terminal, logs it with its exit code and output, and comes back at Enter', async () => {
		const {tmux, shown} = await runFromScreen("sh -c 'echo hi; exit 3'");
		expect(shown).toMatch(/^hi$/m);
		expect(shown).toContain('exit 3');

		const incidentId = onlyIncidentId(repo);
		const run = journalLines(repo, incidentId).find(event => event['type'] === 'command.run');
		expect(run).toMatchObject({command: "sh -c 'echo hi; exit 3'", exitCode: 3});
		expect(readFileSync(join(repo, 'docs', 'incidents', incidentId, 'evidence', String(run!['evidence'])), 'utf8')).toContain('hi');

		await tmux.keys('Enter');
		await tmux.waitFor('Detection & Triage');
		await tmux.waitForRawMode();
		// Keys work again on the screen drawn afresh.
		await tmux.keys('n');
		await tmux.waitFor('Note');
		await tmux.text('back from the command');
		await tmux.keys('Enter');
		await tmux.waitFor('Logged note');
		expect(journalLines(repo, incidentId).map(event => event['type'])).toContain('note.logged');
	});

	it('quits at Ctrl-C after the command, as on the screen, without waiting for Enter', async () => {
		const {tmux} = await runFromScreen('echo done');
		await tmux.keys('C-c');
		await tmux.waitFor('[exit 0]');
		expect(journalLines(repo, onlyIncidentId(repo)).filter(event => event['type'] === 'command.run')).toHaveLength(1);
	});
});
