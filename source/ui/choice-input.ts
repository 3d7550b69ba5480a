import {HYPOTHESIS_RESULTS, ROLES, SEVERITIES, STATUSES} from '../core/events.js';
import type {KeyPress} from './key-press.js';
import {info, type LiveKeyResult, type LiveMode, type LiveUi, type LiveView, type TextPurpose} from './live-input.js';
import {startWizardStep} from './wizard-input.js';
import {CLOSE_STEP} from './wizard-steps.js';

// Picking one of a few options (status, severity, hypothesis result, role):
// arrows and Enter, a number, or the first letter.

export type ChoicePurpose = {kind: 'status'} | {kind: 'severity'} | {kind: 'result'; hypothesisId: string} | {kind: 'role'};

export function choiceOptions(purpose: ChoicePurpose): readonly string[] {
	switch (purpose.kind) {
		case 'status':
			return STATUSES;
		case 'severity':
			return SEVERITIES.map(String);
		case 'result':
			return HYPOTHESIS_RESULTS;
		case 'role':
			return ROLES;
	}
}

export function handleChoiceKey(ui: LiveUi, mode: Extract<LiveMode, {name: 'choose'}>, press: KeyPress, view: LiveView): LiveKeyResult {
	const options = choiceOptions(mode.purpose);
	if (press.escape) return {ui: info({...ui, mode: {name: 'browse'}}, 'cancelled')};
	if (press.upArrow || press.downArrow) {
		const index = (mode.index + (press.upArrow ? -1 : 1) + options.length) % options.length;
		return {ui: {...ui, mode: {...mode, index}}};
	}
	const byNumber = /^[1-9]$/.test(press.input) ? Number(press.input) - 1 : -1;
	const byLetter = press.input.length === 1 ? options.findIndex(option => option.startsWith(press.input.toLowerCase())) : -1;
	const chosen = press.return ? mode.index : byNumber >= 0 && byNumber < options.length ? byNumber : byLetter;
	if (chosen < 0) return {ui};
	const browse: LiveUi = {...ui, mode: {name: 'browse'}};
	const {purpose, pressedAt} = mode;
	switch (purpose.kind) {
		case 'status':
			// Resolved goes through the wizard's close step: the golden rule applies.
			if (STATUSES[chosen] === 'resolved') return {ui: {...ui, mode: startWizardStep(CLOSE_STEP, view.wizard)}};
			return {ui: browse, effect: {type: 'set-status', status: STATUSES[chosen]!, pressedAt}};
		case 'severity':
			return {ui: browse, effect: {type: 'set-severity', severity: SEVERITIES[chosen]!, pressedAt}};
		case 'role':
			return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'role-handle', role: ROLES[chosen]!}, value: '', pressedAt}}};
		case 'result': {
			const result = HYPOTHESIS_RESULTS[chosen]!;
			const evidence: TextPurpose = {kind: 'evidence', hypothesisId: purpose.hypothesisId, result};
			return {ui: {...ui, mode: {name: 'text', purpose: evidence, value: '', pressedAt}}};
		}
	}
}
