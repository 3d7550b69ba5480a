import {LIVE_KEYS} from '../keys.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

export function KeyFooter() {
	return (
		<Text wrap="truncate" color={theme.muted}>
			{LIVE_KEYS.map(key => `${key.keys} ${key.label}`).join(' · ')}
		</Text>
	);
}
