import type {ClosureField} from './events.js';

// The 5 whys as the wizard asks them and the report prints them: one wording.

export const WHY_QUESTIONS = [
	'Why did the incident occur?',
	'Why did that happen?',
	'Why did that happen?',
	'Why did that happen?',
	'Why did that happen?',
] as const;

/** The closure field that holds the answer to the question at `index` (0-based). */
export const whyField = (index: number) => `why${index + 1}` as ClosureField;
