// Every time shown anywhere is UTC, cut from the ISO form: it cannot leak the
// local offset (the tests run with TZ=America/New_York to make sure), and it
// costs nothing at start. (date-fns with @date-fns/utc was used before; its
// UTCDate builds Intl formatters at import, ~30 ms on every start.)

/** The shape toISOString() gives and the event schema accepts: `2026-11-23T03:12:09.000Z`. */
const CANONICAL_ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * The value as toISOString() writes it. An event's `at` already is that
 * string, so it is returned as it is: a report of 100,000 rows otherwise
 * spends seconds building and collecting Dates. Anything else (a Date, an
 * offset, `T24:00`, 31 November, which Date rolls over) goes through Date.
 */
export function utcIso(value: string | Date): string {
	if (typeof value === 'string' && CANONICAL_ISO.test(value) && dayExists(value)) return value;
	return new Date(value).toISOString();
}

function dayExists(iso: string): boolean {
	// Days 01 to 28 exist in every month, and most times stop here, without a number to parse.
	if (iso[8]! < '2' || (iso[8] === '2' && iso[9] !== '9')) return true;
	const day = Number(iso.slice(8, 10));
	const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
	if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
	return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** `03:12:09` */
export const formatUtcTime = (value: string | Date) => utcIso(value).slice(11, 19);
/** `03:12` */
export const formatUtcMinute = (value: string | Date) => utcIso(value).slice(11, 16);
/** `2026-11-23` */
export const formatUtcDate = (value: string | Date) => utcIso(value).slice(0, 10);
/** `2026-11-23 03:12` */
export function formatUtcDateTime(value: string | Date): string {
	const iso = utcIso(value);
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

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
