import type {Workspace} from '../config/workspace.js';
import type {ActionKind, ActionStatus, EventOf, Priority} from '../core/events.js';
import {actionByNumber, formatActionAddress, parseActionAddress, parseTrailerLog, trailerMarks, type ActionAddress, type TrailerMark} from '../core/follow-ups.js';
import type {IncidentState} from '../core/incident-state.js';
import {GitFault} from '../git/git-fault.js';
import {GitCommandError, gitRunner, type GitRunnerOptions} from '../git/run-git.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import {findIncident} from './find-incident.js';
import {loadIncidentState} from './load-incident.js';
import {recordEvent} from './record-event.js';

// Corrective actions after the fact (README "Across incidents"): added,
// changed and marked done by events in the incident's own journal, in this
// responder's file, like every other event.

/** Every opened incident, newest first, from summary checkpoints where they exist. */
export function loadIncidentStates(docsDir: string): IncidentState[] {
	return listIncidentIds(docsDir)
		.reverse()
		.map(id => loadIncidentState(docsDir, id, {summary: true}).state)
		.filter(state => state.opened);
}

export interface NewFollowUp {
	description: string;
	owner: string;
	priority: Priority;
	due?: string;
	kind?: ActionKind;
}

/** Records an `action.added`, the same event the wizard writes; returns its `ID#N`. */
export function addFollowUp(context: CommandContext, incidentId: string, followUp: NewFollowUp): string {
	const {state} = findIncident(context.docsDir, incidentId, {summary: true});
	const {event} = recordEvent(context, state.id, {
		type: 'action.added',
		description: followUp.description,
		owner: followUp.owner,
		priority: followUp.priority,
		status: 'open',
		...(followUp.due ? {due: followUp.due} : {}),
		...(followUp.kind ? {kind: followUp.kind} : {}),
	});
	const after = loadIncidentState(context.docsDir, state.id, {summary: true}).state;
	const number = after.actions.findIndex(action => action.id === event.id) + 1;
	return formatActionAddress({incidentId: state.id, number});
}

export type FollowUpChange = Partial<{status: ActionStatus; owner: string; due: string; priority: Priority; ref: string}>;

/** The action `ID#N` names; an unknown incident or number is one line and exit 1. */
function findFollowUp(docsDir: string, text: string): {address: ActionAddress; state: IncidentState; actionId: string} {
	const address = parseActionAddress(text);
	if (!address) throw new UserError(`"${text}" is not an action: write ID#N, such as 2026-11-23-01#2`, 'see incident-tui actions');
	const {state} = findIncident(docsDir, address.incidentId, {summary: true});
	const action = actionByNumber(state, address.number);
	if (!action) {
		const count = state.actions.length;
		throw new UserError(`${state.id} has no action #${address.number} (it has ${count === 0 ? 'none' : count === 1 ? 'one, #1' : `#1 to #${count}`})`, 'see incident-tui actions');
	}
	return {address, state, actionId: action.id};
}

/** Records one `action.updated` with the fields that change. */
export function changeFollowUp(context: CommandContext, text: string, change: FollowUpChange): {address: string; event: EventOf<'action.updated'>} {
	const {address, actionId} = findFollowUp(context.docsDir, text);
	if (Object.values(change).every(value => value === undefined)) {
		throw new UserError('nothing to change: give --status, --owner, --due, --priority or --ref', 'nothing was written');
	}
	const {event} = recordEvent(context, address.incidentId, {type: 'action.updated', action: actionId, ...definedOnly(change)});
	return {address: formatActionAddress(address), event: event as EventOf<'action.updated'>};
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

export interface TrailerResult {
	marked: TrailerMark[];
	/** One line each: a trailer naming no action, or git not answering in time. */
	problems: string[];
}

/**
 * Marks done each action a commit's `Incident-Action: ID#N` trailer names,
 * once: one `git log` over the commits since the oldest incident with
 * actions was declared (a trailer cannot name an incident before it exists),
 * bounded by the git time limit. No repository, or no commits yet: nothing.
 */
export async function recordTrailers(
	context: CommandContext,
	workspace: Workspace,
	git: Pick<GitRunnerOptions, 'timeouts' | 'signal'>,
	/** Every opened incident, when the caller has them already. */
	known: readonly IncidentState[] = loadIncidentStates(context.docsDir),
): Promise<TrailerResult> {
	if (!workspace.inGitRepository) return {marked: [], problems: []};
	const withActions = known.filter(state => state.actions.length > 0 && state.openedAt);
	if (withActions.length === 0) return {marked: [], problems: []};
	const oldest = withActions.map(state => state.openedAt!).sort()[0]!;
	// A day early: a commit's date is its author's clock, which may run behind.
	const since = new Date(Date.parse(oldest) - 86_400_000).toISOString();
	let output: string;
	try {
		output = await gitRunner(workspace.root, {...git, retry: 'run it again'})([
			'log',
			`--since=${since}`,
			'--regexp-ignore-case',
			'--grep=^incident-action:',
			'--format=%H%x00%(trailers:key=Incident-Action,valueonly)%x1e',
		]);
	} catch (error) {
		if (error instanceof GitCommandError) return {marked: [], problems: []};
		if (error instanceof GitFault) return {marked: [], problems: [`commit trailers not read: ${error.message}`]};
		throw error;
	}
	const byId = new Map(known.map(state => [state.id, state]));
	const {marks, problems} = trailerMarks(parseTrailerLog(output), id => byId.get(id));
	for (const mark of marks) {
		recordEvent(context, mark.incidentId, {type: 'action.updated', action: mark.actionId, status: 'done', ref: mark.commit});
	}
	return {marked: marks, problems};
}

/** `Marked 2026-11-23-01#2 done by commit 1a2b3c4 (its Incident-Action trailer)` */
export function describeTrailerMark(mark: TrailerMark): string {
	return `Marked ${mark.address} done by commit ${mark.commit.slice(0, 7)} (its Incident-Action trailer)`;
}
