import {basename} from 'node:path';
import type {IncidentEvent} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import {parseWhen} from '../core/when.js';
import {readRecentChanges, type RepositoryChange, type RepositoryChanges} from '../git/recent-changes.js';
import type {GitRunnerOptions} from '../git/run-git.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import {recordEvent} from './record-event.js';

// "What changed?" (README "What changed"): the commits, merges and tags of the
// service repositories in the hours before detection, and picking some of
// them into the timeline as `change` events at their own time.

const DEFAULT_CHANGE_WINDOW = '2h';

export interface ListedChange extends RepositoryChange {
	/** The repository's directory name, as the event and the report name it. */
	repository: string;
	/** Already in the incident's timeline. */
	picked: boolean;
}

export interface ChangeListing {
	since: Date;
	until: Date;
	/** What ends the window: the detection milestone, or now. */
	endsAt: 'detection' | 'now';
	changes: ListedChange[];
	/** One line per repository that was missing, shallow or quiet in the window. */
	notes: string[];
}

/** `2h`, `90m`, `1h30m` (a leading `-` is fine): how far before the end of the window it starts. */
export function parseSince(value: string | undefined, until: Date): Date {
	const raw = (value ?? DEFAULT_CHANGE_WINDOW).trim().replace(/^-/, '');
	const when = /^\d/.test(raw) ? parseWhen(`-${raw}`, until) : undefined;
	if (!when?.ok) throw new UserError(`--since "${value}" is not a duration`, 'use one like 2h, 90m or 1h30m');
	return when.at;
}

export async function listRecentChanges(
	state: IncidentState | undefined,
	repositories: readonly string[],
	since: string | undefined,
	now: Date,
	git: Pick<GitRunnerOptions, 'timeouts' | 'signal'> = {},
): Promise<ChangeListing> {
	const detected = state?.milestones.detected;
	const until = detected ? new Date(detected) : now;
	const window = {since: parseSince(since, until), until};
	const picked = new Set(state?.timeline.flatMap(entry => (entry.change ? [`${entry.change.repository} ${entry.change.hash}`] : [])));
	const read: RepositoryChanges[] = [];
	// One repository at a time: a slow one is stopped by its own time limit, and the lines come out in order.
	for (const path of repositories) read.push(await readRecentChanges(path, window, {...git, retry: 'run changes again'}));
	if (read.every(result => !result.found)) {
		const first = read[0];
		throw new UserError(`no git repository at ${first?.path ?? '.'}${first && !first.found ? ` (${first.reason})` : ''}`, 'pass --repo PATH, or set changeRepos');
	}
	const notes: string[] = [];
	const changes: ListedChange[] = [];
	for (const result of read) {
		if (!result.found) {
			notes.push(`${result.path}: no git repository there (${result.reason}); check --repo or the changeRepos setting`);
			continue;
		}
		const repository = basename(result.root);
		if (result.shallow) notes.push(`${repository}: a shallow clone, so results may be incomplete (git fetch --unshallow)`);
		if (result.changes.length === 0) notes.push(`${repository}: no commits, merges or tags in the window`);
		changes.push(...result.changes.map(change => ({...change, repository, picked: picked.has(`${repository} ${change.hash}`)})));
	}
	changes.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
	return {...window, endsAt: detected ? 'detection' : 'now', changes, notes};
}

/** The listed changes the hashes name (a prefix of 4 or more); a name that fits none or several is refused. */
export function changesNamed(listing: ChangeListing, hashes: readonly string[]): ListedChange[] {
	return hashes.map(given => {
		const prefix = given.trim().toLowerCase();
		if (!/^[0-9a-f]{4,64}$/.test(prefix)) throw new UserError(`"${given}" is not a commit hash`, 'give 4 or more of its first characters, such as a1b2c3d');
		// Commits before tags, so that a tag on a listed commit does not make the hash ambiguous.
		const found = listing.changes.filter(change => change.hash.startsWith(prefix)).sort((a, b) => Number(a.kind === 'tag') - Number(b.kind === 'tag'));
		// A tag and the commit it points at share a hash: the commit is the change.
		const distinct = found.filter((change, index) => found.findIndex(other => other.hash === change.hash && other.repository === change.repository) === index);
		if (distinct.length === 0) throw new UserError(`${given} is not among the changes listed`, 'see incident-tui changes, or widen the window with --since');
		if (distinct.length > 1) throw new UserError(`${given} names ${distinct.length} changes`, 'give more of its characters');
		return distinct[0]!;
	});
}

/** Each change becomes one `change.recorded` event at its own time; ones already in the timeline are skipped. */
export function pickChanges(context: CommandContext, incidentId: string, changes: readonly ListedChange[]): IncidentEvent[] {
	const loggedAt = context.now();
	return changes
		.filter(change => !change.picked)
		.map(change => {
			const {kind, hash, author, subject, repository, tag, at} = change;
			const payload = {type: 'change.recorded', change: kind, hash, commitAuthor: author, subject, repository, ...(tag === undefined ? {} : {tag})} as const;
			return recordEvent(context, incidentId, payload, {at: new Date(at), loggedAt}).event;
		});
}
