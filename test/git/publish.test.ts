import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {logNote} from '../../source/commands/log-note.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {publishIncident} from '../../source/commands/publish-incident.js';
import {recordEvent} from '../../source/commands/record-event.js';
import {renderIncidentReport} from '../../source/commands/write-report.js';
import {GitFault} from '../../source/git/git-fault.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {makeTempDir} from '../helpers/temp-dir.js';

function setUp(repo: string, title = 'Checkout 5xx after deploy') {
	const workspace = findWorkspace(repo, 'docs');
	const context = createCommandContext(workspace.docsDir, 'alice');
	const {incidentId} = openIncident(context, {title, severity: 1});
	logNote(context, {incidentId, kind: 'mitigation', text: 'rolled back'});
	return {workspace, context, incidentId};
}

const committedFiles = (repo: string) => git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();

async function expectFault(promise: Promise<unknown>, code: string, message: RegExp): Promise<GitFault> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(GitFault);
	expect(error).toMatchObject({code});
	expect((error as GitFault).message).toMatch(message);
	expect((error as GitFault).hint).not.toBe('');
	return error as GitFault;
}

function expectFilesOnDisk(repo: string, incidentId: string) {
	expect(existsSync(join(repo, 'docs', 'incidents', `${incidentId}_checkout-5xx-after-deploy.md`))).toBe(true);
	expect(readFileSync(join(repo, 'docs', 'INCIDENT_LOG.md'), 'utf8')).toContain(incidentId);
}

describe('publish', () => {
	it('commits exactly the incident paths and leaves what the responder staged alone', async () => {
		const repo = makeRepo();
		writeFileSync(join(repo, 'unrelated.txt'), 'work in progress\n');
		git(repo, 'add', 'unrelated.txt');
		writeFileSync(join(repo, 'untracked.txt'), 'not mine\n');
		const {workspace, context, incidentId} = setUp(repo);

		const result = await publishIncident(context, workspace, undefined, 'incident-report');

		expect(result).toMatchObject({status: 'committed', detached: false, incidentId});
		expect(committedFiles(repo)).toEqual([
			'docs/INCIDENT_LOG.md',
			`docs/incidents/${incidentId}/events/${context.writer}.jsonl`,
			`docs/incidents/${incidentId}_checkout-5xx-after-deploy.md`,
		]);
		expect(git(repo, 'log', '-1', '--format=%s')).toBe(`incident(${incidentId}): Checkout 5xx after deploy [SEV-1, investigating]\n`);
		expect(git(repo, 'status', '--porcelain')).toBe('A  unrelated.txt\n?? untracked.txt\n');
		expect(readFileSync(join(repo, 'docs', 'incidents', incidentId, 'events', `${context.writer}.jsonl`), 'utf8')).toContain('"type":"report.published"');
	});

	it('makes no commit when nothing changed, and a new one after an edit', async () => {
		const repo = makeRepo();
		const {workspace, context, incidentId} = setUp(repo);
		await publishIncident(context, workspace, incidentId, 'incident-report');
		const head = git(repo, 'rev-parse', 'HEAD');

		expect(await publishIncident(context, workspace, incidentId, 'incident-report')).toMatchObject({status: 'unchanged'});
		expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);

		logNote(context, {incidentId, kind: 'note', text: 'error rate is flat'});
		expect(await publishIncident(context, workspace, incidentId, 'incident-report')).toMatchObject({status: 'committed'});
		expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('3\n');
	});

	it('commits the report as it is once published: the "Publish the report" item ticked, and nothing left to publish', async () => {
		const repo = makeRepo();
		const {workspace, context, incidentId} = setUp(repo);
		await publishIncident(context, workspace, incidentId, 'incident-report');

		const committed = git(repo, 'show', `HEAD:docs/incidents/${incidentId}_checkout-5xx-after-deploy.md`);
		expect(committed).toContain('- [x] INCIDENT\\_LOG.md updated');
		expect(committed).toMatch(/\| Closure \| Publish the report and update the incident log \| alice \|/);
		// Rendered again from the journal as committed, the report is the same: it showed the published state.
		expect(renderIncidentReport(workspace.docsDir, incidentId, 'incident-report', context.now()).markdown).toBe(committed);
		expect(await publishIncident(context, workspace, incidentId, 'incident-report')).toMatchObject({status: 'unchanged'});
	});

	it('updates the committed report when an event is amended after publishing', async () => {
		const repo = makeRepo();
		const {workspace, context, incidentId} = setUp(repo);
		const report = `docs/incidents/${incidentId}_checkout-5xx-after-deploy.md`;
		await publishIncident(context, workspace, incidentId, 'incident-report');
		const before = git(repo, 'show', `HEAD:${report}`);
		const mitigation = readFileSync(join(repo, 'docs', 'incidents', incidentId, 'events', `${context.writer}.jsonl`), 'utf8')
			.split('\n')
			.map(line => (line ? (JSON.parse(line) as {id: string; kind?: string}) : undefined))
			.find(event => event?.kind === 'mitigation')!;
		recordEvent(context, incidentId, {type: 'event.amended', target: mitigation.id, text: 'rolled back payments to v142'});

		expect(await publishIncident(context, workspace, incidentId, 'incident-report')).toMatchObject({status: 'committed'});
		const after = git(repo, 'show', `HEAD:${report}`);
		expect(before).toContain('**Mitigation**: rolled back |');
		expect(after).toContain('**Mitigation**: rolled back payments to v142 (amended) |');
		expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).toContain(report);
	});

	it('keeps INCIDENT_LOG.md sorted, one row per incident, other rows untouched', async () => {
		const repo = makeRepo();
		const workspace = findWorkspace(repo, 'docs');
		const context = createCommandContext(workspace.docsDir, 'alice');
		const ids = ['Queue stuck', 'Login slow', 'Disk full'].map(title => openIncident(context, {title, severity: 2}).incidentId);
		await publishIncident(context, workspace, ids[0], 'incident-report');
		const logPath = join(repo, 'docs', 'INCIDENT_LOG.md');
		// A human edits the first row; publishing others must not undo that.
		writeFileSync(logPath, readFileSync(logPath, 'utf8').replace('| Queue stuck |', '| Queue stuck (edited by hand) |'));
		await publishIncident(context, workspace, ids[2], 'incident-report');
		await publishIncident(context, workspace, ids[1], 'incident-report');
		await publishIncident(context, workspace, ids[1], 'incident-report');

		const rows = readFileSync(logPath, 'utf8').split('\n').filter(line => /^\| \d{4}/.test(line));
		expect(rows.map(row => row.split(' | ')[0]!.slice(2))).toEqual([ids[2], ids[1], ids[0]]);
		expect(rows[2]).toContain('Queue stuck (edited by hand)');
		expect(rows[1]).toContain('| Login slow | Investigating | ongoing |');
	});

	it('commits on a detached HEAD and says so', async () => {
		const repo = makeRepo();
		git(repo, 'checkout', '-q', '--detach');
		const {workspace, context} = setUp(repo);
		expect(await publishIncident(context, workspace, undefined, 'incident-report')).toMatchObject({status: 'committed', detached: true});
	});
});

describe('publish faults: one line, a hint, and every file left on disk', () => {
	it('outside a git repository', async () => {
		const dir = makeTempDir();
		const {workspace, context, incidentId} = setUp(dir);
		await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'not-a-repository', /is not inside a git repository/);
		expectFilesOnDisk(dir, incidentId);
	});

	it('in a repository without commits', async () => {
		const repo = makeRepo({commit: false});
		const {workspace, context, incidentId} = setUp(repo);
		await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'no-commits', /no commits yet/);
		expectFilesOnDisk(repo, incidentId);
	});

	it('without a git identity', async () => {
		const repo = makeRepo();
		git(repo, 'config', '--unset', 'user.name');
		git(repo, 'config', '--unset', 'user.email');
		git(repo, 'config', 'user.useConfigOnly', 'true');
		const home = process.env['HOME'];
		process.env['HOME'] = makeTempDir();
		try {
			const {workspace, context, incidentId} = setUp(repo);
			await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'no-identity', /does not know who you are/);
			expectFilesOnDisk(repo, incidentId);
		} finally {
			process.env['HOME'] = home;
		}
	});

	it('with index.lock present, which is never deleted', async () => {
		const repo = makeRepo();
		writeFileSync(join(repo, '.git', 'index.lock'), '');
		const {workspace, context, incidentId} = setUp(repo);
		await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'index-locked', /index\.lock/);
		expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(true);
		expectFilesOnDisk(repo, incidentId);
	});

	it('when a pre-commit hook fails, showing its output', async () => {
		const repo = makeRepo();
		mkdirSync(join(repo, '.git', 'hooks'), {recursive: true});
		writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "lint: trailing whitespace in report" >&2\nexit 1\n');
		chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
		const {workspace, context, incidentId} = setUp(repo);
		await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'hook-failed', /pre-commit hook refused the commit: .*lint: trailing whitespace in report/);
		expectFilesOnDisk(repo, incidentId);
		expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('1\n');
	});

	it('when .gitignore ignores the incidents directory, naming the paths and the ways out', async () => {
		const repo = makeRepo();
		writeFileSync(join(repo, '.gitignore'), 'docs/\n');
		git(repo, 'add', '.gitignore');
		git(repo, 'commit', '-q', '-m', 'ignore docs');
		const {workspace, context, incidentId} = setUp(repo);
		const fault = await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'ignored-paths', /^cannot commit docs: a \.gitignore rule ignores it \(see: git check-ignore -v docs\)$/);
		expect(fault.hint).toMatch(/un-ignore docs in \.gitignore \(or add them once with git add -f\), or keep incidents elsewhere: incident-tui config set incidentsDir <dir>/);
		expectFilesOnDisk(repo, incidentId);
	});

	it('when commit signing is configured and fails', async () => {
		const repo = makeRepo();
		git(repo, 'config', 'commit.gpgsign', 'true');
		git(repo, 'config', 'gpg.program', 'false');
		const {workspace, context, incidentId} = setUp(repo);
		await expectFault(publishIncident(context, workspace, undefined, 'incident-report'), 'signing-failed', /commit signing failed/);
		expectFilesOnDisk(repo, incidentId);
	});
});
