import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createCommandContext} from '../source/commands/command-context.js';
import {openIncident} from '../source/commands/open-incident.js';
import {syncIncidents} from '../source/commands/sync-incidents.js';
import {appendLines} from '../source/journal/append-event.js';
import {journalPathOf} from '../source/journal/journal-paths.js';
import {findWorkspace} from '../source/config/workspace.js';
import {buildEvent} from '../source/core/build-event.js';
import {monotonicFactory} from 'ulid';
import type {BenchFigure} from './figures.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8'});

/** Sync of N new events, next to a plain `git fetch && git push` of the same repository. */
export async function syncFigures(): Promise<BenchFigure[]> {
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
		const workspace = findWorkspace(clone, 'docs');
		const context = createCommandContext(workspace.docsDir, 'bench');
		const {incidentId} = openIncident(context, {title: 'Bench', severity: 2});
		await syncIncidents(context, workspace, 'origin');
		const ulid = monotonicFactory();
		const figures: BenchFigure[] = [];
		for (const count of [10, 10_000]) {
			const lines = Array.from({length: count}, (_, index) => {
				const at = new Date(Date.now() + index);
				return JSON.stringify(buildEvent({type: 'note.logged', kind: 'note', text: `bench event ${index}`}, {id: ulid(at.getTime()), at, author: 'bench'}));
			});
			appendLines(journalPathOf(workspace.docsDir, incidentId, context.writer), lines);
			let began = performance.now();
			await syncIncidents(context, workspace, 'origin');
			const sync = performance.now() - began;

			writeFileSync(join(clone, 'plain.txt'), `${count}\n`);
			git(clone, 'add', 'plain.txt');
			git(clone, 'commit', '-q', '-m', `plain ${count}`);
			began = performance.now();
			git(clone, 'fetch', '-q', 'origin');
			git(clone, 'push', '-q', 'origin', 'HEAD:main');
			const plain = performance.now() - began;
			figures.push({name: `sync ${count.toLocaleString('en')} new events`, value: sync, unit: 'ms', compare: {name: 'git fetch && git push', value: plain}});
		}
		return figures;
	} finally {
		rmSync(base, {recursive: true, force: true});
	}
}
