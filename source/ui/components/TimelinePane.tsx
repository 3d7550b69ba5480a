import {Box} from 'ink';
import type {TimelineEntry} from '../../core/incident-state.js';
import {bottomShowing, timelineWindow, type TimelineFormat, type TimelineRow} from '../timeline-layout.js';
import {kindColor, theme} from '../theme.js';
import {paneTitle, SELECTED_MARK} from './pane-marks.js';
import {Text} from './Text.js';

interface TimelinePaneProps {
	entries: readonly TimelineEntry[];
	format: TimelineFormat;
	/** Events below the window: 0 follows new events. */
	scroll: number;
	/** Marked when the pane has focus: the event Enter reads and the correction keys act on. */
	selectedId?: string;
	/** Its position in `entries`. */
	selectedIndex: number;
	focused: boolean;
	rows: number;
}

function Row({row, entry, selected, focused}: {row: TimelineRow; entry: TimelineEntry; selected: boolean; focused: boolean}) {
	// The marker keeps the selection visible without colour (NO_COLOR).
	const mark = focused && selected ? SELECTED_MARK : ' ';
	const {columns} = row;
	return (
		<Text wrap="truncate" inverse={focused && selected}>
			{mark}
			{columns ? (
				<>
					<Text color={theme.muted}>{`${columns.date}${columns.time}${columns.offset}`}</Text>
					<Text color={kindColor(entry.kind)}>{columns.kind}</Text>
					{columns.owner ? <Text color={theme.muted}>{columns.owner}</Text> : null}
					{' '}
				</>
			) : (
				' '.repeat(row.indent)
			)}
			{row.text}
		</Text>
	);
}

/** Lays out only the events near the window, so 100,000 events cost what 10 do. */
export function TimelinePane({entries, format, scroll, selectedId, selectedIndex, focused, rows}: TimelinePaneProps) {
	// The selection stays whole on screen even when new events or a resize moved things since the last key.
	const wanted = Math.max(0, entries.length - 1 - scroll);
	const bottom = selectedId === undefined ? wanted : bottomShowing(entries, format, rows, wanted, selectedIndex);
	const window = timelineWindow(entries, format, rows, bottom);
	const above = window.above > 0 ? `, ${window.above} above` : '';
	const below = window.below > 0 ? `, ${window.below} newer below` : '';
	return (
		<Box flexDirection="column" width={format.width} height={rows + 1} overflow="hidden">
			<Text bold wrap="truncate" color={focused ? theme.accent : undefined}>
				{paneTitle(`Timeline ${entries.length}${above}${below}`, focused)}
			</Text>
			{window.rows.map(row => (
				<Row key={`${row.eventId} ${row.line}`} row={row} entry={entries[row.index]!} selected={row.eventId === selectedId} focused={focused} />
			))}
		</Box>
	);
}
