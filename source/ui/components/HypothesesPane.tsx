import {Box} from 'ink';
import {hypothesisResultLabel} from '../../core/describe-event.js';
import type {Hypothesis} from '../../core/incident-state.js';
import {windowAround} from '../layout.js';
import {theme} from '../theme.js';
import {paneTitle, SELECTED_MARK} from './pane-marks.js';
import {Text} from './Text.js';

interface HypothesesPaneProps {
	hypotheses: readonly Hypothesis[];
	selected: number;
	focused: boolean;
	rows: number;
	width: number;
}

const RESULT_MARKS = {confirmed: '✔', 'ruled-out': '✘', inconclusive: '?'} as const;

export function HypothesesPane({hypotheses, selected, focused, rows, width}: HypothesesPaneProps) {
	const {start, end} = windowAround(hypotheses.length, rows, selected);
	return (
		<Box flexDirection="column" width={width} height={rows + 1} overflow="hidden">
			<Text bold wrap="truncate" color={focused ? theme.accent : undefined}>
				{paneTitle(`Hypotheses ${hypotheses.length}`, focused)}
			</Text>
			{hypotheses.length === 0 ? (
				<Text wrap="truncate" color={theme.muted}>
					{' none yet: h adds one'}
				</Text>
			) : null}
			{hypotheses.slice(start, end).map((hypothesis, offset) => {
				const isSelected = focused && start + offset === selected;
				const result = hypothesis.result;
				const state = result ? `${RESULT_MARKS[result.outcome]} ${hypothesisResultLabel(result.outcome)}` : '… testing';
				const test = hypothesis.test ? ` (test: ${hypothesis.test})` : '';
				return (
					<Text key={hypothesis.id} wrap="truncate" inverse={isSelected}>
						{isSelected ? SELECTED_MARK : ' '}
						<Text color={result?.outcome === 'confirmed' ? theme.done : result ? theme.muted : theme.warning}>{state}</Text>
						{` ${hypothesis.statement}${test}`}
					</Text>
				);
			})}
		</Box>
	);
}
