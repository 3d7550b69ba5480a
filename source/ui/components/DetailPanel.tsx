import {Box} from 'ink';
import type {TimelineEntry} from '../../core/incident-state.js';
import {clampScroll} from '../layout.js';
import {detailLines} from '../timeline-layout.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

/** One timeline event in full (Enter in the timeline), in exactly `rows` rows; the arrows scroll what does not fit. */
export function DetailPanel({entry, startedAt, rows, columns, scroll}: {entry?: TimelineEntry; startedAt?: string; rows: number; columns: number; scroll: number}) {
	const lines = entry ? detailLines(entry, startedAt, columns) : ['This event is no longer in the timeline (retracted?).'];
	const room = Math.max(1, rows - 1);
	const first = clampScroll(scroll, lines.length, room);
	const shown = lines.slice(first, first + room);
	const more = lines.length > room ? ` · lines ${first + 1}-${first + shown.length} of ${lines.length}, ↑↓ scroll` : '';
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate" color={theme.accent}>{`Event${entry ? ` ${entry.eventId}` : ''}${more}`}</Text>
			{shown.map((line, index) => (
				<Text key={first + index} wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
}
