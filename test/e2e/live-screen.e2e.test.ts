import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {skipWithout} from '../helpers/requirements.js';
import {hasTmux, isRunning, TmuxSession, waitUntil} from '../helpers/tmux.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {aliceRepo} from '../helpers/e2e-repo.js';

let repo: string;
let configDir: string;
let session: TmuxSession | undefined;

function journal(): Record<string, unknown>[] {
	return journalLines(repo, onlyIncidentId(repo)).sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}

beforeEach(() => {
	({repo, configDir} = aliceRepo());
});
afterEach(() => session?.close());

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('the live screen in a real terminal (tmux)', () => {
	it('runs an incident from the keyboard alone', async () => {
		session = new TmuxSession({cwd: repo, configDir});
		const tmux = session;
		await tmux.waitFor('Title ›');
		await tmux.waitForRawMode();
		await tmux.text('Checkout 5xx after deploy');
		await tmux.keys('Enter');
		await tmux.keys('1');
		await tmux.waitFor('Commander › alice');
		await tmux.keys('Enter');
		await tmux.waitFor('Detection & Triage 0/8');

		await tmux.keys('Space');
		await tmux.keys('Down');
		await tmux.keys('Space');
		await tmux.waitFor('Detection & Triage 2/8');

		// Fifty characters as fast as tmux sends them, one key each: all must arrive.
		const fifty = 'rolled back v143 to v142; 5xx falling off quickly';
		await tmux.keys('m');
		await tmux.keys(...Array.from(fifty));
		await tmux.keys('Enter');
		await tmux.waitFor('Logged mitigation');

		await tmux.keys('h');
		await tmux.text('connection pool exhausted');
		await tmux.keys('Enter');
		await tmux.waitFor('How will you test it');
		await tmux.text('pool metrics');
		await tmux.keys('Enter');
		await tmux.waitFor('testing connection pool');
		// Keys sent in a row can reach the app as one chunk, whose rest is text: wait for each prompt.
		await tmux.keys('r');
		await tmux.waitFor('Result for H1: connection pool exhausted');
		await tmux.keys('c');
		await tmux.waitFor('Evidence (confirmed)');
		await tmux.text('pool at 100%');
		await tmux.keys('Enter');
		await tmux.waitFor('✔ confirmed connection pool');

		await tmux.keys('n');
		await tmux.text('typo note');
		await tmux.keys('Enter');
		await tmux.waitFor('typo note');
		await tmux.keys('u');
		await tmux.waitFor('Undo "note: typo note"? y/n');
		await tmux.keys('y');
		await tmux.waitFor('Undone');

		expect(runCli(['log', 'bob: paged the DB team', '--kind', 'escalation'], {cwd: repo, configDir}).code).toBe(0);
		await tmux.waitFor('bob: paged the DB team', 2000);

		const screen = tmux.screen();
		expect(screen).not.toContain('typo note');
		expect(screen).toContain(fifty.slice(0, 30));

		await tmux.keys('q');
		// The pane prints the terminal's mode just after the exit code: wait for both.
		await tmux.waitFor(/\[exit 0\][\s\S]*\[tty icanon\]/);

		const events = journal();
		expect(events.map(e => e['type'])).toEqual([
			'incident.opened',
			'checklist.ticked',
			'checklist.ticked',
			'note.logged',
			'hypothesis.added',
			'hypothesis.resolved',
			'note.logged',
			'event.retracted',
			'note.logged',
		]);
		expect(events[1]).toMatchObject({item: 'detection-and-triage/acknowledge'});
		expect(events[3]).toMatchObject({kind: 'mitigation', text: fifty});
		expect(events[5]).toMatchObject({result: 'confirmed', evidence: 'pool at 100%', hypothesis: events[4]!['id']});
		expect(events[7]).toMatchObject({target: events[6]!['id']});
	});

	it('closes an incident through the wizard and finds the report committed', async () => {
		execFileSync('git', ['config', 'user.name', 'Alice Example'], {cwd: repo});
		execFileSync('git', ['config', 'user.email', 'alice@example.com'], {cwd: repo});
		execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'Initial commit'], {cwd: repo});
		runCli(['new', 'Queue stuck', '--sev', '2'], {cwd: repo, configDir});
		runCli(['log', 'restarted the worker', '--kind', 'mitigation'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir});
		const tmux = session;
		await tmux.waitFor('Queue stuck');
		await tmux.keys('w');
		await tmux.waitFor('Closure wizard · step 1/32');
		await tmux.text('The worker died on a poisoned message');
		await tmux.keys('Enter');
		await tmux.waitFor('step 2/32');
		for (let step = 2; step < 30; step++) await tmux.keys('Tab');
		await tmux.waitFor('step 30/32');
		await tmux.keys('t');
		await tmux.text('tests/test_worker.py::test_poison_message');
		await tmux.keys('Enter');
		await tmux.text('a poisoned message is dead-lettered');
		await tmux.keys('Enter');
		await tmux.waitFor('y closes the incident as Resolved');
		await tmux.keys('y');
		// No resolution was logged: the wizard asks when (Enter = now).
		await tmux.waitFor('Resolved at (UTC');
		await tmux.keys('Enter');
		await tmux.waitFor('y renders the report');
		await tmux.keys('y');
		await tmux.waitFor(/Published \d{4}-\d{2}-\d{2}-01: commit [0-9a-f]{7}/, 10_000);
		await tmux.keys('q');
		await tmux.waitFor('[exit 0]');

		const stat = execFileSync('git', ['log', '-1', '--stat', '--format=%s'], {cwd: repo, encoding: 'utf8'});
		expect(stat).toMatch(/^incident\(\d{4}-\d{2}-\d{2}-01\): Queue stuck \[SEV-2, resolved\]/);
		expect(stat).toMatch(/docs\/INCIDENT_LOG\.md/);
		expect(stat).toMatch(/docs\/incidents\/\d{4}-\d{2}-\d{2}-01_queue-stuck\.md/);
		expect(stat).toMatch(/docs\/incidents\/\d{4}-\d{2}-\d{2}-01\/events\/alice@.*\.jsonl/);
	});

	it('runs one incident in two terminals on two clones, and both converge', async () => {
		const remote = join(makeTempDir(), 'ops.git');
		execFileSync('git', ['init', '-q', '--bare', remote]);
		const clones = ['alice', 'bob'].map(handle => {
			const dir = join(makeTempDir(), 'ops');
			execFileSync('git', ['clone', '-q', remote, dir], {stdio: 'ignore'});
			const config = makeTempDir();
			runCli(['config', 'set', 'handle', handle], {cwd: dir, configDir: config});
			runCli(['config', 'set', 'autoSync', '1'], {cwd: dir, configDir: config});
			return {dir, config};
		});
		const [a, b] = clones as [(typeof clones)[0], (typeof clones)[0]];
		const id = /Opened (\S+)/.exec(runCli(['new', 'Two terminals', '--sev', '1'], {cwd: a.dir, configDir: a.config}).stdout)![1]!;
		expect(runCli(['sync'], {cwd: a.dir, configDir: a.config}).code).toBe(0);

		const alice = new TmuxSession({cwd: a.dir, configDir: a.config});
		const bob = new TmuxSession({cwd: b.dir, configDir: b.config, args: ['join', id]});
		try {
			await alice.waitFor('Two terminals');
			await bob.waitFor('Two terminals', 10_000);
			await alice.keys('n');
			await alice.text('alice checked the load balancer');
			await alice.keys('Enter');
			await bob.keys('a');
			await bob.text('bob restarted the queue');
			await bob.keys('Enter');
			for (const tmux of [alice, bob]) {
				await tmux.waitFor('alice checked the load balancer', 15_000);
				await tmux.waitFor('bob restarted the queue', 15_000);
				await tmux.waitFor('bob joined', 15_000);
			}
			await alice.keys('q');
			await bob.keys('q');
			await alice.waitFor('[exit 0]');
			await bob.waitFor('[exit 0]');
		} finally {
			alice.close();
			bob.close();
		}
		runCli(['sync'], {cwd: a.dir, configDir: a.config});
		runCli(['sync'], {cwd: b.dir, configDir: b.config});
		const events = (dir: string, config: string) => JSON.parse(runCli(['list', '--json'], {cwd: dir, configDir: config}).stdout)[0].events;
		expect(events(a.dir, a.config)).toBe(4);
		expect(events(b.dir, b.config)).toBe(4);
	});

	it('copies a stakeholder update through the terminal with OSC 52 (tmux set-clipboard on)', async () => {
		runCli(['new', 'Clipboard', '--sev', '1'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir, args: ['update', '--yes'], serverOptions: [['set-clipboard', 'on']]});
		await session.waitFor('[exit 0]');
		const copied = session.tmux('show-buffer');
		expect(copied).toMatch(/^\[SEV-1\] Clipboard: Investigating\n/);
		expect(session.screen()).toContain('[SEV-1] Clipboard: Investigating');
		expect(journal().at(-1)).toMatchObject({kind: 'communication', text: copied.trimEnd()});
	});

	it('resumes the open incident and restores the terminal on Ctrl-C', async () => {
		runCli(['new', 'Queue stuck', '--sev', '2'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir});
		await session.waitFor('Queue stuck');
		await session.waitForRawMode();
		await session.keys('C-c');
		// The pane prints the terminal's mode just after the exit code: wait for both.
		await session.waitFor(/\[exit 0\][\s\S]*\[tty icanon\]/);
	});

	it('exits when its terminal goes away (an SSH drop, a closed tmux), instead of spinning on the dead terminal', async () => {
		runCli(['new', 'Terminal gone', '--sev', '2'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir});
		await session.waitFor('Terminal gone');
		await session.waitForRawMode();
		const app = Number(execFileSync('pgrep', ['-P', String(session.panePid())], {encoding: 'utf8'}).trim().split('\n')[0]);
		session.tmux('kill-server');
		await waitUntil(() => !isRunning(app), 'the app to exit after its terminal went away');
	});

	it('quits cleanly on SIGTERM', async () => {
		runCli(['new', 'Queue stuck', '--sev', '2'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir});
		await session.waitFor('Queue stuck');
		const shell = session.panePid();
		const node = execFileSync('pgrep', ['-P', String(shell)], {encoding: 'utf8'}).trim().split('\n')[0]!;
		process.kill(Number(node), 'SIGTERM');
		// The pane prints the terminal's mode just after the exit code: wait for both.
		await session.waitFor(/\[exit 0\][\s\S]*\[tty icanon\]/);
	});

	it('keeps hostile text exact in the journal, inert on screen and escaped in the report', async () => {
		const title = 'evil \u001b[2J\u001b]0;pwned\u0007\u001b[31m red \u202e zero\u200bwidth 🔥';
		runCli(['new', title, '--sev', '1'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir});
		const screen = await session.waitFor('Detection & Triage');
		expect(screen).toContain('evil ␛[2J␛]0;pwned␇␛[31m red <U+202E> zero');
		expect(screen).toContain('🔥');
		expect(session.tmux('display', '-p', '-t', 'e2e', '#{pane_title}')).not.toContain('pwned');
		await session.waitForRawMode();
		await session.keys('n');
		const note = 'paste \u001b[1;1H\u001b[41mmoved?\u001b[0m \u2067rtl\u2069 \u200d| <!-- x -->';
		session.tmux('set-buffer', '--', note);
		session.tmux('paste-buffer', '-p', '-t', 'e2e');
		await session.keys('Enter');
		await session.waitFor('Logged note');
		const afterPaste = session.screen();
		expect(afterPaste.split('\n')[0]).toContain('SEV-1');
		expect(afterPaste).toContain('␛[1;1H␛[41mmoved?␛[0m');

		const events = journal();
		expect(events[0]!['title']).toBe(title);
		expect(events.at(-1)!['text']).toBe(note);
		const report = runCli(['report', '--stdout'], {cwd: repo, configDir}).stdout;
		expect(report).not.toMatch(/\u001b|\u0007|\u202e|\u2067|<!--/);
		// Renders as "␛[1;1Hmoved? [U+2067]rtl[U+2069]": colours dropped, the cursor move shown, every bracket backslash-escaped.
		expect(report).toContain('␛\\[1;1Hmoved? \\[U+2067\\]rtl\\[U+2069\\]');
		expect(report).toContain('🔥');
	});
});
