import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {listOpenIncidents} from '../../source/commands/list-incidents.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {eventsDirOf, incidentDirOf, incidentsDirOf} from '../../source/journal/journal-paths.js';
import {git, makeRepo} from '../helpers/git-repo.js';
import {CLI_PATH, runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// What a crash or a full disk leaves while opening an incident: a directory
// without a journal, with an empty journal, or with events but no opening.
// No command may pick one; `list` names each, once, with what to do.

const next = (id: string, by: number) => `${id.slice(0, 11)}${String(Number(id.slice(11)) + by).padStart(2, '0')}`;

function repositoryWithLeftovers() {
	const repo = makeRepo();
	const configDir = makeTempDir();
	const cli = (...args: string[]) => runCli(args, {cwd: repo, configDir});
	cli('config', 'set', 'handle', 'alice');
	const opened = /Opened (\S+)/.exec(cli('new', 'Real incident', '--sev', '2').stdout)![1]!;
	const docsDir = join(repo, 'docs');
	// Newer IDs than the real incident, so "the newest open one" would be a leftover.
	const noJournal = next(opened, 1);
	const emptyJournal = next(opened, 2);
	const noOpening = next(opened, 3);
	mkdirSync(eventsDirOf(docsDir, noJournal), {recursive: true});
	mkdirSync(eventsDirOf(docsDir, emptyJournal), {recursive: true});
	writeFileSync(join(eventsDirOf(docsDir, emptyJournal), 'alice@host.jsonl'), '');
	mkdirSync(eventsDirOf(docsDir, noOpening), {recursive: true});
	writeFileSync(
		join(eventsDirOf(docsDir, noOpening), 'alice@host.jsonl'),
		`${JSON.stringify({v: 1, id: '01KAZ0000000000000000N0TE1', at: '2026-11-23T03:00:00.000Z', author: 'alice', type: 'note.logged', kind: 'note', text: 'orphan note'})}\n`,
	);
	// A `new` killed between preparing its directory and renaming it; pid 2^22+1 is beyond Linux's pid_max.
	mkdirSync(join(incidentsDirOf(docsDir), '.opening-4194305-abc123', 'events'), {recursive: true});
	return {repo, docsDir, cli, opened, leftovers: [noJournal, emptyJournal, noOpening]};
}

it('log, report, publish and the start screen never pick a directory without an opening event', () => {
	const {docsDir, cli, opened, leftovers, repo} = repositoryWithLeftovers();

	expect(cli('log', 'goes to the real one').stdout).toContain(`Logged note to ${opened}`);
	for (const leftover of leftovers) {
		const refused = cli('log', 'not here', '--id', leftover);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(new RegExp(`^incident-tui: ${leftover} has no opening event.*\\(see \`incident-tui list\``));
		expect(refused.stderr.trim().split('\n')).toHaveLength(1);
	}
	expect(cli('report').stdout).toContain(`for ${opened}`);
	const published = cli('publish');
	expect(published.code).toBe(0);
	expect(published.stdout).toContain(`Published ${opened}`);
	expect(git(repo, 'show', '--stat', '--format=%s', 'HEAD')).not.toMatch(new RegExp(leftovers.join('|')));

	const context = createCommandContext(docsDir, 'alice');
	expect(listOpenIncidents(docsDir, context.now()).map(incident => incident.id)).toEqual([opened]);
	// The next ID skips the leftovers rather than writing into one.
	expect(openIncident(context, {title: 'Next', severity: 3}).incidentId).toBe(next(opened, 4));
});

it('list shows the incidents, then one line per leftover saying what to do', () => {
	const {cli, opened, leftovers} = repositoryWithLeftovers();
	const listed = cli('list');
	expect(listed.code).toBe(0);
	const lines = listed.stdout.trim().split('\n');
	expect(lines[1]).toMatch(new RegExp(`^${opened} `));
	expect(lines.slice(2)).toEqual([
		`damaged, ignored: docs/incidents/${leftovers[2]}: 1 event but no opening event (copy what you need into an incident with \`incident-tui log --id\`, then delete the directory)`,
		`damaged, ignored: docs/incidents/${leftovers[1]}: an empty journal: a \`new\` that failed or was killed (nothing was logged in it; delete the directory)`,
		`damaged, ignored: docs/incidents/${leftovers[0]}: no journal: a \`new\` that failed or was killed (nothing was logged in it; delete the directory)`,
		'damaged, ignored: docs/incidents/.opening-4194305-abc123: an incident that `new` never finished opening (nothing in it was acknowledged; delete the directory)',
	]);

	const json = cli('list', '--json');
	expect(JSON.parse(json.stdout).map((incident: {id: string}) => incident.id)).toEqual([opened]);
	expect(json.stderr.trim().split('\n')).toHaveLength(4);
});

it('a failed opening leaves nothing behind, and the next one takes the next ID', () => {
	const docsDir = makeTempDir();
	const context = createCommandContext(docsDir, 'alice');
	const first = openIncident(context, {title: 'First', severity: 1}).incidentId;
	// An events directory that cannot hold a journal: the append fails after the directory was prepared.
	expect(() => openIncident({...context, writer: 'no/such/dir/alice'}, {title: 'Broken', severity: 1})).toThrow(/^not opened: /);
	expect(readdirSync(incidentsDirOf(docsDir))).toEqual([first]);

	const second = openIncident(context, {title: 'Second', severity: 1}).incidentId;
	expect(second).toBe(next(first, 1));
	expect(existsSync(join(incidentDirOf(docsDir, second), 'events'))).toBe(true);
});

it('four `new` commands at once open four incidents, each with its opening event', async () => {
	const repo = makeTempDir();
	const configDir = makeTempDir();
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
	const runs = await Promise.all(
		[1, 2, 3, 4].map(
			n =>
				new Promise<string>(resolve => {
					const child = spawn(process.execPath, [CLI_PATH, 'new', `Parallel ${n}`, '--sev', '2'], {
						cwd: repo,
						env: {...process.env, INCIDENT_TUI_CONFIG_DIR: configDir},
						stdio: ['ignore', 'pipe', 'inherit'],
					});
					let stdout = '';
					child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
					child.on('close', () => resolve(stdout));
				}),
		),
	);
	const ids = runs.map(stdout => /Opened (\S+)/.exec(stdout)![1]!);
	expect(new Set(ids).size).toBe(4);
	const docsDir = join(repo, 'docs');
	expect(readdirSync(incidentsDirOf(docsDir)).sort()).toEqual([...ids].sort());
	expect(listOpenIncidents(docsDir, new Date()).map(incident => incident.title).sort()).toEqual(['Parallel 1', 'Parallel 2', 'Parallel 3', 'Parallel 4']);
});
