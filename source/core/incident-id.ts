import slugify from '@sindresorhus/slugify';

// Incident IDs are `YYYY-MM-DD-NN` on the UTC date; the slug is the only part of
// a title that ever reaches a file name, so it is the whole defence against a
// title escaping the incidents directory.

const INCIDENT_ID_PATTERN = /^(\d{4})-(\d{2})-(\d{2})-(\d{2,3})$/;
export const MAX_SLUG_LENGTH = 60;
const FALLBACK_SLUG = 'incident';

export function isIncidentId(value: string): boolean {
	const match = INCIDENT_ID_PATTERN.exec(value);
	if (!match) return false;
	const [, year, month, day, number] = match;
	const date = new Date(`${year}-${month}-${day}T00:00:00.000Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`) && Number(number) > 0;
}

export function utcDatePart(at: Date): string {
	return at.toISOString().slice(0, 10);
}

/** The next free ID of the UTC day of `at`, given the IDs that already exist. */
export function nextIncidentId(at: Date, existingIds: Iterable<string>): string {
	const day = utcDatePart(at);
	let highest = 0;
	for (const id of existingIds) {
		if (!id.startsWith(`${day}-`) || !isIncidentId(id)) continue;
		highest = Math.max(highest, Number(id.slice(day.length + 1)));
	}
	return formatIncidentId(day, highest + 1);
}

export function formatIncidentId(day: string, number: number): string {
	return `${day}-${String(number).padStart(2, '0')}`;
}

/** Lower-case ASCII `[a-z0-9-]`, at most 60 characters, never empty. */
export function slugFromTitle(title: string): string {
	const slug = slugify(title, {lowercase: true, decamelize: false});
	const cut = slug.length > MAX_SLUG_LENGTH ? cutAtDash(slug.slice(0, MAX_SLUG_LENGTH)) : slug;
	const safe = cut.replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, '');
	return safe.length > 0 ? safe : FALLBACK_SLUG;
}

function cutAtDash(slug: string): string {
	const lastDash = slug.lastIndexOf('-');
	return lastDash > MAX_SLUG_LENGTH / 2 ? slug.slice(0, lastDash) : slug;
}

/** A handle or host name made safe for a journal file name. */
export function fileSafeName(value: string): string {
	const safe = value
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 40);
	return safe.length > 0 ? safe : 'unknown';
}

/** `alice@laptop`: one journal file per responder and machine, so git never has to merge one file. */
export function writerName(handle: string, host: string): string {
	return `${fileSafeName(handle)}@${fileSafeName(host)}`;
}
