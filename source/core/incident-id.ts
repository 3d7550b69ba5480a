// Incident IDs are `YYYY-MM-DD-NN` on the UTC date, and journal file names.

const INCIDENT_ID_PATTERN = /^(\d{4})-(\d{2})-(\d{2})-(\d{2,3})$/;

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
