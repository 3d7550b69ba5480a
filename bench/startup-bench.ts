import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {FULL_FRAME, makeIncidentWorkspace} from './incident-fixture.js';
import {cliCommand, interleaved, minimalInkAppPath, nodeCommand, timeCommands, timeToFrame} from './processes.js';
import type {Measured} from './rows.js';

// Start-up of the built CLI against the floor of any tool of its kind: Node
// itself for `log`, the smallest bundled Ink app for the live screen. Both in
// a repository with one open 10-event incident.

async function inWorkspace<T>(work: (dir: string, env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
	const base = mkdtempSync(join(tmpdir(), 'incident-tui-bench-start-'));
	try {
		const {dir, env} = makeIncidentWorkspace(join(base, 'repo'), 10);
		return await work(dir, env);
	} finally {
		rmSync(base, {recursive: true, force: true});
	}
}

export function logFigures(runs = 15): Promise<Measured[]> {
	return inWorkspace(async (dir, env) => {
		let note = 0;
		const log = () => timeCommands([cliCommand('log', `bench ${note++}`)], dir, env);
		const bare = () => timeCommands([nodeCommand('-e', '0')], dir, env);
		return [{id: 'log', ...(await interleaved(runs, log, bare))}];
	});
}

export function firstFrameFigures(runs = 10): Promise<Measured[]> {
	return inWorkspace(async (dir, env) => {
		const live = () => timeToFrame(cliCommand(), FULL_FRAME, dir, env);
		const minimal = () => timeToFrame(nodeCommand(minimalInkAppPath), ['minimal ink app ready'], dir, env);
		return [{id: 'first-frame', ...(await interleaved(runs, live, minimal))}];
	});
}
