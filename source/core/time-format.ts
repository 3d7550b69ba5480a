import {UTCDate} from '@date-fns/utc';
import {format} from 'date-fns';

// Every time shown anywhere is UTC; `in: utc`-style formatting keeps the local
// offset out (the tests run with TZ=America/New_York to catch leaks).

const formatUtc = (iso: string | Date, pattern: string) => format(new UTCDate(new Date(iso).getTime()), pattern);

export const formatUtcTime = (iso: string | Date) => formatUtc(iso, 'HH:mm:ss');
export const formatUtcMinute = (iso: string | Date) => formatUtc(iso, 'HH:mm');
export const formatUtcDate = (iso: string | Date) => formatUtc(iso, 'yyyy-MM-dd');
export const formatUtcDateTime = (iso: string | Date) => formatUtc(iso, 'yyyy-MM-dd HH:mm');

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
