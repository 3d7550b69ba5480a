import type {ListedChange} from '../commands/recent-changes.js';
import type {ChecklistItem} from '../core/checklist.js';
import type {ActionKind, ClosureField, EventPayload, HypothesisResult, InvariantKind, NoteKind, Priority, Role} from '../core/events.js';
import type {TimelineEntry} from '../core/incident-state.js';
import type {TimelineFormat} from './timeline-layout.js';

// The live screen's state and what its keys may ask for, shared by the key
// table, the mode handlers (modes/) and the controller. Nothing here decides.

export type Pane = 'checklist' | 'timeline' | 'hypotheses';

/** What a prompt's leading `@WHEN` and `@name:` said, carried to the prompt that writes the event. */
export interface PromptTimes {
	at?: Date;
	by?: string;
}

/** The timeline event `E` amends, as it stands now. */
export interface AmendTarget {
	eventId: string;
	at: string;
	/** Who did it: the doer, else the typist. */
	owner: string;
	/** Its text, when it has one an amendment can change (a note, a hypothesis). */
	text?: string;
	/** What it says in the timeline, for a prompt about an event without such text. */
	summary: string;
}

/** The hypothesis a result is for, as the prompts name it (`H2: DB lock contention`). */
export interface ResultTarget {
	hypothesisId: string;
	/** `H2`: its place in the hypotheses pane. */
	ref: string;
	statement: string;
	/** The result this one changes, when it has one already. */
	replaces?: HypothesisResult;
	/** Why this hypothesis: the one selected in the pane, or the newest open one. */
	chosenAs: 'selected' | 'newest open';
}

export type TextPurpose =
	| {kind: 'note'; noteKind: NoteKind}
	| {kind: 'hypothesis-statement'}
	| {kind: 'hypothesis-test'; statement: string; times?: PromptTimes}
	| ({kind: 'evidence'; result: HypothesisResult} & ResultTarget)
	| {kind: 'role-handle'; role: Role}
	| {kind: 'handover-summary'; handle: string; times?: PromptTimes}
	/** The time the next status, severity, checklist or close action is stamped at (README "Backdating"). */
	| {kind: 'pending-time'}
	/** `!`: a shell command line, run in the terminal like `incident-tui run`. */
	| {kind: 'command-line'}
	| {kind: 'amend'; target: AmendTarget};

export type ChoicePurpose =
	| {kind: 'status'}
	| {kind: 'severity'}
	| ({kind: 'result'} & ResultTarget)
	| {kind: 'role'}
	| {kind: 'note-kind'; target: string; current: NoteKind}
	/** `C`: the repositories' recent changes, newest first. */
	| {kind: 'change'; changes: readonly ListedChange[]};

export type ActionPhase = 'description' | 'type' | 'owner' | 'priority' | 'due' | 'link' | 'status';

export type WizardDraft =
	| {kind: 'text'; value: string}
	/** An action item, asked field by field; `value` is the text of the phase being typed. */
	| {
			kind: 'action';
			phase: ActionPhase;
			description: string;
			owner: string;
			actionKind?: ActionKind;
			priority?: Priority;
			due?: string;
			bug?: string;
			value: string;
	  }
	| {kind: 'invariant'; phase: 'kind' | 'reference' | 'description'; invariantKind?: InvariantKind; reference: string; value: string}
	/**
	 * What the close step asks depends on the incident when the key arrives: an invariant recorded a moment ago
	 * counts. `time`: asking when it was resolved (no resolution milestone), after the `reason` if one was needed.
	 */
	| {kind: 'close'; value: string; phase?: 'time'; reason?: string}
	| {kind: 'confirm'};

export interface WizardMode {
	name: 'wizard';
	step: number;
	draft: WizardDraft;
}

export type LiveMode =
	| {name: 'browse'}
	/** `scroll`: lines of the overlay scrolled past, where it is taller than the screen. */
	| {name: 'help'; scroll?: number}
	/** One timeline event in full, opened with Enter. */
	| {name: 'detail'; eventId: string; scroll: number}
	| {name: 'text'; purpose: TextPurpose; value: string; pressedAt: Date}
	| {name: 'choose'; purpose: ChoicePurpose; index: number; pressedAt: Date}
	| {name: 'confirm'; targetId: string; summary: string}
	/** A stakeholder update being edited before it is sent. */
	| {name: 'compose'; value: string; pressedAt: Date}
	| WizardMode;

export type ModeName = LiveMode['name'];
export type ModeOf<Name extends ModeName> = Extract<LiveMode, {name: Name}>;

export interface LiveUi {
	mode: LiveMode;
	focus: Pane;
	/** Which runbook phase's checklist is shown. */
	phaseIndex: number;
	checklistIndex: number;
	hypothesisIndex: number;
	/** Events scrolled up from the newest; 0 follows new events. */
	timelineScroll: number;
	/** The timeline event the correction keys act on; none selected means the newest. */
	timelineSelected?: string;
	message?: {text: string; tone: 'info' | 'error'};
	/** Set with `@`: the next status, severity, checklist or close action happened then, not at its key press. */
	pendingAt?: Date;
	/**
	 * The stakeholder update just sent, shown while browsing so it can be selected
	 * by hand where OSC 52 is refused; like the message, it goes at the next key,
	 * which does its usual job.
	 */
	sentUpdate?: string;
}

export const INITIAL_LIVE_UI: LiveUi = {
	mode: {name: 'browse'},
	focus: 'checklist',
	phaseIndex: 0,
	checklistIndex: 0,
	hypothesisIndex: 0,
	timelineScroll: 0,
};

/** What the wizard needs to know about the incident. */
export interface WizardView {
	closure: Partial<Record<ClosureField, string>>;
	hasInvariant: boolean;
	closed: boolean;
	/** The resolution milestone: closing is stamped at it. */
	resolvedAt?: string;
}

/** What the keys need to know about the incident on screen. */
export interface LiveView {
	/** Each runbook phase's checklist; the UI state says which is shown. */
	phases: readonly (readonly ChecklistItem[])[];
	ticked: ReadonlySet<string>;
	hypotheses: readonly {id: string; statement: string; resolved: boolean; result?: HypothesisResult}[];
	undoTarget?: {eventId: string; summary: string};
	/** The incident's timeline as the reducer gave it (not copied: it can hold 100,000 events). */
	timeline: readonly TimelineEntry[];
	timelineRows: number;
	/** The timeline's column widths: how many rows each event takes. */
	timelineFormat: TimelineFormat;
	/** Where the help overlay and the detail view draw: what their scrolling is bounded by. */
	screen: {columns: number; bodyRows: number};
	wizard: WizardView;
	/** The wizard step to resume at. */
	firstMissingStep: number;
}

/**
 * What a key asks of the world. Most keys append one event (`record`); the
 * rest call a command with logic of its own (`close`, the golden rule) or a
 * service (git, templates, the clipboard), or leave.
 */
export type LiveEffect =
	/** `confirmation`: what to say once it is on disk, when the key knows more than the event (what an amendment changed). */
	| {type: 'record'; event: EventPayload; at: Date; loggedAt?: Date; by?: string; confirmation?: string}
	| {type: 'close'; overrideReason?: string; at: Date}
	| {type: 'publish'}
	| {type: 'sync'}
	| {type: 'draft-update'}
	/** Reads the recent changes through git; `C`'s list opens once they are read. */
	| {type: 'list-changes'}
	/** Leaves the screen for the terminal while the command runs (logged like `incident-tui run`), and comes back at Enter. */
	| {type: 'run-command'; line: string}
	/** Logs the update as sent (a communication) and copies it through the terminal. */
	| {type: 'send-update'; text: string; at: Date}
	| {type: 'quit'};

export interface LiveKeyResult {
	ui: LiveUi;
	effect?: LiveEffect;
}

/** An event at the time of the key press that started it. */
export function record(event: EventPayload, at: Date): LiveEffect {
	return {type: 'record', event, at};
}

/**
 * An action without a prompt of its own (status, severity, a tick): at the
 * time `@` set, which it uses up, written down at its key press; else at the key press.
 */
export function stamped(ui: LiveUi, event: EventPayload, pressedAt: Date): LiveKeyResult {
	if (!ui.pendingAt) return {ui, effect: record(event, pressedAt)};
	const {pendingAt: at, ...rest} = ui;
	return {ui: rest, effect: {type: 'record', event, at, loggedAt: pressedAt}};
}

/** Where the selection is: the event chosen with the arrows, or the newest. */
export function selectedTimelineIndex(ui: LiveUi, view: LiveView): number {
	const chosen = ui.timelineSelected === undefined ? -1 : view.timeline.findLastIndex(entry => entry.eventId === ui.timelineSelected);
	return chosen >= 0 ? chosen : view.timeline.length - 1;
}

/** The timeline event the selection is on, if the timeline has any. */
export function selectedTimelineEntry(ui: LiveUi, view: LiveView): TimelineEntry | undefined {
	return view.timeline[selectedTimelineIndex(ui, view)];
}

export function info(ui: LiveUi, text: string): LiveUi {
	return {...ui, message: {text, tone: 'info'}};
}

/** Keeps the prompt open, text and all, and says why its answer was not taken. */
export function refuse(ui: LiveUi, reason: string): LiveUi {
	return {...ui, message: {text: reason, tone: 'error'}};
}

/** A refusal's reason (or a failed write's) stays until the text it was about changes. */
export function withoutRefusal(ui: LiveUi): LiveUi {
	return ui.message?.tone === 'error' ? {...ui, message: undefined} : ui;
}

export function toBrowse(ui: LiveUi, message?: string): LiveUi {
	const browse: LiveUi = {...ui, mode: {name: 'browse'}};
	return message === undefined ? browse : info(browse, message);
}

/** What a mode's handler is told besides the command's name. */
export interface KeyContext {
	view: LiveView;
	/** The time of this key press. */
	now: Date;
	/** The table's argument for the key that was pressed (a note kind, a direction). */
	arg?: string;
}

export type CommandHandler<M extends LiveMode> = (ui: LiveUi, mode: M, key: KeyContext) => LiveKeyResult;

/** One mode's keys: a handler per command of the key table, and typed text. */
export interface ModeHandler<M extends LiveMode> {
	commands: Readonly<Record<string, CommandHandler<M>>>;
	/** Printable characters that run no command: typed text, or a paste. */
	text?: (ui: LiveUi, mode: M, text: string, key: KeyContext & {paste: boolean}) => LiveKeyResult;
}
