import {UTCDateMini} from '@date-fns/utc/date/mini';
import {addDays, differenceInMilliseconds, isExists, set, sub, subDays} from 'date-fns';
import {formatDuration} from './metrics.js';
import {formatUtcTime} from './time-format.js';

// The one time grammar (README "Backdating"): every `--at WHEN` and every
// prompt's leading `@WHEN` go through here. WHEN is UTC:
//   HH:MM, HH:MM:SS                the latest such moment not in the future
//   YYYY-MM-DD HH:MM[:SS]          that moment
//   -5m, -90s, -2h, -1h30m         that long before now
// A time that lies ahead is refused, never moved a day back silently: typing
// `@15:12` at 15:10:30 used to store yesterday's 15:12.
//
// This module pulls in date-fns, so callers on the `log` start-up path import
// it lazily, only when there is a WHEN to read. The context is UTCDateMini, not
// `utc` from @date-fns/utc: the same UTC arithmetic, without the Intl
// formatters `UTCDate` builds at import.

export type WhenResult = {ok: true; at: Date} | {ok: false; reason: string};

/** Up to this much ahead is a clock that runs a little behind: it counts as now. */
export const NOW_TOLERANCE_MS = 2 * 60_000;
/** A wall-clock time this far ahead or less is a typo; beyond it, it means yesterday. */
export const TYPO_WINDOW_MS = 60 * 60_000;

const inUtc = (value: Date | number | string) => new UTCDateMini(+new Date(value));
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RELATIVE = /^([-+])(?:(\d{1,4})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/;

export const WHEN_FORMS = 'HH:MM, HH:MM:SS, YYYY-MM-DD HH:MM (UTC) or -5m, -1h30m';

export function parseWhen(input: string, now: Date): WhenResult {
	const when = input.trim();
	const clock = CLOCK.exec(when);
	if (clock) return clockTime(when, Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), now);
	const dated = DATE_TIME.exec(when);
	if (dated) {
		const [year, month, day, hours, minutes, seconds] = dated.slice(1).map(part => Number(part ?? 0)) as [number, number, number, number, number, number];
		if (!isExists(year, month - 1, day)) return refuse(`${when}: there is no such date`);
		if (!isClock(hours, minutes, seconds)) return refuse(`${when}: not a time of day (00:00 to 23:59:59)`);
		const at = set(now, {year, month: month - 1, date: day, hours, minutes, seconds, milliseconds: 0}, {in: inUtc});
		return notAhead(when, at, now);
	}
	const relative = RELATIVE.exec(when);
	if (relative && (relative[2] ?? relative[3] ?? relative[4]) !== undefined) {
		const [, sign, hours = '0', minutes = '0', seconds = '0'] = relative;
		const span = {hours: Number(hours), minutes: Number(minutes), seconds: Number(seconds)};
		if (sign === '+') return refuse(`${when} is in the future; nothing is logged ahead of time`);
		return {ok: true, at: plain(sub(now, span, {in: inUtc}))};
	}
	return refuse(`"${when}" is not a time; use ${WHEN_FORMS}`);
}

/** `HH:MM`: the latest such moment not in the future, or now when it is at most 2 minutes ahead. */
function clockTime(when: string, hours: number, minutes: number, seconds: number, now: Date): WhenResult {
	if (!isClock(hours, minutes, seconds)) return refuse(`${when}: not a time of day (00:00 to 23:59:59)`);
	const today = set(now, {hours, minutes, seconds, milliseconds: 0}, {in: inUtc});
	// The next occurrence of this wall-clock time, today or tomorrow: how far ahead it is decides.
	const next = today.getTime() > now.getTime() ? today : addDays(today, 1, {in: inUtc});
	const ahead = differenceInMilliseconds(next, now);
	if (ahead === 86_400_000) return {ok: true, at: plain(today)};
	if (ahead <= NOW_TOLERANCE_MS) return {ok: true, at: new Date(now)};
	if (ahead <= TYPO_WINDOW_MS) return refuseAhead(when, ahead, now);
	return {ok: true, at: plain(subDays(next, 1, {in: inUtc}))};
}

function notAhead(when: string, at: Date, now: Date): WhenResult {
	const ahead = differenceInMilliseconds(at, now);
	if (ahead <= 0) return {ok: true, at: plain(at)};
	if (ahead <= NOW_TOLERANCE_MS) return {ok: true, at: new Date(now)};
	return refuseAhead(when, ahead, now);
}

function refuseAhead(when: string, aheadMs: number, now: Date): WhenResult {
	return refuse(`${when} UTC is ${formatDuration(aheadMs)} ahead of now (${formatUtcTime(now)} UTC); nothing was written. Give a past time, or a date for another day`);
}

function isClock(hours: number, minutes: number, seconds: number): boolean {
	return hours <= 23 && minutes <= 59 && seconds <= 59;
}

function refuse(reason: string): WhenResult {
	return {ok: false, reason};
}

function plain(date: Date): Date {
	return new Date(date.getTime());
}

export interface PromptPrefix {
	/** The text without the prefix (as typed when there was none, or on an error). */
	text: string;
	/** From a leading `@WHEN`. */
	at?: Date;
	/** From `@name:` (after the optional `@WHEN`): who did it, when that is not the typist. */
	by?: string;
	/** A prefix that looks like a time but is not a valid one, or lies ahead: nothing may be written. */
	error?: string;
}

// `@` then something shaped like a WHEN, then a space or the end. Only this
// shape is taken as a time; `@alice said 14:55` stays text.
const WHEN_PREFIX = /^@(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2}(?::\d{2})?|[-+](?:\d+[hms])+)(?:\s+|$)/;
// `@name:` then a space: the doer, a handle (events.ts). Requiring the `@`,
// the colon and the space keeps ordinary text such as `Error: refused`,
// `@alice said` or `@db1:5432` out.
const DOER_PREFIX = /^@([A-Za-z0-9][A-Za-z0-9._-]{0,39}):(?:\s+|$)/;

/**
 * Reads a prompt's leading `@WHEN ` and `@name: ` (`@15:23 @docbrown: drained
 * USA-2`). Synchronous and pure; callers load this module only when the text
 * starts with `@`.
 */
export function parsePromptPrefix(raw: string, now: Date): PromptPrefix {
	let rest = raw;
	let at: Date | undefined;
	const when = WHEN_PREFIX.exec(rest);
	if (when) {
		const parsed = parseWhen(when[1]!, now);
		if (!parsed.ok) return {text: raw, error: parsed.reason};
		at = parsed.at;
		rest = rest.slice(when[0].length);
	}
	let by: string | undefined;
	const doer = DOER_PREFIX.exec(rest);
	if (doer) {
		by = doer[1];
		rest = rest.slice(doer[0].length);
	}
	return {text: rest, ...(at ? {at} : {}), ...(by ? {by} : {})};
}
