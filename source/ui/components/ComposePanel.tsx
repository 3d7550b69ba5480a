import {Box} from 'ink';
import {theme} from '../theme.js';
import {Text} from './Text.js';

/**
 * The stakeholder update as it will be sent (with a cursor on the last line),
 * or as it was sent, left on screen to select where the terminal refused OSC 52
 * (until the next key, which is not spent on closing it).
 */
export function ComposePanel({text, rows, sent = false}: {text: string; rows: number; sent?: boolean}) {
	const lines = text.split('\n');
	const visible = lines.slice(Math.max(0, lines.length - (rows - 2)));
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate" color={theme.accent}>
				{sent
					? 'Sent: logged, and copied through the terminal (OSC 52). If it did not reach your clipboard, select the text below. The next key closes it and does its job.'
					: 'Stakeholder update'}
			</Text>
			{visible.map((line, index) => (
				<Text key={index} wrap="truncate">
					{line}
					{!sent && index === visible.length - 1 ? '█' : ''}
				</Text>
			))}
		</Box>
	);
}
