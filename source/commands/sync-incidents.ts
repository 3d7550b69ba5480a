import {basename, relative, sep} from 'node:path';
import type {Workspace} from '../config/workspace.js';
import {commitTree, fetchEventsBranch, openEventsRemote, pushEventsBranch, readFilesAt, SYNC_BRANCH, treeOf, writeTree, type TreeFile} from '../git/events-branch.js';
import {GitFault} from '../git/git-fault.js';
import type {GitRunnerOptions} from '../git/run-git.js';
import {journalAt, type JournalLocation} from '../journal/journal-paths.js';
import {mergeRemoteLines} from '../journal/merge-remote-lines.js';
import {journalsToShare, lineKey} from '../journal/read-journal.js';
import type {CommandContext} from './command-context.js';

// Why a dedicated branch built with plumbing, not commits on the current branch:
// sync must never touch a responder's branch, index or uncommitted work. The
// journal files are hashed into a tree, committed on top of the remote's tip,
// and pushed to the remote branch `incident-tui-events` (git/events-branch.ts).
// Each responder only ever appends to their own file, so merging is adding the
// lines the other side lacks (journal/merge-remote-lines.ts decides which may
// come in). The tree is always made from the local files, so nothing refused
// travels on. A push that loses a race is fetched, merged and tried again.

const ATTEMPTS = 5;

export interface SyncResult {
	status: 'synced' | 'up-to-date';
	/** Valid events that arrived from the remote and were appended here. */
	received: number;
	/** Events the remote did not have before this sync. */
	sent: number;
	attempts: number;
	/** Remote lines refused in this sync (not valid, not theirs, a second opening), by the file that lists them. */
	setAside: Map<string, number>;
	/** The remote's copy of our own journal holds lines this machine never wrote. */
	ownJournalConflict?: {file: string; lines: number};
}

/** One line for the screen and the CLI. */
export function describeSync(result: SyncResult, remote: string): string {
	const main =
		result.status === 'up-to-date'
			? `Up to date with ${remote}.`
			: `Synced with ${remote}: received ${result.received} event${result.received === 1 ? '' : 's'}, sent ${result.sent}.`;
	const notes: string[] = [];
	if (result.ownJournalConflict) {
		const {file, lines} = result.ownJournalConflict;
		notes.push(`The remote's copy of your own journal ${basename(file)} has ${lines} line${lines === 1 ? '' : 's'} this machine never wrote: kept aside in ${basename(file)}.rejected, not merged.`);
	}
	const refused = [...result.setAside].filter(([file]) => file !== `${result.ownJournalConflict?.file}.rejected`);
	const count = refused.reduce((sum, [, lines]) => sum + lines, 0);
	if (count > 0) notes.push(`Set aside ${count} remote line${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not valid events of ${count === 1 ? 'its' : 'their'} journal: see ${refused.map(([file]) => basename(file)).join(', ')}.`);
	return [main, ...notes].join(' ');
}

/** Exchanges events with `remote`: fetch (git), merge (journal), push (git). */
export async function syncIncidents(
	context: CommandContext,
	workspace: Workspace,
	remote: string,
	limits: Pick<GitRunnerOptions, 'timeouts' | 'signal'> = {},
): Promise<SyncResult> {
	const git = await openEventsRemote(workspace.root, workspace.inGitRepository, remote, limits);
	const paths = repositoryPaths(workspace);
	const result: SyncResult = {status: 'up-to-date', received: 0, sent: 0, attempts: 0, setAside: new Map()};
	for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
		result.attempts = attempt;
		const remoteTip = await fetchEventsBranch(git, remote);
		const remoteFiles = remoteTip ? await readFilesAt(git, remoteTip, path => paths.journalAt(path) !== undefined) : new Map<string, string>();
		if (remoteTip) {
			const journals = [...remoteFiles].map(([path, content]) => ({...paths.journalAt(path)!, content}));
			const merged = mergeRemoteLines(workspace.docsDir, context.writer, {ref: `${remote}/${SYNC_BRANCH}`, commit: remoteTip}, journals);
			result.received += merged.accepted;
			for (const [file, lines] of merged.setAside) result.setAside.set(file, (result.setAside.get(file) ?? 0) + lines);
			result.ownJournalConflict = merged.ownJournalConflict ?? result.ownJournalConflict;
		}
		const local = localTreeFiles(workspace, paths);
		const tree = await writeTree(git, workspace.root, local);
		if (remoteTip && tree === (await treeOf(git, remoteTip))) {
			return {...result, status: result.received > 0 ? 'synced' : 'up-to-date', sent: 0};
		}
		const commit = await commitTree(git, tree, remoteTip, context.handle);
		if (await pushEventsBranch(git, remote, commit)) {
			return {...result, status: 'synced', sent: countUnsent(local, remoteFiles)};
		}
	}
	throw new GitFault('git-failed', `the remote's ${SYNC_BRANCH} branch kept moving during ${ATTEMPTS} attempts`, 'run incident-tui sync again; nothing was lost');
}

interface RepositoryPaths {
	/** A local file's path on the branch: relative to the repository, with `/`. */
	of: (file: string) => string;
	/** The journal a path on the branch stands for; anything else there is left where it is. */
	journalAt: (path: string) => JournalLocation | undefined;
}

function repositoryPaths({root, docsDir}: Workspace): RepositoryPaths {
	const of = (file: string) => relative(root, file).split(sep).join('/');
	const docsPrefix = docsDir === root ? '' : `${of(docsDir)}/`;
	return {of, journalAt: path => (path.startsWith(docsPrefix) ? journalAt(docsDir, path.slice(docsPrefix.length)) : undefined)};
}

interface LocalTreeFile extends TreeFile {
	lines: string[];
}

function localTreeFiles(workspace: Workspace, paths: RepositoryPaths): LocalTreeFile[] {
	return journalsToShare(workspace.docsDir).map(({file, text, complete}) => ({
		path: paths.of(file),
		file,
		content: complete ? undefined : text,
		lines: text.split('\n').filter(line => line !== ''),
	}));
}

function countUnsent(local: readonly LocalTreeFile[], remoteFiles: ReadonlyMap<string, string>): number {
	let unsent = 0;
	for (const file of local) {
		const remote = new Set((remoteFiles.get(file.path) ?? '').split('\n').map(lineKey));
		unsent += file.lines.filter(line => !remote.has(lineKey(line))).length;
	}
	return unsent;
}
