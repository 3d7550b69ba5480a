import type {ClosureField} from '../core/events.js';
import {WHY_QUESTIONS, whyField} from '../core/five-whys.js';
import type {IncidentState} from '../core/incident-state.js';

// The closure wizard's steps, in the order a postmortem is written (summary,
// impact, detection, causes, resolution, the response, lessons, actions), and
// which are still missing for an incident. Each answer has one home in every
// template: templates/README.md has the table.

export type WizardStep =
	| {kind: 'field'; field: ClosureField; title: string; prompt: string}
	| {kind: 'actions'; title: string}
	| {kind: 'invariant'; title: string}
	| {kind: 'close'; title: string}
	| {kind: 'publish'; title: string};

const field = (name: ClosureField, title: string, prompt: string): WizardStep => ({kind: 'field', field: name, title, prompt});

export const WIZARD_STEPS: readonly WizardStep[] = [
	field('whatHappened', 'Summary: what happened', 'What happened, in one or two sentences?'),
	field('whoImpacted', 'Summary: who was impacted', 'Who or what was impacted, in one sentence?'),
	field('impactUsers', 'Impact: users', 'How many users were affected (number or share)?'),
	field('impactDuration', 'Impact: duration', 'For how long were they affected? (empty: from the milestones)'),
	field('impactScope', 'Impact: scope', 'Which features, regions or customers, and how degraded?'),
	field('impactData', 'Impact: data', 'Data affected: none, read-only, corruption or loss?'),
	field('impactRevenue', 'Impact: revenue', 'Revenue or business impact (lost orders, SLA credits)?'),
	field('detectionMethod', 'Detection: how', 'How was it detected: which alert, dashboard or report? (empty: the detection note)'),
	field('alertQuality', 'Detection: alert quality', 'Was the alert clear and actionable?'),
	field('detectionGap', 'Detection: why not earlier', "Why wasn't it caught earlier (the gap in tests or monitoring)?"),
	...WHY_QUESTIONS.map((question, index) => field(whyField(index), `Why ${index + 1}`, question)),
	field('rootCause', 'Root cause', 'So the root cause is (Enter keeps the last why):'),
	field('trigger', 'Trigger', 'The specific event that started it:'),
	field('contributingFactors', 'Contributing factors', 'What made it worse or slower to fix?'),
	field('immediateFix', 'Resolution: immediate fix', 'What stopped the bleeding? (empty: the mitigation notes)'),
	field('permanentFix', 'Resolution: permanent fix', 'What fixes the cause for good?'),
	field('permanentFixLink', 'Resolution: fix PR', 'Link to the pull request:'),
	field('wentWell', 'Response: went well', 'What went well?'),
	field('wentWrong', 'Response: went wrong', 'What went wrong?'),
	field('slowedResponse', 'Response: slowed us', 'What slowed the response or the recovery?'),
	field('gotLucky', 'Response: got lucky', 'Where did we get lucky?'),
	field('lessonsKeep', 'Lessons: keep', 'What should we keep doing?'),
	field('lessonsStop', 'Lessons: stop', 'What should we stop doing?'),
	field('lessonsStart', 'Lessons: start', 'What should we start doing?'),
	{kind: 'actions', title: 'Action items'},
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
