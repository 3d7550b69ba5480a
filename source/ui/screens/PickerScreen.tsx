import {Box, useApp} from 'ink';
import type {IncidentSummary} from '../../commands/list-incidents.js';
import {severityLabel, statusLabel} from '../../core/describe-event.js';
import {formatDuration} from '../../core/metrics.js';
import {useScreenController} from '../hooks/useScreenController.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {handlePickerKey, initialPickerState, NUMBERED, pickerWindow, type PickerEffect, type PickerState} from '../picker-keys.js';
import {severityColor, theme} from '../theme.js';
import {Text} from '../components/Text.js';

interface PickerScreenProps {
	incidents: readonly IncidentSummary[];
	now: Date;
	onResume: (incidentId: string) => void;
	onNew: () => void;
}

/** Several incidents are open: one key resumes one of them, n opens a new one. */
export function PickerScreen({incidents, now, onResume, onNew}: PickerScreenProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const {selected} = useScreenController(
		() => initialPickerState(incidents.map(incident => incident.id)),
		handlePickerKey,
		(effect: PickerEffect, next: PickerState): PickerState => {
			if (effect.type === 'quit') exit();
			else if (effect.type === 'new') onNew();
			else onResume(effect.incidentId);
			return next;
		},
	);
	const {start, end} = pickerWindow(incidents.length, selected, size.rows);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">{`${incidents.length} incidents are open (newest first): a number resumes one, n opens a new one, q quits`}</Text>
			{incidents.slice(start, end).map((incident, offset) => {
				const index = start + offset;
				return (
					<Text key={incident.id} wrap="truncate" inverse={index === selected}>
						{index < NUMBERED ? `${index + 1}  ` : '   '}
						<Text color={severityColor(incident.severity)}>{severityLabel(incident.severity)}</Text>
						{`  ${incident.id}  ${statusLabel(incident.status).padEnd(13)}  ${incident.openedAt ? formatDuration(now.getTime() - Date.parse(incident.openedAt)).padEnd(9) : ''}  ${incident.title}`}
					</Text>
				);
			})}
			{end - start < incidents.length ? <Text color={theme.muted}>{`${start + 1}-${end} of ${incidents.length}: ↑↓ to see the rest, Enter resumes`}</Text> : null}
		</Box>
	);
}
