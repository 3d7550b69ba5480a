import {Box} from 'ink';
import {LIVE_KEYS, TEXT_INPUT_HELP} from '../keys.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

export function HelpOverlay({rows}: {rows: number}) {
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate">
				Keys (any key closes this help)
			</Text>
			{LIVE_KEYS.map(key => (
				<Text key={key.keys} wrap="truncate">
					<Text bold color={theme.accent}>
						{key.keys.padEnd(12)}
					</Text>
					{key.description}
				</Text>
			))}
			<Text wrap="wrap" color={theme.muted}>
				{TEXT_INPUT_HELP}
			</Text>
		</Box>
	);
}
