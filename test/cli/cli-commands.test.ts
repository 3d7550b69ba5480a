import {execFileSync} from 'node:child_process';
import {appendFileSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeEach, describe, expect, it} from 'vitest';
import {makeTempDir} from '../helpers/temp-dir.js';
import {runCli, type CliRun} from '../helpers/run-cli.js';
import {journalLines} from '../helpers/journal-lines.js';

let repo: string;
let configDir: string;
const cli = (...args: string[]): CliRun => runCli(args, {cwd: repo, configDir});

const journalLinesOf = (incidentId: string) => journalLines(repo, incidentId);

beforeEach(() => {
	repo = makeTempDir();
	configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
	expect(cli('config', 'set', 'handle', 'alice').code).toBe(0);
});

describe('incident-tui (built CLI)', () => {
	it('opens an incident, logs to it and lists it, with the journal line on disk', () => {
		const opened = cli('new', 'Checkout 5xx', '--sev', '1');
		expect(opened).toMatchObject({code: 0, stderr: ''});
		const id = /Opened (\d{4}-\d{2}-\d{2}-\d{2}) SEV-1 "Checkout 5xx"/.exec(opened.stdout)?.[1];
		expect(id).toBeDefined();

		expect(cli('log', 'rolled back', '--kind', 'mitigation')).toMatchObject({code: 0});
		const listed = cli('list');
		expect(listed.stdout).toMatch(new RegExp(`${id}\\s+SEV-1\\s+Investigating.*\\s2\\s+Checkout 5xx`));

		const lines = journalLinesOf(id!);
		expect(lines.at(-1)).toMatchObject({type: 'note.logged', kind: 'mitigation', text: 'rolled back', author: 'alice'});
		const json = JSON.parse(cli('list', '--json').stdout);
		expect(json[0]).toMatchObject({id, title: 'Checkout 5xx', severity: 1, status: 'investigating', events: 2});
	});

	it('works from a subdirectory, writing at the repository top level', () => {
		cli('new', 'Top level', '--sev', '2');
		const sub = join(repo, 'deep', 'er');
		execFileSync('mkdir', ['-p', sub]);
		expect(runCli(['log', 'from below'], {cwd: sub, configDir}).code).toBe(0);
		expect(readdirSync(join(repo, 'docs', 'incidents'))).toHaveLength(1);
	});

	it('logs outside any git repository', () => {
		const plain = makeTempDir();
		expect(runCli(['new', 'No git here', '--sev', '3'], {cwd: plain, configDir}).code).toBe(0);
		expect(runCli(['log', 'still works'], {cwd: plain, configDir}).code).toBe(0);
		expect(readdirSync(join(plain, 'docs', 'incidents'))).toHaveLength(1);
	});

	it('backdates a note and keeps both times', () => {
		cli('new', 'Backdated', '--sev', '2');
		const logged = cli('log', '@-5m', 'pager fired', '--kind', 'detection');
		expect(logged.stdout).toMatch(/Logged detection .* \(logged at \d\d:\d\d:\d\d\)/);
		const event = journalLinesOf(readdirSync(join(repo, 'docs', 'incidents'))[0]!).at(-1)!;
		expect(event['text']).toBe('pager fired');
		expect(Date.parse(event['loggedAt'] as string) - Date.parse(event['at'] as string)).toBe(5 * 60_000);
	});

	it.each([
		[['log', 'nothing open'], /^incident-tui: no open incident \(open one with/],
		[['log', 'x', '--id', '2026-01-01-01'], /^incident-tui: no incident 2026-01-01-01 in /],
		[['log', 'x', '--id', '../etc'], /is not an incident ID/],
		[['new', '   ', '--sev', '1'], /^incident-tui: the title is empty/],
		[['new', 'No severity'], /--sev 1, 2 or 3/],
		[['new', 'Bad severity', '--sev', '4'], /"4" is not a severity/],
		[['new', 'x', '--colour', 'red'], /unknown option --colour/],
		[['frobnicate'], /unknown command "frobnicate"/],
		[[], /the live screen needs a terminal; without one use: new, log, .*list/],
	])('%j fails with one line and exit code 1', (args, message) => {
		const run = cli(...args);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(message);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('refuses an unknown kind and logs nothing', () => {
		cli('new', 'Kinds', '--sev', '2');
		const run = cli('log', 'x', '--kind', 'shout');
		expect(run).toMatchObject({code: 1});
		expect(run.stderr).toMatch(/"shout" is not a kind; use one of note, detection/);
		expect(journalLinesOf(readdirSync(join(repo, 'docs', 'incidents'))[0]!)).toHaveLength(1);
	});

	it('keeps a hostile title exactly, in a safe directory, and prints it harmlessly', () => {
		const title = '../../x | <!-- hi --> \u001b]0;pwned\u0007\u001b[31m 🔥 \u202eevil';
		const run = cli('new', title, '--sev', '1');
		expect(run.code).toBe(0);
		expect(run.stdout).not.toMatch(/\u001b|\u0007|\u202e/);
		const [id] = readdirSync(join(repo, 'docs', 'incidents'));
		expect(id).toMatch(/^\d{4}-\d{2}-\d{2}-01$/);
		expect(journalLinesOf(id!)[0]!['title']).toBe(title);
	});

	it('refuses a 10 KB title with one line, and takes a 10 KB note whole', () => {
		const long = cli('new', 'A'.repeat(10_240), '--sev', '1');
		expect(long.code).toBe(1);
		expect(long.stderr).toMatch(/the title is 10240 characters; keep it to 200/);
		cli('new', 'Short title', '--sev', '1');
		const paste = 'log line '.repeat(1200);
		expect(cli('log', paste).code).toBe(0);
		expect(journalLinesOf(readdirSync(join(repo, 'docs', 'incidents'))[0]!).at(-1)!['text']).toBe(paste);
	});

	it('sets a torn last line aside and keeps unknown event types', () => {
		const id = /Opened (\S+)/.exec(cli('new', 'Torn', '--sev', '2').stdout)![1]!;
		const eventsDir = join(repo, 'docs', 'incidents', id, 'events');
		const [journal] = readdirSync(eventsDir);
		appendFileSync(
			join(eventsDir, journal!),
			'{"v":1,"id":"01KAZ0000000000000000000AA","at":"2026-11-23T03:01:00.000Z","author":"zoe","type":"pager.synced"}\n{"v":1,"id":"01KAZ',
		);
		const run = cli('log', 'after crash');
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/a torn last line \(\d+ bytes\) .* moved to the \.torn file/);
		expect(readFileSync(join(eventsDir, `${journal}.torn`), 'utf8')).toBe('{"v":1,"id":"01KAZ\n');
		expect(JSON.parse(cli('list', '--json').stdout)[0].events).toBe(3);
	});

	it('writes the report next to the incident, and prints each template with --stdout', () => {
		const id = /Opened (\S+)/.exec(cli('new', 'Checkout 5xx after deploy', '--sev', '1').stdout)![1]!;
		cli('log', 'rolled back', '--kind', 'mitigation');
		const written = cli('report');
		expect(written).toMatchObject({code: 0});
		expect(written.stdout).toMatch(`Wrote docs/incidents/${id}_checkout-5xx-after-deploy.md (incident-report) for ${id}`);
		expect(readFileSync(join(repo, 'docs', 'incidents', `${id}_checkout-5xx-after-deploy.md`), 'utf8')).toContain('## 1. Executive Summary');
		for (const [template, heading] of [
			['incident-report', '## 6. Sign-Off'],
			['incident-response', '## 5. Post-Incident Review (The Learning)'],
			['retrospective', '## 9) Follow-up links'],
			['postmortem', '## Review'],
			['sre', '## Timeline'],
		]) {
			const printed = cli('report', id, '--template', template!, '--stdout');
			expect(printed.code).toBe(0);
			expect(printed.stdout).toContain(heading);
			expect(printed.stdout).toContain('rolled back');
		}
	});

	it('names the templates when asked for one that does not exist', () => {
		cli('new', 'x', '--sev', '3');
		const run = cli('report', '--template', 'nope', '--stdout');
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^incident-tui: no template "nope"; templates are incident-report, incident-response, postmortem, retrospective, sre\n$/);
	});

	it('publishes with exit 0, and outside git fails with exit 2 and keeps the report', () => {
		execFileSync('git', ['config', 'user.name', 'Alice Example'], {cwd: repo});
		execFileSync('git', ['config', 'user.email', 'alice@example.com'], {cwd: repo});
		execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'init'], {cwd: repo});
		cli('new', 'Published', '--sev', '2');
		expect(cli('publish').stdout).toMatch(/^Published \S+: commit [0-9a-f]{7}\n$/);
		expect(cli('publish').stdout).toMatch(/^Nothing changed since \S+ was last published; no commit made\.\n$/);

		const plain = makeTempDir();
		runCli(['new', 'No git', '--sev', '3'], {cwd: plain, configDir});
		const run = runCli(['publish'], {cwd: plain, configDir});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^incident-tui: .* is not inside a git repository \(run incident-tui in your ops repository/);
		expect(readdirSync(join(plain, 'docs', 'incidents')).some(name => name.endsWith('_no-git.md'))).toBe(true);
	});

	it('imports a timeline: a preview first, nothing written until --yes, nothing doubled on a second import', () => {
		cli('new', 'Checkout outage', '--sev', '1');
		const sample = fileURLToPath(new URL('../fixtures/chat-timeline.txt', import.meta.url));
		const preview = cli('import', sample);
		expect(preview.code).toBe(0);
		expect(preview.stdout).toMatch(/^23 events to import into \S+ \(times in UTC\):/);
		expect(preview.stdout).toMatch(/  \d{4}-\d{2}-\d{2} 23:52  detection      Alert fired: checkout error rate above 5% \(pagerduty\)/);
		expect(preview.stdout).toContain('4 lines could not be read and are left out:');
		expect(preview.stdout).toContain('  line 20: someone wrote this without a time (no time at the start)');
		expect(preview.stdout).toContain('Nothing imported. Run again with --yes');
		expect(JSON.parse(cli('list', '--json').stdout)[0].events).toBe(1);

		expect(cli('import', sample, '--yes').stdout).toMatch(/Imported 23 events into/);
		expect(JSON.parse(cli('list', '--json').stdout)[0].events).toBe(24);
		const again = cli('import', sample, '--yes');
		expect(again.stdout).toContain('23 lines are already in the timeline and are skipped.');
		expect(JSON.parse(cli('list', '--json').stdout)[0].events).toBe(24);
	});
});
