import type {ClosureField, InvariantKind, Priority} from '../core/events.js';
import type {KeyPress} from './key-press.js';
import {refuse, withoutRefusal, type LiveEffect, type LiveKeyResult, type LiveUi} from './live-input.js';
import {dueDateProblem, textProblem} from './prompt-rules.js';
import {editText} from './text-editing.js';
import {WIZARD_STEPS} from './wizard-steps.js';

// The closure wizard's keys: Enter saves the answer (an event) and moves on,
// Tab skips, Shift-Tab goes back, Esc leaves; `w` resumes at the first gap.

export type WizardDraft =
	| {kind: 'text'; value: string}
	| {kind: 'action'; phase: 'description' | 'owner' | 'priority' | 'due'; description: string; owner: string; priority?: Priority; value: string}
	| {kind: 'invariant'; phase: 'kind' | 'reference' | 'description'; invariantKind?: InvariantKind; reference: string; value: string}
	/** What the close step asks depends on the incident when the key arrives: an invariant recorded a moment ago counts. */
	| {kind: 'close'; value: string}
	| {kind: 'confirm'};

export interface WizardMode {
	name: 'wizard';
	step: number;
	draft: WizardDraft;
}

/** What the wizard needs to know about the incident. */
export interface WizardView {
	closure: Partial<Record<ClosureField, string>>;
	hasInvariant: boolean;
	closed: boolean;
}

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

export function handleWizardKey(ui: LiveUi, mode: WizardMode, press: KeyPress, view: WizardView, now: Date): LiveKeyResult {
	if (press.escape) return {ui: {...ui, mode: {name: 'browse'}, message: {text: 'wizard left; w resumes where answers are missing', tone: 'info'}}};
	if (press.tab) return {ui: goTo(ui, mode.step + (press.shift ? -1 : 1), view)};
	const step = WIZARD_STEPS[mode.step]!;
	const next = (effect?: LiveEffect): LiveKeyResult => ({ui: goTo(ui, mode.step + 1, view), effect});
	const draft = mode.draft;
	switch (draft.kind) {
		case 'text': {
			const edit = editText(draft.value, press);
			if (edit.type === 'edit') return {ui: {...withoutRefusal(ui), mode: {...mode, draft: {...draft, value: edit.value}}}};
			if (edit.type !== 'submit') return {ui};
			const value = draft.value.trim();
			if (step.kind !== 'field') return next();
			const unchanged = value === (view.closure[step.field] ?? '').trim();
			return next(value === '' || unchanged ? undefined : {type: 'record-closure', field: step.field, value, pressedAt: now});
		}
		case 'close': {
			if (view.closed) return press.return ? next() : {ui};
			if (view.hasInvariant) {
				if (press.input === 'y') return next({type: 'close', pressedAt: now});
				return press.return || press.input === 'n' ? next() : {ui};
			}
			const edit = editText(draft.value, press);
			if (edit.type === 'edit') return {ui: {...withoutRefusal(ui), mode: {...mode, draft: {...draft, value: edit.value}}}};
			if (edit.type !== 'submit') return {ui};
			const reason = draft.value.trim();
			return next(reason === '' ? undefined : {type: 'close', overrideReason: reason, pressedAt: now});
		}
		case 'confirm': {
			if (press.input === 'y') return {ui: {...ui, mode: {name: 'browse'}}, effect: {type: 'publish'}};
			if (press.return || press.input === 'n') return {ui: {...ui, mode: {name: 'browse'}, message: {text: 'wizard done; p publishes', tone: 'info'}}};
			return {ui};
		}
		case 'action':
			return handleActionDraft(ui, mode, draft, press, now, next);
		case 'invariant':
			return handleInvariantDraft(ui, mode, draft, press, now, next);
	}
}

function handleActionDraft(
	ui: LiveUi,
	mode: WizardMode,
	draft: Extract<WizardDraft, {kind: 'action'}>,
	press: KeyPress,
	now: Date,
	next: (effect?: LiveEffect) => LiveKeyResult,
): LiveKeyResult {
	const set = (changes: Partial<typeof draft>): LiveKeyResult => ({ui: {...withoutRefusal(ui), mode: {...mode, draft: {...draft, ...changes}}}});
	if (draft.phase === 'priority') {
		const priority = /^[0-3]$/.test(press.input) ? (`P${press.input}` as Priority) : undefined;
		return priority ? set({priority, phase: 'due', value: ''}) : {ui};
	}
	const edit = editText(draft.value, press);
	if (edit.type === 'edit') return set({value: edit.value});
	if (edit.type !== 'submit') return {ui};
	const value = draft.value.trim();
	const problem = draft.phase === 'due' ? dueDateProblem(value) : textProblem(value);
	if (problem) return {ui: refuse(ui, problem)};
	switch (draft.phase) {
		case 'description':
			return value === '' ? next() : set({description: value, phase: 'owner', value: ''});
		case 'owner':
			return set({owner: value, phase: 'priority', value: ''});
		case 'due': {
			const effect: LiveEffect = {type: 'add-action', description: draft.description, owner: draft.owner, priority: draft.priority ?? 'P2', due: value || undefined, pressedAt: now};
			return {ui: {...ui, mode: {...mode, draft: {kind: 'action', phase: 'description', description: '', owner: '', value: ''}}}, effect};
		}
	}
}

function handleInvariantDraft(
	ui: LiveUi,
	mode: WizardMode,
	draft: Extract<WizardDraft, {kind: 'invariant'}>,
	press: KeyPress,
	now: Date,
	next: (effect?: LiveEffect) => LiveKeyResult,
): LiveKeyResult {
	const set = (changes: Partial<typeof draft>): LiveKeyResult => ({ui: {...withoutRefusal(ui), mode: {...mode, draft: {...draft, ...changes}}}});
	if (draft.phase === 'kind') {
		if (press.input === 't' || press.input === 'm') return set({invariantKind: press.input === 't' ? 'test' : 'monitor', phase: 'reference'});
		return press.return ? next() : {ui};
	}
	const edit = editText(draft.value, press);
	if (edit.type === 'edit') return set({value: edit.value});
	if (edit.type !== 'submit') return {ui};
	const value = draft.value.trim();
	if (draft.phase === 'reference') {
		if (value === '') return {ui: refuse(ui, 'name the test or monitor (a path, a test id, an alert name)')};
		const problem = textProblem(value);
		if (problem) return {ui: refuse(ui, problem)};
		return set({reference: value, phase: 'description', value: ''});
	}
	return next({type: 'record-invariant', kind: draft.invariantKind ?? 'test', reference: draft.reference, description: value, pressedAt: now});
}

function goTo(ui: LiveUi, step: number, view: WizardView): LiveUi {
	if (step >= WIZARD_STEPS.length) return {...ui, mode: {name: 'browse'}, message: {text: 'wizard done', tone: 'info'}};
	return {...ui, mode: startWizardStep(Math.max(0, step), view)};
}
