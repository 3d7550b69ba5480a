import type {ActionKind, ActionStatus, Priority} from '../../core/events.js';
import {deepestWhy} from '../../core/five-whys.js';
import {parseWhen} from '../../core/when.js';
import {
	record,
	refuse,
	withoutRefusal,
	type KeyContext,
	type LiveEffect,
	type LiveKeyResult,
	type LiveUi,
	type ModeHandler,
	type WizardDraft,
	type WizardMode,
	type WizardView,
} from '../live-state.js';
import {dueDateProblem, textProblem} from '../prompt-rules.js';
import {applyEdit, editingCommands} from '../text-editing.js';
import {WIZARD_STEPS} from '../wizard-steps.js';

// The closure wizard: Enter saves the answer (an event) and moves on, Tab
// skips, Shift-Tab goes back, Esc leaves; `w` resumes at the first gap. Steps
// that ask a question (y/n, t/m, an action's type, priority or status) take one
// key instead of text. An action item is asked field by field and written as
// one event once its status is given; Tab skips one of its fields.

/** The keys that answer an action item's type, priority and status. */
export const ACTION_TYPE_KEYS: Readonly<Record<string, ActionKind>> = {p: 'prevent', m: 'mitigate', d: 'detect', r: 'process'};
export const ACTION_STATUS_KEYS: Readonly<Record<string, ActionStatus>> = {o: 'open', i: 'in-progress', d: 'done', w: 'wont-do'};
const DEFAULT_PRIORITY: Priority = 'P2';

type ActionDraft = Extract<WizardDraft, {kind: 'action'}>;
const NEW_ACTION: ActionDraft = {kind: 'action', phase: 'description', description: '', owner: '', value: ''};

export function startWizardStep(step: number, view: WizardView): WizardMode {
	const definition = WIZARD_STEPS[step]!;
	switch (definition.kind) {
		case 'field': {
			// The 5 whys end in the root cause: its answer starts as the last why, so there is one.
			const suggested = definition.field === 'rootCause' ? deepestWhy(view.closure) : undefined;
			return {name: 'wizard', step, draft: {kind: 'text', value: view.closure[definition.field] ?? suggested ?? ''}};
		}
		case 'actions':
			return {name: 'wizard', step, draft: NEW_ACTION};
		case 'invariant':
			return {name: 'wizard', step, draft: {kind: 'invariant', phase: 'kind', reference: '', value: ''}};
		case 'close':
			return {name: 'wizard', step, draft: {kind: 'close', value: ''}};
		case 'publish':
			return {name: 'wizard', step, draft: {kind: 'confirm'}};
	}
}

type TextDraft = Extract<WizardDraft, {value: string}>;

/** Whether the draft on screen is typed text (otherwise a key answers it). */
function takesText(draft: WizardDraft, view: WizardView): draft is TextDraft {
	switch (draft.kind) {
		case 'text':
			return true;
		case 'close':
			return draft.phase === 'time' || (!view.closed && !view.hasInvariant);
		case 'action':
			return draft.phase === 'description' || draft.phase === 'owner' || draft.phase === 'due' || draft.phase === 'link';
		case 'invariant':
			return draft.phase !== 'kind';
		case 'confirm':
			return false;
	}
}

const setDraft = (ui: LiveUi, mode: WizardMode, draft: WizardDraft): LiveKeyResult => ({ui: {...withoutRefusal(ui), mode: {...mode, draft}}});

function goTo(ui: LiveUi, step: number, view: WizardView): LiveUi {
	if (step >= WIZARD_STEPS.length) return {...ui, mode: {name: 'browse'}, message: {text: 'wizard done', tone: 'info'}};
	return {...ui, mode: startWizardStep(Math.max(0, step), view)};
}

const next = (ui: LiveUi, mode: WizardMode, view: WizardView, effect?: LiveEffect): LiveKeyResult => ({ui: goTo(ui, mode.step + 1, view), effect});
const finish = (ui: LiveUi): LiveKeyResult => ({ui: {...ui, mode: {name: 'browse'}, message: {text: 'wizard done; p publishes', tone: 'info'}}});

export const wizardMode: ModeHandler<WizardMode> = {
	commands: {
		save,
		skip: (ui, mode, {view, now}) => {
			const draft = mode.draft;
			if (draft.kind === 'action' && draft.phase !== 'description') return skipActionField(ui, mode, draft, now);
			return {ui: goTo(ui, mode.step + 1, view.wizard)};
		},
		back: (ui, mode, {view}) => ({ui: goTo(ui, mode.step - 1, view.wizard)}),
		leave: ui => ({ui: {...ui, mode: {name: 'browse'}, message: {text: 'wizard left; w resumes where answers are missing', tone: 'info'}}}),
		...editingCommands(command => (ui: LiveUi, mode: WizardMode, {view}: KeyContext) => {
			const draft = mode.draft;
			return takesText(draft, view.wizard) ? setDraft(ui, mode, {...draft, value: applyEdit(draft.value, command)}) : {ui};
		}),
	},
	text: (ui, mode, text, key) => {
		const draft = mode.draft;
		if (takesText(draft, key.view.wizard)) return setDraft(ui, mode, {...draft, value: draft.value + text});
		return answer(ui, mode, text, key);
	},
};

function save(ui: LiveUi, mode: WizardMode, {view: {wizard: view}, now}: KeyContext): LiveKeyResult {
	const draft = mode.draft;
	switch (draft.kind) {
		case 'text': {
			const step = WIZARD_STEPS[mode.step]!;
			const value = draft.value.trim();
			if (step.kind !== 'field') return next(ui, mode, view);
			const unchanged = value === (view.closure[step.field] ?? '').trim();
			return next(ui, mode, view, value === '' || unchanged ? undefined : record({type: 'closure.recorded', field: step.field, value}, now));
		}
		case 'close': {
			if (draft.phase === 'time') return closeAtTypedTime(ui, mode, draft, view, now);
			if (!takesText(draft, view)) return next(ui, mode, view);
			const reason = draft.value.trim();
			return reason === '' ? next(ui, mode, view) : closeResolved(ui, mode, view, reason);
		}
		case 'confirm':
			return finish(ui);
		case 'action':
			return takesText(draft, view) ? saveActionText(ui, mode, draft, view) : {ui};
		case 'invariant':
			return draft.phase === 'kind' ? next(ui, mode, view) : saveInvariant(ui, mode, draft, view, now);
	}
}

/** A one-letter answer to a step that asks a question. */
function answer(ui: LiveUi, mode: WizardMode, text: string, {view: {wizard: view}, now}: KeyContext): LiveKeyResult {
	const draft = mode.draft;
	switch (draft.kind) {
		case 'close':
			if (view.closed) return {ui};
			if (text === 'y') return closeResolved(ui, mode, view, undefined);
			return text === 'n' ? next(ui, mode, view) : {ui};
		case 'confirm':
			if (text === 'y') return {ui: {...ui, mode: {name: 'browse'}}, effect: {type: 'publish'}};
			return text === 'n' ? finish(ui) : {ui};
		case 'action':
			return answerAction(ui, mode, draft, text, now);
		case 'invariant':
			if (text === 't' || text === 'm') return setDraft(ui, mode, {...draft, invariantKind: text === 't' ? 'test' : 'monitor', phase: 'reference'});
			return {ui};
		case 'text':
			return {ui};
	}
}

/**
 * Closing is stamped at the resolution milestone (README "Milestones and
 * metrics"), else at the time `@` set, else it asks when it was resolved.
 */
function closeResolved(ui: LiveUi, mode: WizardMode, view: WizardView, reason: string | undefined): LiveKeyResult {
	const overrideReason = reason === undefined ? {} : {overrideReason: reason};
	if (view.resolvedAt) return next(ui, mode, view, {type: 'close', at: new Date(view.resolvedAt), ...overrideReason});
	if (ui.pendingAt) {
		const {pendingAt: at, ...rest} = ui;
		return next(rest, mode, view, {type: 'close', at, ...overrideReason});
	}
	return setDraft(ui, mode, {kind: 'close', phase: 'time', value: '', ...(reason === undefined ? {} : {reason})});
}

/** The answer to "resolved when?": empty is now, else a WHEN of the one grammar. */
function closeAtTypedTime(ui: LiveUi, mode: WizardMode, draft: Extract<WizardDraft, {kind: 'close'}>, view: WizardView, now: Date): LiveKeyResult {
	const when = draft.value.trim().replace(/^@/, '');
	const parsed = when === '' ? {ok: true as const, at: now} : parseWhen(when, now);
	if (!parsed.ok) return {ui: refuse(ui, `not closed: ${parsed.reason}`)};
	return next(ui, mode, view, {type: 'close', at: parsed.at, ...(draft.reason === undefined ? {} : {overrideReason: draft.reason})});
}

/** Enter on an action item's text field: the description, owner, due date or ticket link. */
function saveActionText(ui: LiveUi, mode: WizardMode, draft: ActionDraft, view: WizardView): LiveKeyResult {
	const value = draft.value.trim();
	const problem = draft.phase === 'due' ? dueDateProblem(value) : textProblem(value);
	if (problem) return {ui: refuse(ui, problem)};
	switch (draft.phase) {
		case 'description':
			return value === '' ? next(ui, mode, view) : setDraft(ui, mode, {...draft, description: value, phase: 'type', value: ''});
		case 'owner':
			return setDraft(ui, mode, {...draft, owner: value, phase: 'priority', value: ''});
		case 'due':
			return setDraft(ui, mode, {...draft, ...(value ? {due: value} : {}), phase: 'link', value: ''});
		default:
			return setDraft(ui, mode, {...draft, ...(value ? {bug: value} : {}), phase: 'status', value: ''});
	}
}

/** A key that answers an action item's type, priority or status; other keys do nothing. */
function answerAction(ui: LiveUi, mode: WizardMode, draft: ActionDraft, key: string, now: Date): LiveKeyResult {
	if (draft.phase === 'type') {
		const actionKind = ACTION_TYPE_KEYS[key];
		return actionKind ? setDraft(ui, mode, {...draft, actionKind, phase: 'owner', value: ''}) : {ui};
	}
	if (draft.phase === 'priority') {
		const priority = /^[0-3]$/.test(key) ? (`P${key}` as Priority) : undefined;
		return priority ? setDraft(ui, mode, {...draft, priority, phase: 'due', value: ''}) : {ui};
	}
	const status = ACTION_STATUS_KEYS[key];
	return status ? recordAction(ui, mode, draft, status, now) : {ui};
}

/** Tab on one of an action item's fields: left empty (the priority P2, the status open), on to the next. */
function skipActionField(ui: LiveUi, mode: WizardMode, draft: ActionDraft, now: Date): LiveKeyResult {
	const empty = {...draft, value: ''};
	switch (draft.phase) {
		case 'type':
			return setDraft(ui, mode, {...empty, phase: 'owner'});
		case 'owner':
			return setDraft(ui, mode, {...empty, owner: '', phase: 'priority'});
		case 'priority':
			return setDraft(ui, mode, {...empty, priority: DEFAULT_PRIORITY, phase: 'due'});
		case 'due':
			return setDraft(ui, mode, {...empty, phase: 'link'});
		case 'link':
			return setDraft(ui, mode, {...empty, phase: 'status'});
		default:
			return recordAction(ui, mode, draft, 'open', now);
	}
}

/** The action item as one event; the wizard then asks for the next one. */
function recordAction(ui: LiveUi, mode: WizardMode, draft: ActionDraft, status: ActionStatus, now: Date): LiveKeyResult {
	const {description, owner, actionKind, due, bug} = draft;
	const event = {
		type: 'action.added',
		description,
		owner,
		priority: draft.priority ?? DEFAULT_PRIORITY,
		status,
		...(actionKind ? {kind: actionKind} : {}),
		...(due ? {due} : {}),
		...(bug ? {bug} : {}),
	} as const;
	return {ui: {...withoutRefusal(ui), mode: {...mode, draft: NEW_ACTION}}, effect: record(event, now)};
}

function saveInvariant(ui: LiveUi, mode: WizardMode, draft: Extract<WizardDraft, {kind: 'invariant'}>, view: WizardView, now: Date): LiveKeyResult {
	const value = draft.value.trim();
	if (draft.phase === 'reference') {
		if (value === '') return {ui: refuse(ui, 'name the test or monitor (a path, a test id, an alert name)')};
		const problem = textProblem(value);
		if (problem) return {ui: refuse(ui, problem)};
		return setDraft(ui, mode, {...draft, reference: value, phase: 'description', value: ''});
	}
	const event = {type: 'invariant.recorded', kind: draft.invariantKind ?? 'test', reference: draft.reference, description: value} as const;
	return next(ui, mode, view, record(event, now));
}
