import type {ActionKind, ActionStatus, Priority} from './events.js';
import {isIncidentId} from './incident-id.js';
import type {CorrectiveAction, IncidentState} from './incident-state.js';

// Corrective actions across incidents (README "Across incidents"). An action
// is named `ID#N`: the N-th action of incident ID in the order its
// `action.added` events fold (their time, then their event id), the wizard's
// and `actions add`'s alike. Nothing can retract an action (undo and the
// timeline reach only timeline events), so a number, once given, stays.

export interface ActionAddress {
	incidentId: string;
	number: number;
}

/** `2026-11-23-01#2`; undefined when it is not one. */
export function parseActionAddress(text: string): ActionAddress | undefined {
	const match = /^(\d{4}-\d{2}-\d{2}-\d{2,3})#([1-9]\d{0,5})$/.exec(text.trim());
	if (!match || !isIncidentId(match[1]!)) return undefined;
	return {incidentId: match[1]!, number: Number(match[2])};
}

export function formatActionAddress({incidentId, number}: ActionAddress): string {
	return `${incidentId}#${number}`;
}

export function actionByNumber(state: IncidentState, number: number): CorrectiveAction | undefined {
	return state.actions[number - 1];
}

export const isOpenAction = (status: ActionStatus) => status === 'open' || status === 'in-progress';

/** One row of `incident-tui actions`, and of its `--json`. */
export interface FollowUp {
	action: string;
	incidentId: string;
	incidentTitle: string;
	number: number;
	description: string;
	owner: string;
	priority: Priority;
	due?: string;
	status: ActionStatus;
	type?: ActionKind;
	ticket?: string;
	/** The commit or PR that did it. */
	ref?: string;
	addedAt: string;
	ageDays: number;
	/** Still to do and its due date (UTC) is before today. */
	overdue: boolean;
}

/** Every action of `states` (newest incident first, as given), each incident's in number order. */
export function followUpsOf(states: readonly IncidentState[], now: Date): FollowUp[] {
	const today = now.toISOString().slice(0, 10);
	return states.flatMap(state =>
		state.actions.map((action, index) => ({
			action: formatActionAddress({incidentId: state.id, number: index + 1}),
			incidentId: state.id,
			incidentTitle: state.title,
			number: index + 1,
			description: action.description,
			owner: action.owner,
			priority: action.priority,
			...(action.due ? {due: action.due} : {}),
			status: action.status,
			...(action.kind ? {type: action.kind} : {}),
			...(action.bug ? {ticket: action.bug} : {}),
			...(action.ref ? {ref: action.ref} : {}),
			addedAt: action.at,
			ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(action.at)) / 86_400_000)),
			overdue: isOpenAction(action.status) && action.due !== undefined && action.due < today,
		})),
	);
}

export interface FollowUpFilter {
	owner?: string;
	open?: boolean;
	overdue?: boolean;
}

export function filterFollowUps(followUps: readonly FollowUp[], filter: FollowUpFilter): FollowUp[] {
	const owner = filter.owner?.trim().replace(/^@/, '').toLowerCase();
	return followUps.filter(
		followUp =>
			(owner === undefined || followUp.owner.trim().replace(/^@/, '').toLowerCase() === owner) &&
			(!filter.open || isOpenAction(followUp.status)) &&
			(!filter.overdue || followUp.overdue),
	);
}

/** What `--overdue` fails a CI job on: a P0 or P1 past its due date. */
export function isUrgentOverdue(followUp: FollowUp): boolean {
	return followUp.overdue && (followUp.priority === 'P0' || followUp.priority === 'P1');
}

/** A commit and the values of its `Incident-Action:` trailers. */
export interface TrailerCommit {
	commit: string;
	values: string[];
}

/**
 * Reads `git log --format=%H%x00%(trailers:key=Incident-Action,valueonly)%x1e`:
 * records split by RS, the hash and the trailer values by NUL, one value a line.
 */
export function parseTrailerLog(output: string): TrailerCommit[] {
	return output.split('\x1e').flatMap(record => {
		const [hash, values = ''] = record.replace(/^\n+/, '').split('\0');
		const commit = hash?.trim() ?? '';
		if (!/^[0-9a-f]{7,64}$/.test(commit)) return [];
		const list = values.split('\n').map(value => value.trim()).filter(value => value !== '');
		return list.length > 0 ? [{commit, values: list}] : [];
	});
}

export interface TrailerMark {
	incidentId: string;
	actionId: string;
	address: string;
	commit: string;
}

/**
 * The actions the trailers mark done and not yet recorded: an action whose refs
 * already hold the commit is skipped, so each trailer is recorded once, and a
 * reopened action stays open. Trailers naming nothing known are `problems`.
 */
export function trailerMarks(commits: readonly TrailerCommit[], stateOf: (incidentId: string) => IncidentState | undefined): {marks: TrailerMark[]; problems: string[]} {
	const marks: TrailerMark[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	// Oldest first: when several commits name one action, its ref ends as the newest.
	for (const {commit, values} of [...commits].reverse()) {
		for (const value of values) {
			const address = parseActionAddress(value);
			const state = address && stateOf(address.incidentId);
			const action = address && state && actionByNumber(state, address.number);
			if (!address || !action) {
				problems.push(`commit ${commit.slice(0, 7)} has "Incident-Action: ${value}", which names no action (ID#N, see incident-tui actions)`);
				continue;
			}
			const key = `${address.incidentId}#${action.id}@${commit}`;
			if (seen.has(key) || action.refs?.includes(commit)) continue;
			seen.add(key);
			marks.push({incidentId: address.incidentId, actionId: action.id, address: formatActionAddress(address), commit});
		}
	}
	return {marks, problems};
}
