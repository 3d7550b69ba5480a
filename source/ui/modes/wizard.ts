import type {Priority} from '../../core/events.js';
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
// that ask a question (y/n, t/m, a priority 0-3) take one letter instead of text.

export function startWizardStep(step: number, view: WizardView): WizardMode {
	const definition = WIZARD_STEPS[step]!;
	switch (definition.kind) {
		case 'field':
			return {name: 'wizard', step, draft: {kind: 'text', value: view.closure[definition.field] ?? ''}};
		case 'actions':
			return {name: 'wizard', step, draft: {kind: 'action', phase: 'description', description: '', owner: '', value: ''}};
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
			return draft.phase !== 'priority';
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
		skip: (ui, mode, {view}) => ({ui: goTo(ui, mode.step + 1, view.wizard)}),
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
			return draft.phase === 'priority' ? {ui} : saveAction(ui, mode, draft, view, now);
		case 'invariant':
			return draft.phase === 'kind' ? next(ui, mode, view) : saveInvariant(ui, mode, draft, view, now);
	}
}

/** A one-letter answer to a step that asks a question. */
function answer(ui: LiveUi, mode: WizardMode, text: string, {view: {wizard: view}}: KeyContext): LiveKeyResult {
	const draft = mode.draft;
	switch (draft.kind) {
		case 'close':
			if (view.closed) return {ui};
			if (text === 'y') return closeResolved(ui, mode, view, undefined);
			return text === 'n' ? next(ui, mode, view) : {ui};
		case 'confirm':
			if (text === 'y') return {ui: {...ui, mode: {name: 'browse'}}, effect: {type: 'publish'}};
			return text === 'n' ? finish(ui) : {ui};
		case 'action': {
			const priority = /^[0-3]$/.test(text) ? (`P${text}` as Priority) : undefined;
			return priority ? setDraft(ui, mode, {...draft, priority, phase: 'due', value: ''}) : {ui};
		}
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

function saveAction(ui: LiveUi, mode: WizardMode, draft: Extract<WizardDraft, {kind: 'action'}>, view: WizardView, now: Date): LiveKeyResult {
	const value = draft.value.trim();
	const problem = draft.phase === 'due' ? dueDateProblem(value) : textProblem(value);
	if (problem) return {ui: refuse(ui, problem)};
	if (draft.phase === 'description') {
		return value === '' ? next(ui, mode, view) : setDraft(ui, mode, {...draft, description: value, phase: 'owner', value: ''});
	}
	if (draft.phase === 'owner') return setDraft(ui, mode, {...draft, owner: value, phase: 'priority', value: ''});
	const {description, owner} = draft;
	const event = {type: 'action.added', description, owner, priority: draft.priority ?? 'P2', status: 'open', ...(value ? {due: value} : {})} as const;
	return {ui: {...ui, mode: {...mode, draft: {kind: 'action', phase: 'description', description: '', owner: '', value: ''}}}, effect: record(event, now)};
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
