import type {ChangeKind} from '../core/events.js';
import {GitCommandError, gitRunner, type GitRunnerOptions} from './run-git.js';

// What landed in a repository in a window of time: commits and merges on its
// current branch (by commit time: when it landed, not when it was written)
// and tags (by tag time). Read with two git calls, each time-limited.

export interface RepositoryChange {
	kind: ChangeKind;
	hash: string;
	author: string;
	subject: string;
	/** ISO time: the commit's committer time, or the tag's. */
	at: string;
	tag?: string;
}

export type RepositoryChanges =
	| {found: false; path: string; reason: string}
	| {found: true; path: string; root: string; shallow: boolean; changes: RepositoryChange[]};

const FIELD = '\u001f';
const RECORD = '\u001e';

export async function readRecentChanges(path: string, window: {since: Date; until: Date}, options: GitRunnerOptions = {}): Promise<RepositoryChanges> {
	// `-C` lets git say what is wrong with the path (missing, not a repository) in its own words.
	const git = gitRunner(process.cwd(), options);
	let described: string;
	try {
		described = await git(['-C', path, 'rev-parse', '--show-toplevel', '--is-shallow-repository']);
	} catch (error) {
		if (error instanceof GitCommandError) return {found: false, path, reason: firstLine(error.message)};
		throw error;
	}
	const [root = path, shallow] = described.trim().split('\n');
	const inWindow = (at: string) => Date.parse(at) >= window.since.getTime() && Date.parse(at) <= window.until.getTime();
	const commits = await readCommits(git, root, window);
	const tags = (await readTags(git, root)).filter(tag => inWindow(tag.at));
	// A stable sort: within one second, git's own order (a merge before what it merged) and commits before their tags.
	const changes = [...commits, ...tags].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
	return {found: true, path, root, shallow: shallow === 'true', changes};
}

async function readCommits(git: ReturnType<typeof gitRunner>, root: string, window: {since: Date; until: Date}): Promise<RepositoryChange[]> {
	const format = ['%H', '%P', '%an', '%cI', '%s'].join('%x1f') + '%x1e';
	let output: string;
	try {
		output = await git(['-C', root, 'log', `--since=${window.since.toISOString()}`, `--until=${window.until.toISOString()}`, `--format=${format}`, 'HEAD']);
	} catch (error) {
		// A repository without a commit yet has nothing to list.
		if (error instanceof GitCommandError && /does not have any commits|unknown revision|bad default revision/.test(error.message)) return [];
		throw error;
	}
	return records(output).map(([hash = '', parents = '', author = '', at = '', subject = '']) => ({
		kind: parents.trim().split(' ').length > 1 ? 'merge' : 'commit',
		hash,
		author,
		subject,
		at: new Date(at).toISOString(),
	}));
}

async function readTags(git: ReturnType<typeof gitRunner>, root: string): Promise<RepositoryChange[]> {
	// An annotated tag has its tagger and its own time; a lightweight one, its commit's.
	const format = ['%(refname:short)', '%(objectname)', '%(*objectname)', '%(creatordate:iso-strict)', '%(taggername)', '%(authorname)', '%(subject)'].join('%1f') + '%1e';
	const output = await git(['-C', root, 'for-each-ref', `--format=${format}`, 'refs/tags']);
	return records(output).flatMap(([tag = '', object = '', peeled = '', at = '', tagger = '', author = '', subject = '']) => {
		const time = Date.parse(at);
		if (Number.isNaN(time)) return [];
		return [{kind: 'tag' as const, hash: peeled || object, author: tagger || author, subject, at: new Date(time).toISOString(), tag}];
	});
}

function records(output: string): string[][] {
	return output
		.split(RECORD)
		.map(record => record.replace(/^\n/, ''))
		.filter(record => record !== '')
		.map(record => record.split(FIELD));
}

function firstLine(text: string): string {
	return (text.split('\n')[0] ?? text).replace(/^fatal: /, '');
}
