import {Box} from 'ink';
import {HELP_KEY_COLUMN, helpLines} from '../help-lines.js';
import {clampScroll} from '../layout.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

/**
 * Every browse key, one wrapped line after another, in exactly `rows` rows:
 * the heading stays, and what does not fit scrolls (a help taller than the
 * body used to push the header off and made Ink redraw the whole screen).
 */
export function HelpOverlay({rows, columns, scroll}: {rows: number; columns: number; scroll: number}) {
	const lines = helpLines(columns);
	const room = Math.max(1, rows - 1);
	const first = clampScroll(scroll, lines.length, room);
	const shown = lines.slice(first, first + room);
	const more = lines.length > room ? ` · lines ${first + 1}-${first + shown.length} of ${lines.length}, ↑↓ scroll` : '';
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate">{`Keys (any key closes this help)${more}`}</Text>
			{shown.map((line, index) =>
				line.keys === undefined ? (
					<Text key={first + index} wrap="truncate" color={theme.muted}>
						{line.text}
					</Text>
				) : (
					<Text key={first + index} wrap="truncate">
						<Text bold color={theme.accent}>
							{line.keys.padEnd(HELP_KEY_COLUMN)}
						</Text>
						{line.text}
					</Text>
				),
			)}
		</Box>
	);
}
