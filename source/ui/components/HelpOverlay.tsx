import {Box} from 'ink';
import {keysOf, textPromptHelp} from '../keys.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

export function HelpOverlay({rows}: {rows: number}) {
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate">
				Keys (any key closes this help)
			</Text>
			{keysOf('browse').map(entry => (
				<Text key={entry.command} wrap="truncate">
					<Text bold color={theme.accent}>
						{entry.shown.padEnd(12)}
					</Text>
					{entry.help}
				</Text>
			))}
			<Text wrap="wrap" color={theme.muted}>
				{textPromptHelp()}
			</Text>
		</Box>
	);
}
