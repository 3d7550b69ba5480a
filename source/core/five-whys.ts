import type {ClosureField} from './events.js';

// The 5 whys as the wizard asks them and the report prints them: one wording.
// They lead to one root cause: the answer to the root cause question, or else
// the deepest why answered, so no report can name two.

export const WHY_QUESTIONS = [
	'Why did the incident occur?',
	'Why did that happen?',
	'Why did that happen?',
	'Why did that happen?',
	'Why did that happen?',
] as const;

/** The closure field that holds the answer to the question at `index` (0-based). */
export const whyField = (index: number) => `why${index + 1}` as ClosureField;

type Answers = Partial<Record<ClosureField, string>>;

const answered = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);

/** The deepest why answered, where the chain ends. */
export function deepestWhy(closure: Answers): string | undefined {
	for (let index = WHY_QUESTIONS.length - 1; index >= 0; index--) {
		const answer = answered(closure[whyField(index)]);
		if (answer) return answer;
	}
	return undefined;
}

/** The one root cause: as answered, else where the whys ended. */
export function rootCauseOf(closure: Answers): string | undefined {
	return answered(closure.rootCause) ?? deepestWhy(closure);
}
