import {displaySafe} from '../core/display-safe.js';
import type {TimelineEntry} from '../core/incident-state.js';
import {formatOffset, formatUtcDate, formatUtcMinute, formatUtcTime} from '../core/time-format.js';
import {fitToWidth, textWidth as widthOf, truncateToWidth, wrapText} from './text-wrap.js';

// The timeline pane as rows: each event is a line of aligned columns (time,
// T+offset, kind, owner) with its text wrapped under the text column, so a long
// event takes several rows. Only the events near the window are laid out, so a
// 100,000-event incident costs what a 10-event one does. Pure: the pane draws
// the rows, and the arrow keys use the same arithmetic to keep the selected
// event whole on screen.

/** What every row of one frame shares: the widths of the columns. */
export interface TimelineFormat {
	width: number;
	/** Where T+ counts from. */
	startedAt?: string;
	/** `11-23` before the time when the incident spans more than one UTC day. */
	showDates: boolean;
	offsetWidth: number;
	/** 0 when one person writes and names no one else. */
	ownerWidth: number;
}

/** The marker column (`›` on the selected event), then the columns before the text. */
const MARKER_WIDTH = 1;
const KIND_WIDTH = 'communication'.length;
const MAX_OWNER_WIDTH = 12;
/** Below this, the text goes on rows of its own under the columns rather than beside them. */
const MIN_TEXT_WIDTH = 20;
/** Blank columns after the marker before hanging text. */
const HANGING_INDENT = 2;

/**
 * The columns' widths for a timeline. The T+ column is as wide as the longest
 * offset, which is the first or the last event's (the timeline is in time
 * order), so `T+05:00` and `T+1:05:00` line up without looking at the rest.
 */
export function timelineFormatOf(
	entries: readonly TimelineEntry[],
	options: {width: number; startedAt?: string; owners: readonly string[] | undefined},
): TimelineFormat {
	const first = entries[0];
	const last = entries.at(-1);
	const offsets = options.startedAt && first && last ? [first, last].map(entry => formatOffset(options.startedAt!, entry.at).length) : [];
	const owners = options.owners ?? [];
	return {
		width: options.width,
		startedAt: options.startedAt,
		showDates: first !== undefined && last !== undefined && formatUtcDate(first.at) !== formatUtcDate(last.at),
		offsetWidth: Math.max(0, ...offsets),
		ownerWidth: owners.length === 0 ? 0 : Math.min(MAX_OWNER_WIDTH, Math.max(...owners.map(owner => widthOf(displaySafe(owner))))),
	};
}

/** The aligned columns of an event's first row, each cut or padded to its width. */
export interface TimelineColumns {
	date: string;
	time: string;
	offset: string;
	kind: string;
	owner: string;
}

export interface TimelineRow {
	eventId: string;
	/** The event's position in the timeline. */
	index: number;
	/** The row's position within its event. */
	line: number;
	/** On the event's first row only. */
	columns?: TimelineColumns;
	/** Columns left blank between the marker and the text on a row without columns. */
	indent: number;
	text: string;
}

function columnsOf(entry: TimelineEntry, format: TimelineFormat): TimelineColumns {
	return {
		date: format.showDates ? `${formatUtcDate(entry.at).slice(5)} ` : '',
		time: formatUtcTime(entry.at),
		offset: format.startedAt ? ` ${formatOffset(format.startedAt, entry.at).padStart(format.offsetWidth)}` : '',
		kind: ` ${entry.kind.padEnd(KIND_WIDTH)}`,
		owner: format.ownerWidth > 0 ? ` ${fitToWidth(entry.by ?? entry.author, format.ownerWidth)}` : '',
	};
}

/** Columns before the text: marker, date, time, offset, kind, owner and a space. */
function prefixWidth(format: TimelineFormat): number {
	const offset = format.startedAt ? 1 + format.offsetWidth : 0;
	const owner = format.ownerWidth > 0 ? 1 + format.ownerWidth : 0;
	return MARKER_WIDTH + (format.showDates ? 6 : 0) + 8 + offset + 1 + KIND_WIDTH + owner + 1;
}

/** The words of the text column: a backdated event says when it was written down; a corrected one says so. */
function eventText(entry: TimelineEntry): string {
	const logged = entry.loggedAt ? `(logged ${formatUtcMinute(entry.loggedAt)}) ` : '';
	return `${logged}${entry.text}${entry.amended ? ' (amended)' : ''}`;
}

/**
 * One event's rows, at most `maxRows` of them; a longer one ends in `…` (Enter
 * shows it whole). In a narrow pane the text hangs below the columns.
 */
export function eventRows(entries: readonly TimelineEntry[], index: number, format: TimelineFormat, maxRows: number): TimelineRow[] {
	const entry = entries[index]!;
	const prefix = prefixWidth(format);
	const hanging = format.width - prefix < MIN_TEXT_WIDTH;
	const indent = hanging ? HANGING_INDENT : prefix - MARKER_WIDTH;
	const textWidth = format.width - MARKER_WIDTH - indent;
	const textRows = hanging ? maxRows - 1 : maxRows;
	const {lines, complete} = wrapText(eventText(entry), textWidth, Math.max(1, textRows));
	if (!complete) lines[lines.length - 1] = `${truncateToWidth(lines.at(-1)!, textWidth - 1)}…`;
	const columns = columnsOf(entry, format);
	const texts: [string, TimelineColumns | undefined][] = hanging ? [['', columns], ...lines.map(line => [line, undefined] as [string, undefined])] : lines.map((line, n) => [line, n === 0 ? columns : undefined]);
	return texts.slice(0, Math.max(1, maxRows)).map(([text, first], line) => ({eventId: entry.eventId, index, line, indent: first ? 0 : indent, text, ...(first ? {columns: first} : {})}));
}

const rowCount = (entries: readonly TimelineEntry[], index: number, format: TimelineFormat, paneRows: number) =>
	eventRows(entries, index, format, paneRows + 1).length;

export interface TimelineWindow {
	rows: TimelineRow[];
	/** Events (whole or in part) above the first row shown. */
	above: number;
	/** Events below the last one shown. */
	below: number;
}

/**
 * The rows of `paneRows` that end with the event at `bottom`, filled upwards;
 * the topmost event may show only its last rows, as in a terminal's scrollback.
 */
export function timelineWindow(entries: readonly TimelineEntry[], format: TimelineFormat, paneRows: number, bottom: number): TimelineWindow {
	if (entries.length === 0 || paneRows <= 0) return {rows: [], above: 0, below: 0};
	const rows: TimelineRow[] = [];
	let index = bottom;
	for (; index >= 0 && rows.length < paneRows; index--) {
		const own = eventRows(entries, index, format, paneRows);
		rows.unshift(...own.slice(Math.max(0, own.length - (paneRows - rows.length))));
	}
	// `index` is now the event above the topmost one drawn; a topmost event drawn in part counts as above too.
	const above = index + 1 + (rows[0]?.columns ? 0 : 1);
	return {rows, above, below: entries.length - 1 - bottom};
}

/**
 * The bottom event of a window that shows `selected` whole and moves as little
 * as it can from `bottom`: down when the selection is below it, up when the
 * selection's first row would be cut off at the top.
 */
export function bottomShowing(entries: readonly TimelineEntry[], format: TimelineFormat, paneRows: number, bottom: number, selected: number): number {
	if (selected >= bottom) return selected;
	let used = 0;
	for (let index = selected; index <= bottom; index++) {
		used += rowCount(entries, index, format, paneRows);
		if (used > paneRows) return Math.max(selected, index - 1);
	}
	return bottom;
}

/** How many events PgUp/PgDn move the selection: those that fill a page from it, at least one. */
export function pageOfEvents(entries: readonly TimelineEntry[], format: TimelineFormat, paneRows: number, selected: number, direction: -1 | 1): number {
	let used = 0;
	let count = 0;
	for (let index = selected + direction; index >= 0 && index < entries.length; index += direction) {
		used += rowCount(entries, index, format, paneRows);
		if (used > paneRows - 1) break;
		count++;
	}
	return Math.max(1, count);
}

const LABEL_WIDTH = 12;

/**
 * Everything about one event, as lines of at most `width` columns: the full
 * text wrapped, what it is, who did and who typed it, when it happened and
 * when it was written down (with dates), and what an amendment replaced.
 */
export function detailLines(entry: TimelineEntry, startedAt: string | undefined, width: number): string[] {
	const when = (at: string) => `${formatUtcDate(at)} ${formatUtcTime(at)} UTC${startedAt ? ` (${formatOffset(startedAt, at)})` : ''}`;
	const field = (label: string, value: string) => wrapText(value, width - LABEL_WIDTH).lines.map((line, n) => `${(n === 0 ? label : '').padEnd(LABEL_WIDTH)}${line}`);
	const original = entry.original;
	return [
		...field('Happened', when(entry.at)),
		...field('Logged', entry.loggedAt ? when(entry.loggedAt) : 'within a minute of when it happened'),
		...field('Kind', entry.kind),
		...field('Done by', entry.by ?? entry.author),
		...field('Typed by', entry.author),
		...field('Amended', original ? 'yes; first written as:' : 'no'),
		...(original
			? [
					...field('  text', original.text),
					...field('  happened', when(original.at)),
					...field('  kind', original.kind),
					...field('  done by', original.by ?? entry.author),
				]
			: []),
		'',
		...wrapText(entry.text, width).lines,
	];
}
