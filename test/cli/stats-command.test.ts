import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {EventPayload, NoteKind, Severity} from '../../source/core/events.js';
import {eventFactory} from '../helpers/event-factory.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {parseMermaid} from '../helpers/mermaid-parse.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `incident-tui stats` through the built CLI, over journals with known
// milestones; the Mermaid chart of --markdown goes through Mermaid's own
// parser (a DOM shim on the globals: this folder, not test/ui or test/core).

const NOW = '2026-11-30T12:00:00.000Z';

/** An incident declared at `start`, its milestone notes at these minutes after it (backdated), closed when `closed`. */
function writeIncident(repo: string, id: string, start: string, severity: Severity, minutes: Partial<Record<NoteKind, number>>, extra: EventPayload[] = []) {
	const alice = eventFactory('alice', Date.parse(start));
	const events = [alice(0, {type: 'incident.opened', title: `Incident ${id}`, severity, commander: 'alice'})];
	for (const [kind, minute] of Object.entries(minutes)) events.push(alice(minute, {type: 'note.logged', kind: kind as NoteKind, text: kind}, {loggedAtMinute: 200}));
	events.push(...extra.map((payload, index) => alice(201 + index, payload)));
	mkdirSync(join(repo, 'docs', 'incidents', id, 'events'), {recursive: true});
	writeFileSync(join(repo, 'docs', 'incidents', id, 'events', 'alice@elsewhere.jsonl'), events.map(event => `${JSON.stringify(event)}\n`).join(''));
}

function setUp() {
	const repo = makeRepo();
	const closedWithTest: EventPayload[] = [{type: 'invariant.recorded', kind: 'test', reference: 'test/a.test.ts', description: ''}, {type: 'incident.closed'}];
	writeIncident(repo, '2026-11-02-01', '2026-11-02T10:00:00.000Z', 1, {impact: -4, acknowledged: 2, mitigation: 10, resolution: 30}, closedWithTest);
	writeIncident(repo, '2026-11-10-01', '2026-11-10T10:00:00.000Z', 1, {impact: -10, acknowledged: 6, mitigation: 20, resolution: 90}, [
		{type: 'action.added', description: 'Alert on it', owner: 'bob', priority: 'P1', status: 'open', due: '2026-11-20'},
		{type: 'incident.closed', overrideReason: 'the vendor has no sandbox'},
	]);
	writeIncident(repo, '2026-11-20-01', '2026-11-20T10:00:00.000Z', 1, {acknowledged: 1, mitigation: 40});
	writeIncident(repo, '2026-10-05-01', '2026-10-05T10:00:00.000Z', 2, {impact: -2, acknowledged: 3, resolution: 60});
	const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, {cwd: repo, configDir: makeTempDir(), env: {INCIDENT_TUI_TEST_NOW: NOW, ...env}});
	return {repo, cli};
}

const MINUTE = 60_000;

describe('incident-tui stats', () => {
	it('gives exact medians and p90s per severity, with n, and the other figures, as JSON', () => {
		const {cli} = setUp();
		const run = cli(['stats', '--json']);
		expect(run.code).toBe(0);
		const stats = JSON.parse(run.stdout);
		expect(stats.groups.map((group: {key: string; incidents: number}) => [group.key, group.incidents])).toEqual([['SEV-1', 3], ['SEV-2', 1]]);
		expect(stats.groups[0].times).toEqual({
			detect: {n: 2, medianMs: 7 * MINUTE, p90Ms: 10 * MINUTE},
			acknowledge: {n: 3, medianMs: 2 * MINUTE, p90Ms: 6 * MINUTE},
			mitigate: {n: 3, medianMs: 20 * MINUTE, p90Ms: 40 * MINUTE},
			resolve: {n: 2, medianMs: 60 * MINUTE, p90Ms: 90 * MINUTE},
		});
		expect(stats.goldenRule).toEqual({closed: 2, test: 1, monitor: 0, override: 1, neither: 0});
		expect(stats.openActions).toMatchObject({total: 1, overdue: 1});
		expect(stats.perMonth).toEqual([{month: '2026-10', incidents: 1}, {month: '2026-11', incidents: 3}]);
	});

	it('prints the table and draws with blocks under UTF-8, in ASCII under NO_COLOR or another locale', () => {
		const {cli} = setUp();
		const blocks = cli(['stats', '--by', 'month', '--since', '2026-11-01'], {NO_COLOR: '', LC_ALL: '', LC_CTYPE: '', LANG: 'C.UTF-8'});
		expect(blocks.code).toBe(0);
		expect(blocks.stdout).toContain('3 incidents declared since 2026-11-01.');
		expect(blocks.stdout).toMatch(/^2026-11\s+3\s+7m 00s \/ 10m 00s \(n=2\)\s+2m 00s \/ 6m 00s \(n=3\)\s+20m 00s \/ 40m 00s \(n=3\)\s+1h 00m \/ 1h 30m \(n=2\)$/m);
		expect(blocks.stdout).toContain('Per month 2026-11 to 2026-11: █  (3)');
		expect(blocks.stdout).toMatch(/^with a test\s+█+\s+1$/m);
		for (const env of [{NO_COLOR: '1', LANG: 'C.UTF-8'}, {NO_COLOR: '', LC_ALL: 'C', LANG: 'C.UTF-8'}] as Record<string, string>[]) {
			const ascii = cli(['stats'], env);
			expect(ascii.stdout).toMatch(/^with a test\s+#+\s+1$/m);
			expect(ascii.stdout).toContain('Per month 2026-10 to 2026-11: -#  (1 3)');
			expect(ascii.stdout).not.toMatch(/[▁-█]/);
		}
	});

	it('refuses a --since or --by it cannot read, in one line', () => {
		const {cli} = setUp();
		expect(cli(['stats', '--since', '3 months'])).toMatchObject({code: 1, stderr: 'incident-tui: --since "3 months" is not a span or a date (write 90d, 12w or YYYY-MM-DD)\n'});
		expect(cli(['stats', '--by', 'owner'])).toMatchObject({code: 1, stderr: 'incident-tui: --by "owner": stats group by severity or month\n'});
	});

	it('--markdown writes docs/INCIDENT_STATS.md with a chart Mermaid parses, and publish commits it again beside the log', async () => {
		const {repo, cli} = setUp();
		expect(cli(['stats', '--markdown', '--by', 'month']).code).toBe(0);
		const path = join(repo, 'docs', 'INCIDENT_STATS.md');
		const markdown = readFileSync(path, 'utf8');
		expect(markdown).toContain('| 2026-11 | 3 | 7m 00s / 10m 00s (n=2) | 2m 00s / 6m 00s (n=3) | 20m 00s / 40m 00s (n=3) | 1h 00m / 1h 30m (n=2) |');
		const charts = [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map(match => match[1]!);
		expect(charts).toHaveLength(1);
		await expect(parseMermaid(charts[0]!)).resolves.toBe('xychart');
		expect(charts[0]).toContain('bar [1, 3]');

		expect(cli(['publish', '2026-11-20-01']).code).toBe(0);
		expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toContain('docs/INCIDENT_STATS.md');
		expect(git(repo, 'status', '--porcelain', '--', 'docs/INCIDENT_STATS.md', 'docs/INCIDENT_LOG.md')).toBe('');
	});
});
