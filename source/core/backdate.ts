// "@14:55 pager fired" or "@-5m pager fired": the responder remembers when
// something happened after the fact. The prefix is kept in neither the text nor
// the time the key was pressed; both times are stored (at, loggedAt).

const CLOCK_PREFIX = /^@([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:\s+|$)/;
const RELATIVE_PREFIX = /^@-(\d{1,4})([smh])(?:\s+|$)/;
const UNIT_MS = {s: 1000, m: 60_000, h: 3_600_000} as const;
const DAY_MS = 86_400_000;

export interface BackdatedText {
	text: string;
	/** When it happened; equal to the press time when there was no prefix. */
	at: Date;
	backdated: boolean;
}

export function parseBackdate(rawText: string, pressedAt: Date): BackdatedText {
	const clock = CLOCK_PREFIX.exec(rawText);
	if (clock) {
		const at = new Date(pressedAt);
		at.setUTCHours(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), 0);
		// "@23:50" typed at 00:10 means yesterday, never the future.
		if (at.getTime() > pressedAt.getTime()) at.setTime(at.getTime() - DAY_MS);
		return {text: rawText.slice(clock[0].length), at, backdated: true};
	}
	const relative = RELATIVE_PREFIX.exec(rawText);
	if (relative) {
		const unit = relative[2] as keyof typeof UNIT_MS;
		const at = new Date(pressedAt.getTime() - Number(relative[1]) * UNIT_MS[unit]);
		return {text: rawText.slice(relative[0].length), at, backdated: true};
	}
	return {text: rawText, at: pressedAt, backdated: false};
}
