import {execFileSync} from 'node:child_process';
import {beforeEach, describe, expect, it} from 'vitest';
import {git, makeRepo} from '../helpers/git-repo.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {runCli, type CliRun} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `incident-tui changes` against real repositories: commits at chosen times
// (GIT_COMMITTER_DATE), merges, tags, a shallow clone, a missing path.

let service: string;
let configDir: string;
const cli = (...args: string[]): CliRun => runCli(args, {cwd: service, configDir});
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A commit that landed `minutes` ago; returns its hash. */
function commitAt(repo: string, subject: string, minutes: number, author = 'Bob Builder'): string {
	const when = minutesAgo(minutes);
	const env = {...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_NAME: author};
	execFileSync('git', ['commit', '-q', '--allow-empty', '-m', subject], {cwd: repo, env});
	return git(repo, 'rev-parse', 'HEAD').trim();
}

beforeEach(() => {
	service = makeRepo({commit: false});
	configDir = makeTempDir();
	expect(cli('config', 'set', 'handle', 'alice').code).toBe(0);
});

describe('incident-tui changes', () => {
	it('lists the commits, merges and tags of the window before detection, newest first', () => {
		commitAt(service, 'too old to matter', 200);
		const deploy = commitAt(service, 'deploy v142', 60);
		execFileSync('git', ['tag', '-a', 'v142', '-m', 'release 142'], {cwd: service, env: {...process.env, GIT_COMMITTER_DATE: minutesAgo(59)}});
		git(service, 'checkout', '-q', '-b', 'feature');
		commitAt(service, 'tune the pool', 50);
		git(service, 'checkout', '-q', 'main');
		execFileSync('git', ['merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature'], {cwd: service, env: {...process.env, GIT_COMMITTER_DATE: minutesAgo(40), GIT_AUTHOR_DATE: minutesAgo(40)}});
		commitAt(service, 'after detection', 5);
		expect(cli('new', 'Checkout 5xx', '--sev', '1').code).toBe(0);
		expect(cli('log', 'pager', '--kind', 'detection', '--at', '-10m').code).toBe(0);

		const listed = cli('changes');
		expect(listed.code).toBe(0);
		const lines = listed.stdout.trim().split('\n');
		expect(lines[0]).toMatch(/^Changes from .* UTC \(detection\), newest first:$/);
		expect(lines.slice(1).map(line => line.replace(/^\s*\d+\s+\S+ \S+\s+/, '').replace(/\s+[0-9a-f]{7}\s+/, ' # '))).toEqual([
			expect.stringMatching(/^merge # .* Alice Example\s+Merge feature$/),
			expect.stringMatching(/^commit # .* Bob Builder\s+tune the pool$/),
			expect.stringMatching(/^tag v142 # .* release 142$/),
			expect.stringMatching(/^commit # .* Bob Builder\s+deploy v142$/),
		]);
		expect(listed.stdout).toContain(deploy.slice(0, 7));
		// A wider window reaches the old commit.
		expect(cli('changes', '--since', '4h').stdout).toContain('too old to matter');
	});

	it('says in one line each: a missing repository, a shallow clone, a quiet window', () => {
		commitAt(service, 'last week', 7 * 24 * 60);
		const shallow = makeTempDir();
		git(shallow, 'clone', '-q', '--depth', '1', `file://${service}`, 'clone');
		const listed = cli('changes', '--repo', '/no/such/repository', '--repo', `${shallow}/clone`, '--repo', service);
		expect(listed.code).toBe(0);
		const notes = listed.stderr.trim().split('\n');
		expect(notes).toEqual([
			expect.stringMatching(/^incident-tui: warning: \/no\/such\/repository: no git repository there \(.*\); check --repo/),
			expect.stringMatching(/^incident-tui: warning: clone: a shallow clone, so results may be incomplete/),
			expect.stringMatching(/^incident-tui: warning: clone: no commits, merges or tags in the window$/),
			expect.stringMatching(/^incident-tui: warning: incident-tui-repo-\w+: no commits, merges or tags in the window$/),
		]);
		expect(cli('changes', '--repo', '/no/such/repository')).toMatchObject({code: 1, stderr: expect.stringMatching(/^incident-tui: no git repository at \/no\/such\/repository/)});
		expect(cli('changes', '--since', 'soon')).toMatchObject({code: 1, stderr: expect.stringContaining('--since "soon" is not a duration')});
	});

	it('--pick adds the changes named as change events at their commit times, once, and the report lists them', () => {
		const deploy = commitAt(service, 'deploy v142', 30, 'Dana Deployer');
		const config = commitAt(service, 'raise the pool size', 20);
		expect(cli('new', 'Checkout 5xx', '--sev', '1').code).toBe(0);
		const id = onlyIncidentId(service);
		expect(cli('log', 'x', '--kind', 'note').code).toBe(0);

		const picked = cli('changes', '--pick', deploy.slice(0, 7), config.slice(0, 8));
		expect(picked).toMatchObject({code: 0, stderr: ''});
		expect(cli('changes', '--pick', deploy.slice(0, 7)).stdout).toContain('Already in the timeline');
		const changes = journalLines(service, id).filter(line => line['type'] === 'change.recorded');
		expect(changes).toEqual([
			expect.objectContaining({change: 'commit', hash: deploy, commitAuthor: 'Dana Deployer', subject: 'deploy v142'}),
			expect.objectContaining({change: 'commit', hash: config, subject: 'raise the pool size'}),
		]);
		for (const [event, hash] of [[changes[0]!, deploy], [changes[1]!, config]] as const) {
			expect(Date.parse(String(event['at']))).toBe(Date.parse(git(service, 'show', '-s', '--format=%cI', hash).trim()));
		}
		expect(cli('changes', '--pick', 'ffffffff')).toMatchObject({code: 1, stderr: expect.stringContaining('ffffffff is not among the changes listed')});
		expect(cli('changes', '--pick')).toMatchObject({code: 1, stderr: expect.stringContaining('needs a terminal')});

		// A hypothesis that names the short hash is cited on the change's row.
		const hypothesis = JSON.stringify({v: 1, id: '01KAZ7R3J8S2D1E8F5G6H7J8K9', at: new Date().toISOString(), author: 'alice', type: 'hypothesis.added', statement: `the pool change ${config.slice(0, 7)} starved checkout`, test: ''});
		execFileSync('sh', ['-c', `printf '%s\\n' "$1" >> "$2"`, 'sh', hypothesis, `${service}/docs/incidents/${id}/events/alice@extra.jsonl`]);
		for (const template of ['incident-report', 'incident-response', 'postmortem', 'retrospective', 'sre']) {
			const report = cli('report', '--template', template, '--stdout').stdout;
			expect(report, template).toContain('### Recent changes');
			const rows = report.split('\n').filter(line => line.includes(`commit \`${config.slice(0, 7)}\``));
			expect(rows, template).toEqual([expect.stringMatching(/^\| [\d-]+ [\d:]+ \| commit `[0-9a-f]{7}` \| incident-tui-repo-\w+ \| Bob Builder \| raise the pool size \| hypothesis A \|$/)]);
		}
	});
});
