import {execFileSync} from 'node:child_process';
import {beforeEach, describe, expect, it} from 'vitest';
import {journalLines} from '../helpers/journal-lines.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {runCli, type CliRun} from '../helpers/run-cli.js';

// `--at WHEN` and `--by HANDLE` on the built CLI. Every run gets its own fixed
// clock (INCIDENT_TUI_TEST_NOW), so nothing here depends on when the suite runs.

let repo: string;
let configDir: string;
const cliAt = (now: string, ...args: string[]): CliRun => runCli(args, {cwd: repo, configDir, env: {INCIDENT_TUI_TEST_NOW: now}});
const openedId = (run: CliRun) => /Opened (\S+)/.exec(run.stdout)?.[1];

function expectRefused(run: CliRun, message: RegExp): void {
	expect(run.code).toBe(1);
	expect(run.stdout).toBe('');
	expect(run.stderr.trimEnd()).toMatch(message);
	expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

beforeEach(() => {
	repo = makeTempDir();
	configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
	expect(runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir}).code).toBe(0);
});

describe('log --at', () => {
	it('keeps both times: when it happened and when it was written', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Checkout 5xx', '--sev', '1'))!;
		const logged = cliAt('2026-11-24T15:10:00Z', 'log', 'pager fired', '--kind', 'detection', '--at', '14:55');
		expect(logged).toMatchObject({code: 0, stderr: ''});
		expect(logged.stdout).toBe(`Logged detection to ${id} at 14:55:00 UTC (logged at 15:10:00)\n`);
		expect(journalLines(repo, id).at(-1)).toMatchObject({
			kind: 'detection',
			text: 'pager fired',
			at: '2026-11-24T14:55:00.000Z',
			loggedAt: '2026-11-24T15:10:00.000Z',
			author: 'alice',
		});
	});

	it('takes a relative time, which starts with a dash, as the value of --at', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Relative', '--sev', '2'))!;
		expect(cliAt('2026-11-24T15:10:00Z', 'log', 'rolled back', '--at', '-1h5m').code).toBe(0);
		expect(journalLines(repo, id).at(-1)).toMatchObject({text: 'rolled back', at: '2026-11-24T14:05:00.000Z'});
	});

	it.each([
		['15:40', /^incident-tui: --at 15:40 UTC is 30m 00s ahead of now \(15:10:00 UTC\); nothing was written\. Give a past time/],
		['2026-11-25 09:00', /^incident-tui: --at 2026-11-25 09:00 UTC is 17h 50m ahead of now/],
		['yesterday', /^incident-tui: --at "yesterday" is not a time; use HH:MM, .* \(nothing was written\)$/],
	])('refuses --at %s with one line, exit 1, and writes nothing', (when, message) => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Typo', '--sev', '2'))!;
		expectRefused(cliAt('2026-11-24T15:10:00Z', 'log', 'mitigated', '--kind', 'mitigation', '--at', when), message);
		expect(journalLines(repo, id)).toHaveLength(1);
	});

	it('shows the date when the event is not on today\'s UTC date, and not when it is', () => {
		const id = openedId(cliAt('2026-11-24T23:40:00Z', 'new', 'Around midnight', '--sev', '2'))!;
		expect(cliAt('2026-11-25T00:10:00Z', 'log', 'queue drained', '--at', '23:50').stdout).toBe(
			`Logged note to ${id} at 2026-11-24 23:50:00 UTC (logged at 00:10:00)\n`,
		);
		expect(cliAt('2026-11-25T00:10:00Z', 'log', 'still draining', '--at', '00:05').stdout).toBe(`Logged note to ${id} at 00:05:00 UTC (logged at 00:10:00)\n`);
	});

	it('refuses --at and an @WHEN prefix that disagree, and takes them when they agree', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Twice', '--sev', '2'))!;
		expectRefused(cliAt('2026-11-24T15:10:00Z', 'log', '@14:50 paged', '--at', '14:55'), /^incident-tui: not logged: --at and the @WHEN .* two different times \(give the time once\)$/);
		expect(journalLines(repo, id)).toHaveLength(1);
		expect(cliAt('2026-11-24T15:10:00Z', 'log', '@14:55 paged', '--at', '-15m').code).toBe(0);
		expect(journalLines(repo, id).at(-1)).toMatchObject({text: 'paged', at: '2026-11-24T14:55:00.000Z'});
	});
});

describe('new --at', () => {
	it('declared 23:50 and typed after midnight: the opening gets 23:50 and the ID the next free number of that date', () => {
		expect(openedId(cliAt('2026-11-24T09:00:00Z', 'new', 'Earlier that day', '--sev', '3'))).toBe('2026-11-24-01');
		expect(openedId(cliAt('2026-11-25T00:05:00Z', 'new', 'Just after midnight', '--sev', '3'))).toBe('2026-11-25-01');

		const opened = cliAt('2026-11-25T00:10:00Z', 'new', 'Late night', '--sev', '1', '--at', '2026-11-24 23:50');
		expect(opened.code).toBe(0);
		expect(opened.stdout).toMatch(/^Opened 2026-11-24-02 SEV-1 "Late night" in docs\/incidents\/2026-11-24-02, declared at 2026-11-24 23:50:00 UTC \(logged at 00:10:00\)\n/);
		// The incident of today keeps `log`: its ID is the higher one.
		expect(opened.stdout).toContain('Note: `log` still goes to 2026-11-25-01');
		expect(journalLines(repo, '2026-11-24-02')[0]).toMatchObject({
			type: 'incident.opened',
			at: '2026-11-24T23:50:00.000Z',
			loggedAt: '2026-11-25T00:10:00.000Z',
		});
		// HH:MM more than an hour ahead is yesterday's: the same date.
		expect(openedId(cliAt('2026-11-25T00:10:00Z', 'new', 'Also late', '--sev', '2', '--at', '23:55'))).toBe('2026-11-24-03');
	});

	it('refuses a declaration ahead of now and opens nothing', () => {
		expectRefused(cliAt('2026-11-24T15:00:00Z', 'new', 'Future', '--sev', '1', '--at', '15:30'), /^incident-tui: --at 15:30 UTC is 30m 00s ahead of now/);
		expect(JSON.parse(cliAt('2026-11-24T15:00:00Z', 'list', '--json').stdout)).toEqual([]);
	});
});

describe('log --by', () => {
	it('names the doer apart from the typist, who is the owner in the report', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Regional outage', '--sev', '1'))!;
		const logged = cliAt('2026-11-24T15:30:00Z', 'log', 'drained USA-2', '--kind', 'mitigation', '--by', '@docbrown', '--at', '15:23');
		expect(logged.stdout).toBe(`Logged mitigation by docbrown to ${id} at 15:23:00 UTC (logged at 15:30:00)\n`);
		expect(journalLines(repo, id).at(-1)).toMatchObject({author: 'alice', by: 'docbrown', text: 'drained USA-2'});
		const report = cliAt('2026-11-24T15:31:00Z', 'report', '--stdout').stdout;
		// Written down 7 minutes later: under the 10 minutes that earn a footnote.
		expect(report).toMatch(/^\| 15:23 \| \*\*Mitigation\*\*: drained USA-2 \| docbrown \|$/m);
	});

	it('takes --by and an @name: prefix that agree, and refuses them when they conflict', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Doers', '--sev', '2'))!;
		expectRefused(
			cliAt('2026-11-24T15:30:00Z', 'log', '@15:23 @carol: drained USA-2', '--by', 'docbrown'),
			/^incident-tui: not logged: --by docbrown and @carol: in the text name two different doers \(name the doer once\)$/,
		);
		expect(journalLines(repo, id)).toHaveLength(1);
		expect(cliAt('2026-11-24T15:30:00Z', 'log', '@15:23 @docbrown: drained USA-2', '--by', 'docbrown').code).toBe(0);
		expect(journalLines(repo, id).at(-1)).toMatchObject({by: 'docbrown', text: 'drained USA-2', at: '2026-11-24T15:23:00.000Z'});
	});

	it('refuses a --by that is not a handle and writes nothing', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Bad doer', '--sev', '2'))!;
		expectRefused(cliAt('2026-11-24T15:30:00Z', 'log', 'drained', '--by', 'doc brown'), /^incident-tui: --by "doc brown" is not a handle/);
		expect(journalLines(repo, id)).toHaveLength(1);
	});
});

describe('milestones from the command line', () => {
	it('gives the report the metrics of the README example', () => {
		const now = '2026-11-24T16:05:00Z';
		expect(openedId(cliAt(now, 'new', 'Checkout 5xx', '--sev', '1', '--at', '15:01'))).toBe('2026-11-24-01');
		for (const [kind, when, text] of [
			['impact', '14:54', 'checkout errors began'],
			['detection', '14:55', 'pager fired'],
			['acknowledged', '14:55', 'on it'],
			['mitigation', '15:36', 'drained USA-2'],
			['resolution', '16:00', 'back to normal'],
		]) {
			expect(cliAt(now, 'log', text!, '--kind', kind!, '--at', when!).code).toBe(0);
		}
		const report = cliAt(now, 'report', '--stdout').stdout;
		expect(report).toContain('| Created     | 2026-11-24 15:01 UTC |');
		expect(report).toContain('| Duration    | 1h 06m |');
		expect(report).toContain('| Time to detect (from the impact) | 1m 00s |');
		expect(report).toContain('| Time to acknowledge / mitigate / resolve (from the detection) | 0s / 41m 00s / 1h 05m |');
	});
});

describe('--at on the other commands that write an event', () => {
	it('assign, handover and update keep both times', () => {
		const id = openedId(cliAt('2026-11-24T15:00:00Z', 'new', 'Roles', '--sev', '2'))!;
		expect(cliAt('2026-11-24T15:30:00Z', 'assign', 'scribe', 'bob', '--at', '15:05').stdout).toBe(`bob is now scribe of ${id}, at 15:05:00 UTC (logged at 15:30:00)\n`);
		expect(cliAt('2026-11-24T15:30:00Z', 'handover', '@carol', '--summary', 'failover done', '--at', '-10m').code).toBe(0);
		const update = cliAt('2026-11-24T15:30:00Z', 'update', '--yes', '--at', '15:25');
		expect(update.stdout).toContain('Logged as a communication at 15:25:00 UTC (logged at 15:30:00)');
		// SEV-2 updates are hourly, counted from when this one went out.
		expect(update.stdout).toContain('Next update: by 16:25 UTC');
		expect(journalLines(repo, id).slice(1)).toMatchObject([
			{type: 'role.assigned', role: 'scribe', handle: 'bob', at: '2026-11-24T15:05:00.000Z', loggedAt: '2026-11-24T15:30:00.000Z'},
			{type: 'role.assigned', role: 'commander', handle: 'carol', at: '2026-11-24T15:20:00.000Z', loggedAt: '2026-11-24T15:30:00.000Z'},
			{type: 'note.logged', kind: 'communication', at: '2026-11-24T15:25:00.000Z', loggedAt: '2026-11-24T15:30:00.000Z'},
		]);
		expectRefused(cliAt('2026-11-24T15:30:00Z', 'assign', 'comms', 'dana', '--at', '16:00'), /^incident-tui: --at 16:00 UTC is 30m 00s ahead of now/);
		expectRefused(cliAt('2026-11-24T15:30:00Z', 'update', '--yes', '--at', '16:00'), /^incident-tui: --at 16:00 UTC is 30m 00s ahead of now/);
		expect(journalLines(repo, id)).toHaveLength(4);
	});
});
