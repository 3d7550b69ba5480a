import {execFileSync} from 'node:child_process';
import {appendFileSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {monotonicFactory} from 'ulid';
import {createCommandContext} from '../source/commands/command-context.js';
import {openIncident} from '../source/commands/open-incident.js';
import {syncIncidents} from '../source/commands/sync-incidents.js';
import {findWorkspace} from '../source/config/workspace.js';
import {buildEvent} from '../source/core/build-event.js';
import {appendLines} from '../source/journal/append-event.js';
import {journalPathOf} from '../source/journal/journal-paths.js';
import {median} from './figures.js';
import {cliCommand, cliPath, nodeCommand, timeCommands} from './processes.js';
import type {Measured} from './rows.js';

// `incident-tui sync` as a responder runs it (the built CLI, Node's start
// included) after 10 new events, with 1, 51 and 200 incidents of two writers
// in history. Its floor is what any Node tool that syncs through git pays:
// `node -e 0`, then `git fetch && git push` of a commit of the same size, in
// the same clone. The two are timed in turn, run after run, and the medians
// compared, so a machine that slows down slows both.

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8'});
const ulid = monotonicFactory();
const EVENTS_PER_WRITER = 20;

function notes(author: string, count: number, text: string): string[] {
	return Array.from({length: count}, (_, n) => {
		const at = new Date();
		return JSON.stringify(buildEvent({type: 'note.logged', kind: 'note', text: `${text} ${n}`}, {id: ulid(at.getTime()), at, author}));
	});
}

async function syncFigure(incidents: number, runs: number): Promise<Measured> {
	const base = mkdtempSync(join(tmpdir(), 'incident-tui-bench-sync-'));
	try {
		const remote = join(base, 'remote.git');
		git(base, 'init', '-q', '--bare', remote);
		const clone = join(base, 'clone');
		git(base, 'clone', '-q', remote, clone);
		git(clone, 'config', 'user.name', 'Bench');
		git(clone, 'config', 'user.email', 'bench@example.com');
		git(clone, 'commit', '-q', '--allow-empty', '-m', 'init');
		git(clone, 'push', '-q', 'origin', 'HEAD:main');
		const env = {...process.env, CI: 'false', INCIDENT_TUI_CONFIG_DIR: join(base, '.config'), XDG_CACHE_HOME: join(base, '.cache')};
		execFileSync(process.execPath, [cliPath, 'config', 'set', 'handle', 'bench'], {cwd: clone, env, stdio: 'ignore'});

		const workspace = findWorkspace(clone, 'docs');
		const context = createCommandContext(workspace.docsDir, 'bench');
		let newest = '';
		for (let n = 0; n < incidents; n++) {
			newest = openIncident(context, {title: `Bench ${n}`, severity: 2, at: new Date(Date.UTC(2025, 0, 1 + n, 12))}).incidentId;
			appendLines(journalPathOf(workspace.docsDir, newest, context.writer), notes('bench', EVENTS_PER_WRITER, 'bench'));
			// Another responder's journal, as a sync would have merged it.
			const other = journalPathOf(workspace.docsDir, newest, 'other@elsewhere');
			mkdirSync(dirname(other), {recursive: true});
			appendLines(other, notes('other', EVENTS_PER_WRITER, 'other'));
		}
		await syncIncidents(context, workspace, 'origin');

		const sync: number[] = [];
		const floor: number[] = [];
		for (let run = 0; run <= runs; run++) {
			appendLines(journalPathOf(workspace.docsDir, newest, context.writer), notes('bench', 10, `run ${run}`));
			const synced = await timeCommands([cliCommand('sync')], clone, env);
			appendFileSync(join(clone, 'plain.jsonl'), `${notes('bench', 10, `plain ${run}`).join('\n')}\n`);
			git(clone, 'add', 'plain.jsonl');
			git(clone, 'commit', '-q', '-m', `plain ${run}`);
			const plain = await timeCommands([nodeCommand('-e', '0'), ['git', 'fetch', '-q', 'origin'], ['git', 'push', '-q', 'origin', 'HEAD:main']], clone, env);
			// The first run warms the disk cache and is not counted.
			if (run === 0) continue;
			sync.push(synced);
			floor.push(plain);
		}
		return {id: `sync-${incidents}`, value: median(sync), samples: sync, baseline: {value: median(floor), samples: floor}};
	} finally {
		rmSync(base, {recursive: true, force: true});
	}
}

export async function syncFigures(runs = 9): Promise<Measured[]> {
	const figures: Measured[] = [];
	for (const incidents of [1, 51, 200]) figures.push(await syncFigure(incidents, runs));
	return figures;
}
