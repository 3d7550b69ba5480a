import {Box} from 'ink';
import type {ChecklistItem} from '../../core/checklist.js';
import type {ChecklistTick} from '../../core/incident-state.js';
import {formatUtcTime} from '../../core/time-format.js';
import {windowAround} from '../layout.js';
import {theme} from '../theme.js';
import {paneTitle, SELECTED_MARK} from './pane-marks.js';
import {Text} from './Text.js';

interface ChecklistPaneProps {
	/** The phase: "1/5 Detection & Triage". */
	title: string;
	items: readonly ChecklistItem[];
	ticks: Readonly<Record<string, ChecklistTick>>;
	selected: number;
	focused: boolean;
	rows: number;
	width: number;
}

export function ChecklistPane({title, items, ticks, selected, focused, rows, width}: ChecklistPaneProps) {
	const {start, end} = windowAround(items.length, rows, selected);
	const done = items.filter(item => ticks[item.key]).length;
	return (
		<Box flexDirection="column" width={width} height={rows + 1} overflow="hidden">
			<Text bold wrap="truncate" color={focused ? theme.accent : undefined}>
				{paneTitle(`${title} ${done}/${items.length} ←→`, focused)}
			</Text>
			{items.slice(start, end).map((item, offset) => {
				const tick = ticks[item.key];
				const isSelected = focused && start + offset === selected;
				return (
					<Text key={item.key} wrap="truncate" inverse={isSelected}>
						{isSelected ? SELECTED_MARK : ' '}
						{'  '.repeat(item.depth)}
						<Text color={tick ? theme.done : undefined}>{tick ? '[x] ' : '[ ] '}</Text>
						{tick ? <Text color={theme.muted}>{`${formatUtcTime(tick.at)} `}</Text> : null}
						{item.label}
					</Text>
				);
			})}
		</Box>
	);
}
