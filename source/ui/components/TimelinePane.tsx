import {Box} from 'ink';
import type {TimelineEntry} from '../../core/incident-state.js';
import {formatOffset, formatUtcDate, formatUtcMinute, formatUtcTime} from '../../core/time-format.js';
import {kindColor, theme} from '../theme.js';
import {Text} from './Text.js';

interface TimelinePaneProps {
	entries: readonly TimelineEntry[];
	/** Where T+ counts from. */
	startedAt?: string;
	scroll: number;
	/** Marked when the pane has focus: the event the correction keys act on. */
	selectedId?: string;
	focused: boolean;
	rows: number;
	width?: number;
	showAuthors: boolean;
}

/** Draws only the rows that fit, so 10,000 events cost what 10 do. */
export function TimelinePane({entries, startedAt, scroll, selectedId, focused, rows, width, showAuthors}: TimelinePaneProps) {
	const end = entries.length - scroll;
	const start = Math.max(0, end - rows);
	const visible = entries.slice(start, end);
	const multiDay = entries.length > 0 && formatUtcDate(entries[0]!.at) !== formatUtcDate(entries.at(-1)!.at);
	const above = start > 0 ? `, ${start} above` : '';
	const below = scroll > 0 ? `, ${scroll} newer below` : '';
	return (
		<Box flexDirection="column" width={width} height={rows + 1} overflow="hidden" flexGrow={width === undefined ? 1 : 0}>
			<Text bold wrap="truncate" color={focused ? theme.accent : undefined}>
				{`Timeline ${entries.length}${above}${below}`}
			</Text>
			{visible.map(entry => (
				<Text key={entry.eventId} wrap="truncate" inverse={focused && entry.eventId === selectedId}>
					{/* The marker keeps the selection visible without colour (NO_COLOR). */}
					{focused ? (entry.eventId === selectedId ? '›' : ' ') : ''}
					<Text color={theme.muted}>
						{multiDay ? `${formatUtcDate(entry.at).slice(5)} ` : ''}
						{formatUtcTime(entry.at)}
						{startedAt ? ` ${formatOffset(startedAt, entry.at)}` : ''}
					</Text>
					<Text color={kindColor(entry.kind)}>{` ${entry.kind.padEnd(13)}`}</Text>
					{showAuthors ? <Text color={theme.muted}>{` ${entry.author}`}</Text> : null}
					{entry.loggedAt ? <Text color={theme.muted}>{` (logged ${formatUtcMinute(entry.loggedAt)})`}</Text> : null}
					{` ${entry.text}`}
					{entry.amended ? <Text color={theme.muted}> (amended)</Text> : null}
				</Text>
			))}
		</Box>
	);
}
