// How many rows each part of the live screen gets. Ink clears and reprints the
// whole terminal on every frame once its output is as tall as the terminal, so
// everything drawn stays at least one row shorter; long lists show a window.

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
export const WIDE_COLUMNS = 80;
/** Title; status line; milestones; warnings. */
const HEADER_ROWS = 4;
const FOOTER_ROWS = 2;

export interface TerminalSize {
	columns: number;
	rows: number;
}

export interface LiveLayout {
	kind: 'compact' | 'single' | 'wide';
	columns: number;
	/** Rows of the body (below the header, above the footer), pane titles included. */
	bodyRows: number;
	checklistRows: number;
	hypothesisRows: number;
	timelineRows: number;
	/** Width of the left column (checklist, hypotheses) in the wide layout. */
	leftColumns: number;
}

export function computeLayout(size: TerminalSize, counts: {checklist: number; hypotheses: number}): LiveLayout {
	const columns = size.columns;
	const bodyRows = size.rows - 1 - HEADER_ROWS - FOOTER_ROWS;
	const base = {columns, bodyRows, leftColumns: 0};
	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return {...base, kind: 'compact', checklistRows: 0, hypothesisRows: 0, timelineRows: 0};
	}
	if (size.columns >= WIDE_COLUMNS) {
		// Left column: checklist over hypotheses; right column: the timeline, full height.
		const listRows = bodyRows - 2;
		const hypothesisRows = Math.max(1, Math.min(Math.max(counts.hypotheses, 1), Math.floor(listRows / 3)));
		const checklistRows = Math.max(1, Math.min(counts.checklist, listRows - Math.max(hypothesisRows, Math.min(counts.hypotheses, 3))));
		return {
			...base,
			kind: 'wide',
			checklistRows,
			hypothesisRows: listRows - checklistRows,
			timelineRows: bodyRows - 1,
			leftColumns: Math.floor(columns * 0.38),
		};
	}
	const listRows = bodyRows - 3;
	const hypothesisRows = Math.min(Math.max(counts.hypotheses, 1), 3);
	const checklistRows = Math.max(1, Math.min(counts.checklist, listRows - hypothesisRows - 3));
	return {...base, kind: 'single', checklistRows, hypothesisRows, timelineRows: listRows - hypothesisRows - checklistRows};
}

/** The slice of a list of `length` rows that shows `selected` within `rows` rows. */
export function windowAround(length: number, rows: number, selected: number): {start: number; end: number} {
	if (length <= rows) return {start: 0, end: length};
	const start = Math.min(Math.max(0, selected - Math.floor(rows / 2)), length - rows);
	return {start, end: start + rows};
}

/** The first line shown of `lines` in `rows` rows: never scrolled past the point where the last line reaches the bottom. */
export function clampScroll(scroll: number, lines: number, rows: number): number {
	return Math.max(0, Math.min(scroll, lines - rows));
}
