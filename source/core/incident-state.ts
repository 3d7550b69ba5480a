import type {
	ActionKind,
	ChangeKind,
	ActionStatus,
	ClosureField,
	HypothesisResult,
	InvariantKind,
	NoteKind,
	Priority,
	Role,
	Severity,
	Status,
} from './events.js';

// The shape every screen and report reads. It is only ever derived from the
// journal by the reducer, never stored.

export type TimelineKind =
	| NoteKind
	| 'opened'
	| 'severity'
	| 'status'
	| 'role'
	| 'checklist'
	| 'hypothesis'
	| 'closed'
	/** A commit, merge or tag picked with `incident-tui changes`. */
	| 'change'
	| 'unknown';

export interface TimelineEntry {
	eventId: string;
	at: string;
	/** Set when the event was backdated: when it was actually written down. */
	loggedAt?: string;
	/** Who typed it. */
	author: string;
	/** Who did it, when someone else: the owner is `by ?? author`. */
	by?: string;
	kind: TimelineKind;
	text: string;
	amended: boolean;
	/** For an amended event: its values as first written (text, time, kind, doer). */
	original?: {text: string; at: string; kind: TimelineKind; by?: string};
	/** For a status change: the new status. */
	status?: Status;
	/** For a hypothesis result: the outcome. */
	outcome?: HypothesisResult;
	/** For a command run with `incident-tui run` (kind `action`). */
	command?: {line: string; exitCode: number; durationMs: number; evidence?: string};
	/** For a picked change. */
	change?: {kind: ChangeKind; hash: string; author: string; subject: string; repository: string; tag?: string};
}

export interface ChecklistTick {
	eventId: string;
	item: string;
	label: string;
	at: string;
	by: string;
}

export interface HypothesisOutcome {
	outcome: HypothesisResult;
	evidence: string;
	at: string;
	by: string;
	eventId: string;
}

export interface Hypothesis {
	id: string;
	statement: string;
	test: string;
	at: string;
	by: string;
	/** The latest result; `previous` is set when it replaced an earlier one. */
	result?: HypothesisOutcome & {previous?: HypothesisOutcome};
}

export interface CorrectiveAction {
	id: string;
	description: string;
	owner: string;
	priority: Priority;
	due?: string;
	status: ActionStatus;
	kind?: ActionKind;
	bug?: string;
	/** The commit or PR that did it, the latest one recorded. */
	ref?: string;
	/** Every ref ever recorded, so a commit's trailer is recorded once even after the action is reopened. */
	refs?: string[];
	at: string;
	by: string;
}

export interface Invariant {
	eventId: string;
	kind: InvariantKind;
	reference: string;
	description: string;
	at: string;
	by: string;
}

/**
 * When each moment of the response happened (README "Milestones and
 * metrics"). Only explicit milestone notes and the opening set them, never a
 * checklist tick, a status change or the close; the earliest in force wins.
 */
export interface Milestones {
	/** When users were first affected (an `impact` note). */
	impact?: string;
	detected?: string;
	acknowledged?: string;
	/** The opening event's time. */
	declared?: string;
	mitigated?: string;
	resolved?: string;
}

export interface IncidentState {
	id: string;
	/** False until the `incident.opened` event is present (for example before a sync delivers it). */
	opened: boolean;
	title: string;
	severity: Severity;
	status: Status;
	environment?: string;
	openedAt?: string;
	openedBy?: string;
	roles: Partial<Record<Role, string>>;
	checklist: Record<string, ChecklistTick>;
	timeline: TimelineEntry[];
	hypotheses: Hypothesis[];
	closure: Partial<Record<ClosureField, string>>;
	actions: CorrectiveAction[];
	invariants: Invariant[];
	closed?: {at: string; by: string; overrideReason?: string};
	publications: {path: string; template: string; commit?: string; at: string; by: string}[];
	milestones: Milestones;
	/** When the current commander took command (the opening, or the last hand-over). */
	commanderSince?: string;
	lastHandover?: {from: string; to: string; at: string; summary?: string};
	/** The last stakeholder update (a communication note). */
	lastCommunicationAt?: string;
	/** Things a reader should see, such as an out-of-order milestone. Never a reason to refuse an event. */
	warnings: string[];
	authors: string[];
	/** Ids of events still in force (not retracted), newest last: what undo can take back. */
	activeEventIds: string[];
	eventCount: number;
}

export function emptyIncidentState(id: string): IncidentState {
	return {
		id,
		opened: false,
		title: '(opening event not yet received)',
		severity: 2,
		status: 'investigating',
		roles: {},
		checklist: {},
		timeline: [],
		hypotheses: [],
		closure: {},
		actions: [],
		invariants: [],
		publications: [],
		milestones: {},
		warnings: [],
		authors: [],
		activeEventIds: [],
		eventCount: 0,
	};
}

export function isOpenIncident(state: IncidentState): boolean {
	return state.closed === undefined && state.status !== 'resolved';
}
