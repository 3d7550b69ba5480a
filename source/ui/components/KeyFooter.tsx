import {footerLine} from '../keys.js';
import type {ModeName} from '../live-state.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

/** The keys of the mode on screen, from the key table: none of browsing's inside a prompt. */
export function KeyFooter({mode}: {mode: ModeName}) {
	return (
		<Text wrap="truncate" color={theme.muted}>
			{footerLine(mode)}
		</Text>
	);
}
