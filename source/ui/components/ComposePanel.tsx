import {Box, Text} from 'ink';
import {displaySafe} from '../../core/display-safe.js';
import {theme} from '../theme.js';

/** The stakeholder update as it will be sent; the last line shows the cursor. */
export function ComposePanel({text, rows}: {text: string; rows: number}) {
	const lines = text.split('\n');
	const visible = lines.slice(Math.max(0, lines.length - (rows - 2)));
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate" color={theme.accent}>
				Stakeholder update · type to add, Ctrl-J new line, Backspace trims · Enter copies it (OSC 52) and logs it · Esc cancels
			</Text>
			{visible.map((line, index) => (
				<Text key={index} wrap="truncate">
					{displaySafe(line)}
					{index === visible.length - 1 ? '█' : ''}
				</Text>
			))}
		</Box>
	);
}
