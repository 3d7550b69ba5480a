import type {ClosureField} from '../core/events.js';
import {WHY_QUESTIONS, whyField} from '../core/five-whys.js';
import type {IncidentState} from '../core/incident-state.js';

// The closure wizard's steps, in the order a postmortem needs them, and which
// are still missing for an incident.

export type WizardStep =
	| {kind: 'field'; field: ClosureField; title: string; prompt: string}
	| {kind: 'actions'; title: string}
	| {kind: 'invariant'; title: string}
	| {kind: 'close'; title: string}
	| {kind: 'publish'; title: string};

const field = (name: ClosureField, title: string, prompt: string): WizardStep => ({kind: 'field', field: name, title, prompt});

export const WIZARD_STEPS: readonly WizardStep[] = [
	field('whatHappened', 'Summary: what happened', 'What happened, in one or two sentences?'),
	field('whoImpacted', 'Summary: who was impacted', 'Who or what was impacted?'),
	field('impactUsers', 'Impact: users', 'How many users were affected?'),
	field('impactDuration', 'Impact: duration', 'For how long were they affected?'),
	field('impactScope', 'Impact: scope', 'Which features, regions or customers?'),
	field('impactData', 'Impact: data', 'Data affected: none, read-only, corruption or loss?'),
	...WHY_QUESTIONS.map((question, index) => field(whyField(index), `Why ${index + 1}`, question)),
	field('rootCause', 'Root cause', 'So the root cause is:'),
	field('trigger', 'Trigger', 'The specific event that started it:'),
	field('contributingFactors', 'Contributing factors', 'What made it worse or slower to fix?'),
	field('immediateFix', 'Immediate fix', 'What stopped the bleeding?'),
	field('permanentFix', 'Permanent fix', 'What fixes the cause for good?'),
	field('permanentFixLink', 'Permanent fix PR', 'Link to the pull request:'),
	{kind: 'actions', title: 'Corrective actions'},
	field('lessonsKeep', 'Lessons: keep', 'What worked and should be kept?'),
	field('lessonsStop', 'Lessons: stop', 'What should we stop doing?'),
	field('lessonsStart', 'Lessons: start', 'What should we start doing?'),
	{kind: 'invariant', title: 'The invariant (test or monitor)'},
	{kind: 'close', title: 'Close as Resolved'},
	{kind: 'publish', title: 'Publish the report'},
];

export function isStepDone(step: WizardStep, state: IncidentState): boolean {
	switch (step.kind) {
		case 'field':
			return (state.closure[step.field] ?? '').trim() !== '';
		case 'actions':
			return state.actions.length > 0;
		case 'invariant':
			return state.invariants.length > 0;
		case 'close':
			return state.closed !== undefined;
		case 'publish':
			return state.publications.length > 0;
	}
}

/** Where the wizard resumes: the first step not yet done. */
export function firstMissingStep(state: IncidentState): number {
	const index = WIZARD_STEPS.findIndex(step => !isStepDone(step, state));
	return index === -1 ? WIZARD_STEPS.length - 1 : index;
}

export const CLOSE_STEP = WIZARD_STEPS.findIndex(step => step.kind === 'close');
