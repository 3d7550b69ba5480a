import {readFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join, relative, sep} from 'node:path';
import {isIncidentId, writerName} from '../core/incident-id.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import {eventsDirOf, JOURNAL_EXTENSION} from '../journal/journal-paths.js';
import {mergeRemoteLines, type RemoteJournal} from '../journal/merge-remote-lines.js';
import {journalFilesIn, lineKey} from '../journal/read-journal.js';
import {commitTree, fetchEventsBranch, pushEventsBranch, readFilesAt, SYNC_BRANCH, treeOf, writeTree, type TreeFile} from './events-branch.js';
import {GitFault} from './git-fault.js';
import {gitRunner, type Git, type GitRunnerOptions} from './run-git.js';

// Why a dedicated branch built with plumbing, not commits on the current branch:
// sync must never touch a responder's branch, index or uncommitted work. The
// journal files are hashed into a tree, committed on top of the remote's tip,
// and pushed to the remote branch `incident-tui-events`. Each responder only
// ever appends to their own file, so merging is adding the lines the other
// side lacks (journal/merge-remote-lines.ts decides which may come in). The
// tree is always made from the local files, so nothing refused travels on. A
// push that loses a race is fetched, merged and tried again.

export {SYNC_BRANCH} from './events-branch.js';
const ATTEMPTS = 5;

export interface SyncOptions extends Pick<GitRunnerOptions, 'timeouts' | 'signal'> {
	root: string;
	inGitRepository: boolean;
	docsDir: string;
	remote: string;
	handle: string;
}

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
		notes.push(`The remote's copy of your own journal ${baseName(file)} has ${lines} line${lines === 1 ? '' : 's'} this machine never wrote: kept aside in ${baseName(file)}.rejected, not merged.`);
	}
	const refused = [...result.setAside].filter(([file]) => file !== `${result.ownJournalConflict?.file}.rejected`);
	const count = refused.reduce((sum, [, lines]) => sum + lines, 0);
	if (count > 0) notes.push(`Set aside ${count} remote line${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not valid events of ${count === 1 ? 'its' : 'their'} journal: see ${refused.map(([file]) => baseName(file)).join(', ')}.`);
	return [main, ...notes].join(' ');
}

const baseName = (path: string) => path.slice(path.lastIndexOf(sep) + 1);

export async function syncJournals(options: SyncOptions): Promise<SyncResult> {
	const git = await openRepository(options);
	const writer = writerName(options.handle, hostname());
	const result: SyncResult = {status: 'up-to-date', received: 0, sent: 0, attempts: 0, setAside: new Map()};
	for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
		result.attempts = attempt;
		const remoteTip = await fetchEventsBranch(git, options.remote);
		const remoteFiles = remoteTip ? await readFilesAt(git, remoteTip, path => journalOf(options, path) !== undefined) : new Map<string, string>();
		if (remoteTip) {
			const journals = [...remoteFiles].map(([path, content]) => ({...journalOf(options, path)!, content}));
			const merged = mergeRemoteLines(options.docsDir, writer, {ref: `${options.remote}/${SYNC_BRANCH}`, commit: remoteTip}, journals);
			result.received += merged.accepted;
			for (const [file, lines] of merged.setAside) result.setAside.set(file, (result.setAside.get(file) ?? 0) + lines);
			result.ownJournalConflict = merged.ownJournalConflict ?? result.ownJournalConflict;
		}
		const local = localTreeFiles(options);
		const tree = await writeTree(git, options.root, local);
		if (remoteTip && tree === (await treeOf(git, remoteTip))) {
			return {...result, status: result.received > 0 ? 'synced' : 'up-to-date', sent: 0};
		}
		const commit = await commitTree(git, tree, remoteTip, options.handle);
		if (await pushEventsBranch(git, options.remote, commit)) {
			return {...result, status: 'synced', sent: countUnsent(local, remoteFiles)};
		}
	}
	throw new GitFault('git-failed', `the remote's ${SYNC_BRANCH} branch kept moving during ${ATTEMPTS} attempts`, 'run incident-tui sync again; nothing was lost');
}

async function openRepository(options: SyncOptions): Promise<Git> {
	if (!options.inGitRepository) {
		throw new GitFault('not-a-repository', `${options.root} is not inside a git repository`, 'sync needs the ops repository and a remote; logging works without it');
	}
	const git = gitRunner(options.root, {timeouts: options.timeouts, signal: options.signal, retry: 'sync again'});
	try {
		await git(['remote', 'get-url', options.remote]);
	} catch (error) {
		if (error instanceof GitFault) throw error;
		throw new GitFault(
			'no-remote',
			`there is no git remote "${options.remote}"`,
			`add one: git remote add ${options.remote} <url> (or: incident-tui config set remote NAME)`,
		);
	}
	return git;
}

/**
 * A remote path is a journal only at `<incidentsDir>/incidents/<ID>/events/<writer>.jsonl`;
 * anything else on the branch is left where it is.
 */
function journalOf(options: SyncOptions, path: string): Omit<RemoteJournal, 'content'> | undefined {
	const prefix = `${repositoryPath(options, join(options.docsDir, 'incidents'))}/`;
	if (!path.startsWith(prefix)) return undefined;
	const match = /^([^/]+)\/events\/([a-z0-9._-]+@[a-z0-9._-]+)\.jsonl$/.exec(path.slice(prefix.length));
	if (!match || !isIncidentId(match[1]!)) return undefined;
	const [, incidentId, writer] = match as unknown as [string, string, string];
	return {incidentId, writer, localPath: join(eventsDirOf(options.docsDir, incidentId), `${writer}${JOURNAL_EXTENSION}`)};
}

function repositoryPath(options: SyncOptions, file: string): string {
	return relative(options.root, file).split(sep).join('/');
}

interface LocalTreeFile extends TreeFile {
	lines: string[];
}

/** Every local journal as it goes into the pushed tree: whole lines only. */
function localTreeFiles(options: SyncOptions): LocalTreeFile[] {
	return listIncidentIds(options.docsDir).flatMap(id =>
		journalFilesIn(eventsDirOf(options.docsDir, id)).flatMap(file => {
			const content = readFileSync(file, 'utf8');
			// A line still being written waits for the next sync.
			const whole = content.slice(0, content.lastIndexOf('\n') + 1);
			if (whole === '') return [];
			const lines = whole.split('\n').filter(line => line !== '');
			return [{path: repositoryPath(options, file), file, content: whole === content ? undefined : whole, lines}];
		}),
	);
}

function countUnsent(local: readonly LocalTreeFile[], remoteFiles: ReadonlyMap<string, string>): number {
	let unsent = 0;
	for (const file of local) {
		const remote = new Set((remoteFiles.get(file.path) ?? '').split('\n').map(lineKey));
		unsent += file.lines.filter(line => !remote.has(lineKey(line))).length;
	}
	return unsent;
}
