import {createInterface} from 'node:readline/promises';
import {findIncident, findNewestOpenIncident} from '../commands/find-incident.js';
import {changesNamed, listRecentChanges, pickChanges, type ChangeListing, type ListedChange} from '../commands/recent-changes.js';
import {UserError} from '../commands/command-errors.js';
import {SHORT_HASH_LENGTH} from '../core/describe-event.js';
import {formatUtcDateTime} from '../core/time-format.js';
import type {CliSetup} from './cli-setup.js';
import {print, warn} from './output.js';

export interface ChangesFlags {
	since?: string;
	repo?: string[];
	pick?: boolean;
	id?: string;
}

/** `incident-tui changes`: list, and with --pick add the chosen ones to the timeline. */
export async function changesCommand(setup: CliSetup, args: string[], flags: ChangesFlags): Promise<void> {
	if (args.length > 0 && !flags.pick) throw new UserError(`changes takes no words (${args[0]}) unless they are hashes after --pick`, 'see incident-tui changes --help');
	const {docsDir} = setup.workspace;
	// Without an incident the list still works (the window ends now); picking needs one.
	const incident = flags.id !== undefined || flags.pick ? findIncident(docsDir, flags.id) : findNewestOpenIncident(docsDir);
	const repositories = flags.repo ?? (setup.settings.changeRepos.length > 0 ? setup.settings.changeRepos : [setup.workspace.root]);
	const listing = await listRecentChanges(incident?.state, repositories, flags.since, setup.context.now(), {timeouts: setup.gitTimeouts});
	for (const note of listing.notes) warn(note);
	if (flags.pick && args.length > 0) {
		record(setup, incident!.state.id, changesNamed(listing, args));
		return;
	}
	printListing(listing);
	if (!flags.pick || listing.changes.length === 0) return;
	if (!process.stdin.isTTY) throw new UserError('--pick without hashes asks which to add, and needs a terminal', 'give the hashes: incident-tui changes --pick a1b2c3d');
	const chosen = await askWhich(listing.changes);
	if (chosen.length === 0) {
		print('Nothing added.');
		return;
	}
	record(setup, incident!.state.id, chosen);
}

function record(setup: CliSetup, incidentId: string, changes: readonly ListedChange[]): void {
	for (const change of changes.filter(change => change.picked)) print(`Already in the timeline: ${change.hash.slice(0, SHORT_HASH_LENGTH)} ${change.subject}`);
	const events = pickChanges(setup.context, incidentId, changes);
	for (const event of events) {
		if (event.type !== 'change.recorded') continue;
		print(`Added ${event.change} ${event.hash.slice(0, SHORT_HASH_LENGTH)} to ${incidentId} at ${formatUtcDateTime(event.at)} UTC: ${event.subject}`);
	}
}

function printListing(listing: ChangeListing): void {
	const end = listing.endsAt === 'detection' ? 'detection' : 'now';
	print(`Changes from ${formatUtcDateTime(listing.since)} to ${formatUtcDateTime(listing.until)} UTC (${end}), newest first:`);
	listing.changes.forEach((change, index) => print(changeLine(change, index + 1)));
}

/** `  1  2026-11-23 14:02  merge    a1b2c3d  api  alice  Merge pull request #12` (`*` marks one already picked). */
function changeLine(change: ListedChange, number: number): string {
	const kind = change.kind === 'tag' ? `tag ${change.tag ?? ''}` : change.kind;
	const mark = change.picked ? '*' : ' ';
	return `${String(number).padStart(3)}${mark} ${formatUtcDateTime(change.at)}  ${kind.padEnd(7)}  ${change.hash.slice(0, SHORT_HASH_LENGTH)}  ${change.repository}  ${change.author}  ${change.subject}`;
}

/** Numbers separated by spaces or commas; a number out of range is asked again. */
async function askWhich(changes: readonly ListedChange[]): Promise<ListedChange[]> {
	const prompt = createInterface({input: process.stdin, output: process.stdout});
	try {
		for (;;) {
			const answer = (await prompt.question('Add which to the timeline? Numbers (1 3), Enter for none: ')).trim();
			if (answer === '') return [];
			const numbers = answer.split(/[\s,]+/).map(Number);
			const wrong = numbers.find(number => !Number.isInteger(number) || number < 1 || number > changes.length);
			if (wrong === undefined) return [...new Set(numbers)].map(number => changes[number - 1]!);
			print(`${answer}: give numbers from 1 to ${changes.length}`);
		}
	} finally {
		prompt.close();
	}
}
