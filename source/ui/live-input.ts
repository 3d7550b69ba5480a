import type {ChecklistItem} from '../core/checklist.js';
import type {
	ClosureField,
	HypothesisResult,
	InvariantKind,
	NoteKind,
	Priority,
	Role,
	Severity,
	Status,
} from '../core/events.js';
import {isCtrlC, type KeyPress} from './key-press.js';
import {NOTE_KEYS} from './keys.js';
import {handleProblem, textProblem} from './prompt-rules.js';
import {editText} from './text-editing.js';
import {handleChoiceKey, type ChoicePurpose} from './choice-input.js';
import {handleComposeKey} from './compose-input.js';
import {handleWizardKey, startWizardStep, type WizardMode, type WizardView} from './wizard-input.js';

// What each key does on the live screen, as a pure function of the screen's
// state: key press → next UI state and, at most, one effect (an event to
// append). The hook runs the effect; nothing here touches files.

export type Pane = 'checklist' | 'timeline' | 'hypotheses';
const PANES: readonly Pane[] = ['checklist', 'timeline', 'hypotheses'];

export type TextPurpose =
	| {kind: 'note'; noteKind: NoteKind}
	| {kind: 'hypothesis-statement'}
	| {kind: 'hypothesis-test'; statement: string}
	| {kind: 'evidence'; hypothesisId: string; result: HypothesisResult}
	| {kind: 'role-handle'; role: Role}
	| {kind: 'handover-summary'; handle: string};


export type LiveMode =
	| {name: 'browse'}
	| {name: 'help'}
	| {name: 'text'; purpose: TextPurpose; value: string; pressedAt: Date}
	| {name: 'choose'; purpose: ChoicePurpose; index: number; pressedAt: Date}
	| {name: 'confirm-undo'; targetId: string; summary: string}
	/** A stakeholder update being edited before it is sent. */
	| {name: 'compose'; value: string; pressedAt: Date}
	/** The update just sent, left on screen to select by hand where OSC 52 is refused. */
	| {name: 'sent-update'; text: string}
	| WizardMode;

export interface LiveUi {
	mode: LiveMode;
	focus: Pane;
	/** Which runbook phase's checklist is shown. */
	phaseIndex: number;
	checklistIndex: number;
	hypothesisIndex: number;
	/** Rows scrolled up from the newest event; 0 follows new events. */
	timelineScroll: number;
	message?: {text: string; tone: 'info' | 'error'};
}

export const INITIAL_LIVE_UI: LiveUi = {
	mode: {name: 'browse'},
	focus: 'checklist',
	phaseIndex: 0,
	checklistIndex: 0,
	hypothesisIndex: 0,
	timelineScroll: 0,
};

/** What the keys need to know about the incident on screen. */
export interface LiveView {
	/** Each runbook phase's checklist; the UI state says which is shown. */
	phases: readonly (readonly ChecklistItem[])[];
	ticked: ReadonlySet<string>;
	hypotheses: readonly {id: string; statement: string; resolved: boolean}[];
	undoTarget?: {eventId: string; summary: string};
	timelineLength: number;
	timelineRows: number;
	wizard: WizardView;
	/** The wizard step to resume at. */
	firstMissingStep: number;
}

export type LiveEffect =
	| {type: 'log-note'; kind: NoteKind; text: string; pressedAt: Date}
	| {type: 'add-hypothesis'; statement: string; test: string; pressedAt: Date}
	| {type: 'resolve-hypothesis'; hypothesisId: string; result: HypothesisResult; evidence: string; pressedAt: Date}
	| {type: 'set-checklist-item'; item: ChecklistItem; ticked: boolean; pressedAt: Date}
	| {type: 'set-status'; status: Status; pressedAt: Date}
	| {type: 'set-severity'; severity: Severity; pressedAt: Date}
	| {type: 'retract'; targetId: string; pressedAt: Date}
	| {type: 'record-closure'; field: ClosureField; value: string; pressedAt: Date}
	| {type: 'add-action'; description: string; owner: string; priority: Priority; due?: string; pressedAt: Date}
	| {type: 'record-invariant'; kind: InvariantKind; reference: string; description: string; pressedAt: Date}
	| {type: 'close'; overrideReason?: string; pressedAt: Date}
	| {type: 'publish'}
	| {type: 'sync'}
	| {type: 'compose'}
	| {type: 'send-update'; text: string; pressedAt: Date}
	| {type: 'assign-role'; role: Role; handle: string; summary?: string; pressedAt: Date}
	| {type: 'quit'};

export interface LiveKeyResult {
	ui: LiveUi;
	effect?: LiveEffect;
}


export function handleLiveKey(ui: LiveUi, press: KeyPress, view: LiveView, now: Date): LiveKeyResult {
	if (isCtrlC(press)) return {ui, effect: {type: 'quit'}};
	switch (ui.mode.name) {
		case 'help':
			return {ui: {...ui, mode: {name: 'browse'}}};
		case 'text':
			return handleTextKey(ui, ui.mode, press);
		case 'choose':
			return handleChoiceKey(ui, ui.mode, press, view);
		case 'confirm-undo':
			return handleConfirmKey(ui, ui.mode, press, now);
		case 'wizard':
			return handleWizardKey(ui, ui.mode, press, view.wizard, now);
		case 'compose':
			return handleComposeKey(ui, ui.mode, press);
		case 'sent-update':
			return {ui: {...ui, mode: {name: 'browse'}}};
		case 'browse':
			return handleBrowseKey({...ui, message: undefined}, press, view, now);
	}
}

function handleBrowseKey(ui: LiveUi, press: KeyPress, view: LiveView, now: Date): LiveKeyResult {
	// Pasted text is never a run of hotkeys (a "q" in a log line must not quit).
	if (press.paste) return {ui: info(ui, 'paste ignored: press n (or another log key) first, then paste')};
	const noteKind = NOTE_KEYS[press.input];
	if (noteKind && !press.ctrl && !press.meta) {
		return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'note', noteKind}, value: '', pressedAt: now}}};
	}
	if (press.tab) return {ui: {...ui, focus: cyclePane(ui.focus, press.shift ? -1 : 1)}};
	if (press.upArrow || press.downArrow) return {ui: moveSelection(ui, press.upArrow ? -1 : 1, view)};
	if (press.leftArrow || press.rightArrow) {
		const phaseIndex = clamp(ui.phaseIndex + (press.leftArrow ? -1 : 1), view.phases.length);
		return {ui: {...ui, phaseIndex, checklistIndex: phaseIndex === ui.phaseIndex ? ui.checklistIndex : 0, focus: 'checklist'}};
	}
	if (press.pageUp || press.pageDown) {
		const page = Math.max(1, view.timelineRows - 1);
		return {ui: scrollTimeline({...ui, focus: 'timeline'}, press.pageUp ? page : -page, view)};
	}
	switch (press.input) {
		case 'h':
			return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'hypothesis-statement'}, value: '', pressedAt: now}}};
		case 'r':
			return startResult(ui, view, now);
		case ' ':
			return toggleChecklist(ui, view, now);
		case 's':
			return {ui: {...ui, mode: {name: 'choose', purpose: {kind: 'status'}, index: 0, pressedAt: now}}};
		case 'v':
			return {ui: {...ui, mode: {name: 'choose', purpose: {kind: 'severity'}, index: 0, pressedAt: now}}};
		case 'u':
			if (!view.undoTarget) return {ui: info(ui, 'nothing of yours to undo')};
			return {ui: {...ui, mode: {name: 'confirm-undo', targetId: view.undoTarget.eventId, summary: view.undoTarget.summary}}};
		case 'w':
			return {ui: {...ui, mode: startWizardStep(view.firstMissingStep, view.wizard)}};
		case 'p':
			return {ui: info(ui, 'publishing…'), effect: {type: 'publish'}};
		case 'g':
			return {ui: info(ui, 'syncing…'), effect: {type: 'sync'}};
		case 'U':
			return {ui: info(ui, 'drafting the update…'), effect: {type: 'compose'}};
		case 'o':
			return {ui: {...ui, mode: {name: 'choose', purpose: {kind: 'role'}, index: 0, pressedAt: now}}};
		case '?':
			return {ui: {...ui, mode: {name: 'help'}}};
		case 'q':
			return {ui, effect: {type: 'quit'}};
		default:
			return {ui};
	}
}

function handleTextKey(ui: LiveUi, mode: Extract<LiveMode, {name: 'text'}>, press: KeyPress): LiveKeyResult {
	const edit = editText(mode.value, press);
	switch (edit.type) {
		case 'ignore':
			return {ui};
		case 'cancel':
			return {ui: info({...ui, mode: {name: 'browse'}}, 'cancelled; nothing logged')};
		case 'edit':
			return {ui: {...withoutRefusal(ui), mode: {...mode, value: edit.value}}};
		case 'submit':
			return submitText(ui, mode);
	}
}

function submitText(ui: LiveUi, mode: Extract<LiveMode, {name: 'text'}>): LiveKeyResult {
	const browse: LiveUi = {...ui, mode: {name: 'browse'}};
	const {purpose, value, pressedAt} = mode;
	switch (purpose.kind) {
		case 'note':
			return {ui: browse, effect: {type: 'log-note', kind: purpose.noteKind, text: value, pressedAt}};
		case 'hypothesis-statement': {
			if (value.trim() === '') return {ui: info(browse, 'a hypothesis needs a statement; nothing logged')};
			const problem = textProblem(value);
			if (problem) return {ui: refuse(ui, problem)};
			return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'hypothesis-test', statement: value}, value: '', pressedAt}}};
		}
		case 'hypothesis-test':
			return {ui: browse, effect: {type: 'add-hypothesis', statement: purpose.statement, test: value, pressedAt}};
		case 'evidence':
			return {
				ui: browse,
				effect: {type: 'resolve-hypothesis', hypothesisId: purpose.hypothesisId, result: purpose.result, evidence: value, pressedAt},
			};
		case 'role-handle': {
			const handle = value.trim().replace(/^@/, '');
			if (handle === '') return {ui: info(browse, 'no handle given; nothing assigned')};
			const problem = handleProblem(handle);
			if (problem) return {ui: refuse(ui, problem)};
			if (purpose.role === 'commander') {
				return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'handover-summary', handle}, value: '', pressedAt}}};
			}
			return {ui: browse, effect: {type: 'assign-role', role: purpose.role, handle, pressedAt}};
		}
		case 'handover-summary':
			return {
				ui: browse,
				effect: {type: 'assign-role', role: 'commander', handle: purpose.handle, summary: value.trim() || undefined, pressedAt},
			};
	}
}


function handleConfirmKey(
	ui: LiveUi,
	mode: Extract<LiveMode, {name: 'confirm-undo'}>,
	press: KeyPress,
	now: Date,
): LiveKeyResult {
	const browse: LiveUi = {...ui, mode: {name: 'browse'}};
	if (press.input === 'y' || press.input === 'Y') return {ui: browse, effect: {type: 'retract', targetId: mode.targetId, pressedAt: now}};
	if (press.input === 'n' || press.input === 'N' || press.escape) return {ui: info(browse, 'kept; nothing undone')};
	return {ui};
}

function startResult(ui: LiveUi, view: LiveView, now: Date): LiveKeyResult {
	const selected = ui.focus === 'hypotheses' ? view.hypotheses[ui.hypothesisIndex] : undefined;
	const hypothesis = selected ?? [...view.hypotheses].reverse().find(h => !h.resolved);
	if (!hypothesis) return {ui: info(ui, 'no open hypothesis; press h to add one')};
	return {ui: {...ui, mode: {name: 'choose', purpose: {kind: 'result', hypothesisId: hypothesis.id}, index: 0, pressedAt: now}}};
}

function toggleChecklist(ui: LiveUi, view: LiveView, now: Date): LiveKeyResult {
	if (ui.focus !== 'checklist') return {ui: info(ui, 'tab to the checklist to tick items')};
	const item = view.phases[ui.phaseIndex]?.[ui.checklistIndex];
	if (!item) return {ui};
	return {ui, effect: {type: 'set-checklist-item', item, ticked: !view.ticked.has(item.key), pressedAt: now}};
}

function moveSelection(ui: LiveUi, step: -1 | 1, view: LiveView): LiveUi {
	switch (ui.focus) {
		case 'checklist':
			return {...ui, checklistIndex: clamp(ui.checklistIndex + step, view.phases[ui.phaseIndex]?.length ?? 0)};
		case 'hypotheses':
			return {...ui, hypothesisIndex: clamp(ui.hypothesisIndex + step, view.hypotheses.length)};
		case 'timeline':
			return scrollTimeline(ui, -step, view);
	}
}

function scrollTimeline(ui: LiveUi, rowsUp: number, view: LiveView): LiveUi {
	const maxScroll = Math.max(0, view.timelineLength - view.timelineRows);
	return {...ui, timelineScroll: Math.min(maxScroll, Math.max(0, ui.timelineScroll + rowsUp))};
}

function cyclePane(focus: Pane, step: 1 | -1): Pane {
	return PANES[(PANES.indexOf(focus) + step + PANES.length) % PANES.length]!;
}

function clamp(index: number, length: number): number {
	return Math.max(0, Math.min(length - 1, index));
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
