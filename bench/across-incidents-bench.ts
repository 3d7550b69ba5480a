import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {writeManyIncidents} from './many-incidents.js';
import {cliCommand, interleaved, timeCommands} from './processes.js';
import type {Measured} from './rows.js';

// `actions` and `stats` read every incident of the repository (README "Across
// incidents"): 500 closed incidents, committed, one commit carrying an
// Incident-Action trailer so `actions` reads git too. Baseline: the CLI's own
// start (`--version`), so the ratio shows what reading 500 incidents adds.

export async function acrossIncidentsFigures(runs = 5): Promise<Measured[]> {
	const dir = mkdtempSync(join(tmpdir(), 'incident-tui-bench-across-'));
	try {
		mkdirSync(join(dir, 'repo'));
		const repo = join(dir, 'repo');
		const git = (...args: string[]) => execFileSync('git', args, {cwd: repo, stdio: 'ignore'});
		git('init', '-q');
		git('config', 'user.email', 'bench@example.com');
		git('config', 'user.name', 'bench');
		const ids = writeManyIncidents(join(repo, 'docs'), 500);
		git('add', '-A');
		git('commit', '-q', '-m', 'five hundred incidents', '-m', `Incident-Action: ${ids[0]}#1`);
		const env = {...process.env, CI: 'false', NO_COLOR: '1', INCIDENT_TUI_CONFIG_DIR: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache')};
		const time = (command: string[]) => () => timeCommands([command], repo, env);
		const start = time(cliCommand('--version'));
		return [
			{id: 'across-actions', ...(await interleaved(runs, time(cliCommand('actions')), start))},
			{id: 'across-stats', ...(await interleaved(runs, time(cliCommand('stats')), start))},
		];
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
