import {addFollowUp, changeFollowUp, describeTrailerMark, loadIncidentStates, recordTrailers} from '../commands/follow-ups.js';
import {UserError} from '../commands/command-errors.js';
import {loadIncidentState} from '../commands/load-incident.js';
import {ACTION_KINDS, ACTION_STATUSES, PRIORITIES, isoDate, type ActionKind, type ActionStatus, type Priority} from '../core/events.js';
import {displaySafe} from '../core/display-safe.js';
import {filterFollowUps, followUpsOf, isUrgentOverdue, type FollowUp} from '../core/follow-ups.js';
import type {CliSetup} from './cli-setup.js';
import type {Flags} from './commands-table.js';
import {alignedLines, print, warn} from './output.js';
import {parseChoice} from './parse-flags.js';

const STATUS_WORDS: Record<ActionStatus, string> = {open: 'open', 'in-progress': 'in progress', done: 'done', 'wont-do': "won't do"};

/** `actions` lists; `actions add|done|set` writes one event. Returns the exit code. */
export async function actionsCommand(setup: CliSetup, args: string[], flags: Flags): Promise<number> {
	const [verb, target, ...rest] = args;
	if (verb === 'add') return addCommand(setup, target, rest, flags);
	if (verb === 'done' || verb === 'set') {
		if (target === undefined) throw new UserError(`say which action: incident-tui actions ${verb} ID#N`, 'see incident-tui actions');
		if (rest.length > 0) throw new UserError(`unexpected "${rest[0]}" after ${target}`, 'see incident-tui actions --help');
		const change = {
			status: verb === 'done' ? 'done' : parseStatus(flags.status),
			owner: flags.owner?.trim(),
			due: parseDue(flags.due),
			priority: parsePriority(flags.priority),
			ref: emptyToUndefined(flags.ref),
		} as const;
		if (verb === 'done' && flags.status !== undefined) throw new UserError('done sets the status to done; use actions set --status for another', 'nothing was written');
		const {address} = changeFollowUp(setup.context, target, change);
		print(`${verb === 'done' ? `Marked ${address} done` : `Changed ${address}`}; incident-tui publish commits it to the report`);
		return 0;
	}
	if (verb !== undefined) throw new UserError(`unknown actions command "${verb}"; use add, done or set, or nothing to list`, 'see incident-tui actions --help');
	return listCommand(setup, flags);
}

async function listCommand(setup: CliSetup, flags: Flags): Promise<number> {
	const now = setup.context.now();
	let states = loadIncidentStates(setup.workspace.docsDir);
	const trailers = await recordTrailers(setup.context, setup.workspace, {timeouts: setup.gitTimeouts}, states);
	for (const problem of trailers.problems) warn(problem);
	if (trailers.marked.length > 0) {
		// What the trailers recorded shows in the list below: those incidents are read again.
		const touched = new Set(trailers.marked.map(mark => mark.incidentId));
		states = states.map(state => (touched.has(state.id) ? loadIncidentState(setup.workspace.docsDir, state.id, {summary: true}).state : state));
		for (const mark of trailers.marked) (flags.json ? warn : print)(describeTrailerMark(mark));
	}
	const all = followUpsOf(states, now);
	const shown = filterFollowUps(all, {owner: flags.owner, open: flags.open === true, overdue: flags.overdue});
	const failing = flags.overdue === true && shown.some(isUrgentOverdue);
	if (flags.json) print(JSON.stringify(shown, null, 2));
	else printTable(shown, all.length);
	if (failing) warn(`${shown.filter(isUrgentOverdue).length} P0/P1 action(s) past their due date`);
	return failing ? 1 : 0;
}

function printTable(rows: readonly FollowUp[], total: number): void {
	if (rows.length === 0) {
		print(total === 0 ? 'No corrective actions yet. Add one: incident-tui actions add ID "text" --owner NAME --priority P1' : `None of the ${total} actions match.`);
		return;
	}
	const header = ['ACTION', 'PRI', 'STATUS', 'OWNER', 'DUE', 'AGE', 'DESCRIPTION'];
	const cells = rows.map(row => [
		row.action,
		row.priority,
		STATUS_WORDS[row.status],
		displaySafe(row.owner) || '-',
		row.due ? `${row.due}${row.overdue ? ' !' : ''}` : '-',
		`${row.ageDays}d`,
		displaySafe(row.description) + (row.ref ? ` (${displaySafe(/^[0-9a-f]{40,64}$/.test(row.ref) ? row.ref.slice(0, 7) : row.ref)})` : ''),
	]);
	const [headerLine, ...lines] = alignedLines([header, ...cells]);
	print(headerLine!);
	let incident = '';
	for (const [index, line] of lines.entries()) {
		// A blank line between incidents.
		if (rows[index]!.incidentId !== incident) {
			if (index > 0) print('');
			incident = rows[index]!.incidentId;
		}
		print(line);
	}
	if (rows.some(row => row.overdue)) print('! past its due date');
}

function addCommand(setup: CliSetup, incidentId: string | undefined, words: string[], flags: Flags): number {
	const description = words.join(' ').trim();
	if (incidentId === undefined || description === '') {
		throw new UserError('say which incident and what to do: incident-tui actions add ID "text" --owner NAME --priority P1', 'nothing was written');
	}
	const address = addFollowUp(setup.context, incidentId, {
		description,
		owner: flags.owner?.trim() ?? '',
		priority: parsePriority(flags.priority) ?? 'P2',
		due: parseDue(flags.due),
		kind: parseKind(flags.type),
	});
	print(`Added ${address}; incident-tui publish commits it to the report`);
	return 0;
}

const NOTHING_WRITTEN = 'nothing was written';
const upper = (text: string) => text.toUpperCase();
const lower = (text: string) => text.toLowerCase();

const parsePriority = (value: string | undefined): Priority | undefined =>
	value === undefined ? undefined : parseChoice(value, PRIORITIES, list => `"${value}" is not a priority; use ${list}`, upper, NOTHING_WRITTEN);

const parseStatus = (value: string | undefined): ActionStatus | undefined =>
	value === undefined ? undefined : parseChoice(value, ACTION_STATUSES, list => `"${value}" is not a status; use ${list}`, lower, NOTHING_WRITTEN);

const parseKind = (value: string | undefined): ActionKind | undefined =>
	value === undefined ? undefined : parseChoice(value, ACTION_KINDS, list => `"${value}" is not an action type; use ${list}`, lower, NOTHING_WRITTEN);

function parseDue(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (!isoDate.safeParse(value.trim()).success) throw new UserError(`--due "${value}" is not a date; write YYYY-MM-DD`, 'nothing was written');
	return value.trim();
}

function emptyToUndefined(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}
