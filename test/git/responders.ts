import {join} from 'node:path';
import {expect} from 'vitest';
import {GitFault} from '../../source/git/git-fault.js';
import {createCommandContext} from '../../source/commands/command-context.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {syncIncidents} from '../../source/commands/sync-incidents.js';
import type {GitRunnerOptions} from '../../source/git/run-git.js';
import {findWorkspace} from '../../source/config/workspace.js';
import {git} from '../helpers/git-repo.js';
import {makeTempDir} from '../helpers/temp-dir.js';

/** A bare repository standing in for the team's remote. */
export function makeRemote(): string {
	const remote = join(makeTempDir('incident-tui-remote-'), 'ops.git');
	git(join(remote, '..'), 'init', '-q', '--bare', '-b', 'main', remote);
	return remote;
}

type Limits = Pick<GitRunnerOptions, 'timeouts' | 'signal'>;

/** A responder's own clone of `remote`, with their handle and a way to sync and read the timeline. */
export function responder(remote: string, handle: string, limits: Limits = {}) {
	const dir = join(makeTempDir(`incident-tui-${handle}-`), 'ops');
	git(join(dir, '..'), 'clone', '-q', remote, dir);
	git(dir, 'config', 'user.name', handle);
	git(dir, 'config', 'user.email', `${handle}@example.com`);
	const workspace = findWorkspace(dir, 'docs');
	const context = createCommandContext(workspace.docsDir, handle);
	const sync = (more: Limits = {}) => syncIncidents(context, workspace, 'origin', {...limits, ...more});
	const timeline = (id: string) => loadIncident(workspace.docsDir, id).events.map(event => event.id);
	return {dir, workspace, context, sync, timeline};
}

/** The GitFault a git call failed with (the test fails if it succeeded or failed otherwise). */
export async function faultOf(promise: Promise<unknown>): Promise<GitFault> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(GitFault);
	return error as GitFault;
}
