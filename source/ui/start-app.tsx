import {render} from 'ink';
import type {CommandContext} from '../commands/command-context.js';
import {createIncidentStore} from '../commands/incident-store.js';
import type {IncidentSummary} from '../commands/list-incidents.js';
import type {Settings} from '../config/settings.js';
import type {Workspace} from '../config/workspace.js';
import type {GitTimeouts} from '../git/run-git.js';
import {loadRunbookCached} from '../runbook/cached-runbook.js';
import {App} from './App.js';
import {osc52} from './osc52.js';
import {DISABLE_BRACKETED_PASTE, ENABLE_BRACKETED_PASTE} from './key-press.js';
import type {ScreenServices} from './screen-services.js';

/** What the CLI found out before the screen starts. */
/** What runs while the screen has stepped aside (`!`): given by the CLI, which owns the terminal. */
export interface TerminalHandOver {
	runCommandLine: (incidentId: string, line: string) => Promise<void>;
}

export interface ScreenSetup {
	context: CommandContext;
	workspace: Workspace;
	settings: Settings;
	gitTimeouts: GitTimeouts;
}

/**
 * Runs the interactive app until `q`, Ctrl-C or SIGTERM. Every event is on
 * disk before it is shown, so quitting at any moment loses nothing; Ink puts
 * the terminal back (raw mode off, cursor shown) on unmount.
 */
export async function startApp(
	{context, workspace, settings, gitTimeouts}: ScreenSetup,
	show: {incidentId?: string; openIncidents?: readonly IncidentSummary[]},
	terminal: TerminalHandOver,
): Promise<void> {
	const runbook = await loadRunbookCached(context.docsDir);
	// Quitting stops any git still running (its whole process group) and waits
	// for it to clean up its temporary files: every event is on disk already.
	const quitting = new AbortController();
	const git = {timeouts: gitTimeouts, signal: quitting.signal};
	const running = new Set<Promise<unknown>>();
	const track = <T,>(work: Promise<T>): Promise<T> => {
		running.add(work);
		const untrack = () => running.delete(work);
		work.then(untrack, untrack);
		return work;
	};
	// git, the template engine and the Markdown parser load on first use, not at start.
	const publish = (id: string) =>
		track(
			(async () => {
				const {publishIncident, describePublishResult} = await import('../commands/publish-incident.js');
				return describePublishResult(await publishIncident(context, workspace, id, settings.template, git));
			})(),
		);
	const sync = () =>
		track(
			(async () => {
				const {syncIncidents, describeSync} = await import('../commands/sync-incidents.js');
				return describeSync(await syncIncidents(context, workspace, settings.remote, git), settings.remote);
			})(),
		);
	const draftUpdate = async (id: string) => {
		const {draftStatusUpdate} = await import('../commands/status-update.js');
		return draftStatusUpdate(context, id).text;
	};
	const listChanges = (id: string) =>
		track(
			(async () => {
				const [{listRecentChanges}, {findIncident}] = await Promise.all([import('../commands/recent-changes.js'), import('../commands/find-incident.js')]);
				const repositories = settings.changeRepos.length > 0 ? settings.changeRepos : [workspace.root];
				return listRecentChanges(findIncident(workspace.docsDir, id).state, repositories, undefined, context.now(), git);
			})(),
		);
	// `!`: the screen is unmounted (Ink gives the terminal back: raw mode off) for the command, and drawn again after it.
	let commandToRun: {incidentId: string; line: string} | undefined;
	const runCommandLine = (incidentId: string, line: string) => {
		commandToRun = {incidentId, line};
		app.unmount();
	};
	// OSC 52 moves no cursor, so it can go out between Ink's frames.
	const copyToClipboard = (text: string) => process.stdout.write(osc52(text));
	const services: ScreenServices = {store: createIncidentStore(context), publish, sync, draftUpdate, listChanges, runCommandLine, copyToClipboard};
	const mount = (incidentId: string | undefined) =>
		render(
		<App
			context={context}
			incidentId={incidentId}
			openIncidents={show.openIncidents}
			runbook={runbook}
			services={services}
			autoSync={settings.autoSync}
			handoverHours={settings.handoverHours}
		/>,
		{exitOnCtrlC: false},
	);
	let app = mount(show.incidentId);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		app.unmount();
	};
	const restoreTerminal = () => process.stdout.write(DISABLE_BRACKETED_PASTE);
	process.stdout.write(ENABLE_BRACKETED_PASTE);
	process.once('exit', restoreTerminal);
	// `on`, not `once`, and never removed: conf's dependency when-exit sends the
	// signal again after its own handler, which would otherwise kill the process
	// before Ink has restored the terminal.
	process.on('SIGTERM', stop);
	process.on('SIGHUP', stop);
	// Ctrl-C before raw mode is on arrives as SIGINT: quit the same clean way.
	process.on('SIGINT', stop);
	try {
		for (;;) {
			await app.waitUntilExit();
			const command = commandToRun;
			commandToRun = undefined;
			if (!command || stopping) break;
			process.stdout.write(DISABLE_BRACKETED_PASTE);
			await terminal.runCommandLine(command.incidentId, command.line);
			if (stopping) break;
			process.stdout.write(ENABLE_BRACKETED_PASTE);
			app = mount(command.incidentId);
		}
	} finally {
		restoreTerminal();
		process.off('exit', restoreTerminal);
		quitting.abort();
		await Promise.allSettled(running);
	}
}
