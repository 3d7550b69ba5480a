import type {NoteKind} from './events.js';

// Reads a timeline written elsewhere (a chat export, a postmortem's timeline,
// a Markdown table) into timestamped notes. Pure: the caller gives the date
// that time-only lines belong to, and decides what to do with the result.

export interface ImportedEvent {
	line: number;
	at: string;
	kind: NoteKind;
	text: string;
}

export interface UnreadableLine {
	line: number;
	raw: string;
	reason: string;
}

export interface ParsedTimeline {
	events: ImportedEvent[];
	unreadable: UnreadableLine[];
}

// `2026-11-23 14:51`, `2026-11-23T14:51:07Z`, `14:51`, `14:51:07`, optionally
// in brackets or backticks, optionally followed by "UTC" and a separator.
const STAMP =
	/^[[`(]?(?:(\d{4}-\d{2}-\d{2})[T ])?([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z)?(?:\s*(?:UTC|GMT|Z))?[\]`)]?\s*(?:[-–—:|]\s*)?(.*)$/i;
const LIST_MARKER = /^(?:[-*+]\s+|\d+[.)]\s+)/;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}/;
const DAY_MS = 86_400_000;

const KIND_WORDS: readonly [NoteKind, RegExp][] = [
	['escalation', /\b(escalat\w*|paged the|called in|woke up)\b/i],
	['communication', /\b(status ?page|tweet\w*|announc\w*|notif\w* (customers|users|stakeholders)|customers? (were )?notified|update[ds]? (to )?(stakeholders|customers))\b/i],
	['mitigation', /\b(roll(ed|ing)? ?back|revert\w*|mitigat\w*|fail(ed)? ?over|restart\w*|disabl\w*|scaled|drain\w*|blocked|kill switch)\b/i],
	['resolution', /\b(resolved|fully recovered|back to normal|all clear|incident closed)\b/i],
	['acknowledged', /\b(ack(nowledged)?|on-?call (is )?(on it|responding))\b/i],
	['detection', /\b(alert\w*|alarm\w*|fired|detect\w*|pager|noticed|first reports?|reported)\b/i],
];

export function guessKind(text: string): NoteKind {
	return KIND_WORDS.find(([, words]) => words.test(text))?.[0] ?? 'note';
}

/**
 * `baseDate` (YYYY-MM-DD, UTC) is the day of time-only lines; a time earlier
 * than the line before it by more than an hour is taken to be after midnight.
 */
export function parseTimeline(input: string, baseDate: string, forcedKind?: NoteKind): ParsedTimeline {
	const events: ImportedEvent[] = [];
	const unreadable: UnreadableLine[] = [];
	let dayOffset = 0;
	let previous: number | undefined;
	input.split(/\r\n?|\n/).forEach((raw, index) => {
		const line = index + 1;
		let text = raw.trim();
		if (text === '' || TABLE_SEPARATOR.test(text) || /^#+\s/.test(text)) return;
		if (text.startsWith('|')) text = tableRow(text);
		text = text.replace(LIST_MARKER, '');
		const match = STAMP.exec(text);
		if (!match) {
			if (!/^time\b/i.test(text)) unreadable.push({line, raw, reason: 'no time at the start'});
			return;
		}
		const [, date, hours, minutes, seconds, , rest] = match;
		const body = (rest ?? '').trim();
		if (body === '') {
			unreadable.push({line, raw, reason: 'a time but no text'});
			return;
		}
		let at = Date.parse(`${date ?? baseDate}T${hours!.padStart(2, '0')}:${minutes}:${seconds ?? '00'}.000Z`);
		if (date === undefined) {
			at += dayOffset * DAY_MS;
			if (previous !== undefined && at < previous - 3_600_000) {
				dayOffset++;
				at += DAY_MS;
			}
		}
		previous = at;
		events.push({line, at: new Date(at).toISOString(), kind: forcedKind ?? guessKind(body), text: body});
	});
	return {events, unreadable};
}

/** `| 18:05 | Alert fired | Ops |` → `18:05 Alert fired (Ops)`. */
function tableRow(row: string): string {
	const cells = row
		.replace(/^\|/, '')
		.replace(/\|\s*$/, '')
		.split('|')
		.map(cell => cell.trim());
	const [time, event, ...rest] = cells;
	const owner = rest.filter(Boolean).join(', ');
	return `${time ?? ''} ${event ?? ''}${owner ? ` (${owner})` : ''}`;
}
