// Every time shown anywhere is UTC, cut from toISOString(): it cannot leak the
// local offset (the tests run with TZ=America/New_York to make sure), and it
// costs nothing at start. (date-fns with @date-fns/utc was used before; its
// UTCDate builds Intl formatters at import, ~30 ms on every start.)

const iso = (value: string | Date) => new Date(value).toISOString();

/** `03:12:09` */
export const formatUtcTime = (value: string | Date) => iso(value).slice(11, 19);
/** `03:12` */
export const formatUtcMinute = (value: string | Date) => iso(value).slice(11, 16);
/** `2026-11-23` */
export const formatUtcDate = (value: string | Date) => iso(value).slice(0, 10);
/** `2026-11-23 03:12` */
export const formatUtcDateTime = (value: string | Date) => `${iso(value).slice(0, 10)} ${iso(value).slice(11, 16)}`;

/** `T+12:05` or `T+1:02:05`: time since the incident started, as responders call out. */
export function formatOffset(fromIso: string, toIso: string): string {
	const totalSeconds = Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 1000);
	const sign = totalSeconds < 0 ? '-' : '+';
	const seconds = Math.abs(totalSeconds);
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const pad = (n: number) => String(n).padStart(2, '0');
	const clock = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds % 60)}` : `${pad(minutes)}:${pad(seconds % 60)}`;
	return `T${sign}${clock}`;
}

/**
 * `15:12:00 UTC` today, `2026-11-23 15:12:00 UTC` on any other UTC day: a
 * backdate into yesterday must say so. Compares ISO strings rather than
 * loading date-fns, because `log` prints this on every start.
 */
export function formatWhenConfirmation(at: string | Date, now: Date): string {
	const time = `${formatUtcTime(at)} UTC`;
	return formatUtcDate(at) === formatUtcDate(now) ? time : `${formatUtcDate(at)} ${time}`;
}
