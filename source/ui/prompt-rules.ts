import {handleSchema, isoDate, MAX_TEXT_LENGTH} from '../core/events.js';

// The journal validates every event before writing it (core/events.ts). An
// answer that only goes into an event a prompt or two later is checked here,
// with the same schema, while it can still be corrected where it was typed.

export function handleProblem(handle: string): string | undefined {
	const result = handleSchema.safeParse(handle);
	if (result.success) return undefined;
	return `not a handle: "${handle}" (${result.error.issues[0]?.message ?? 'letters, digits, dot, dash or underscore'})`;
}

export function dueDateProblem(due: string): string | undefined {
	if (due === '' || isoDate.safeParse(due).success) return undefined;
	return `not a date: "${due}" (a due date is a real day as YYYY-MM-DD, or empty)`;
}

export function textProblem(text: string): string | undefined {
	if (text.length <= MAX_TEXT_LENGTH) return undefined;
	return `too long: ${text.length} characters, at most ${MAX_TEXT_LENGTH} (Ctrl-U clears the line)`;
}
