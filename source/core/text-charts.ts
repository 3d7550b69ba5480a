// Bar charts and sparklines as plain text for the terminal. Unicode block
// characters draw eighths of a cell; where they may not show (NO_COLOR, or a
// locale that is not UTF-8) the same shapes are drawn in ASCII.

export type ChartStyle = 'unicode' | 'ascii';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARK_UNICODE = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const SPARK_ASCII = ['_', '.', '-', '~', '=', '+', '*', '#'];

/**
 * Blocks only where they will show: `NO_COLOR` set (any value but empty)
 * asks for plain output, and a locale that is not UTF-8 (LC_ALL, else
 * LC_CTYPE, else LANG; none set is the C locale) cannot show them.
 */
export function chartStyleFor(env: Readonly<Record<string, string | undefined>>): ChartStyle {
	if (env['NO_COLOR']) return 'ascii';
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return /utf-?8/i.test(locale) ? 'unicode' : 'ascii';
}

/** A bar `value / max` of `width` cells, in eighths of a cell (Unicode) or whole cells (ASCII); a value above 0 shows at least a sliver. */
export function bar(value: number, max: number, width: number, style: ChartStyle): string {
	if (max <= 0 || value <= 0) return '';
	const cells = Math.min(1, value / max) * width;
	if (style === 'ascii') return '#'.repeat(Math.max(1, Math.round(cells)));
	const eighths = Math.max(1, Math.round(cells * 8));
	return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

export interface BarRow {
	label: string;
	value: number;
	/** What is printed after the bar, such as `12m 03s (n=4)`. */
	shown: string;
}

/** One line per row: label, bar scaled to the largest value, the figure. */
export function barChart(rows: readonly BarRow[], width: number, style: ChartStyle): string[] {
	const max = Math.max(0, ...rows.map(row => row.value));
	const labelWidth = Math.max(0, ...rows.map(row => row.label.length));
	return rows.map(row => `${row.label.padEnd(labelWidth)}  ${bar(row.value, max, width, style).padEnd(width)}  ${row.shown}`.trimEnd());
}

/** One character per value, from the lowest block (0, or the smallest) to the highest (the largest). */
export function sparkline(values: readonly number[], style: ChartStyle): string {
	const levels = style === 'unicode' ? SPARK_UNICODE : SPARK_ASCII;
	const max = Math.max(0, ...values);
	return values.map(value => levels[max <= 0 ? 0 : Math.round((Math.max(0, value) / max) * (levels.length - 1))]).join('');
}
