import {Box, useApp} from 'ink';
import {useState} from 'react';
import type {IncidentSummary} from '../../commands/list-incidents.js';
import {severityLabel, statusLabel} from '../../core/describe-event.js';
import {formatDuration} from '../../core/metrics.js';
import {isCtrlC} from '../key-press.js';
import {useKeyHandler} from '../hooks/useKeyRouter.js';
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
	const [selected, setSelected] = useState(0);
	useKeyHandler(press => {
		if (isCtrlC(press) || press.input === 'q') return exit();
		if (press.input === 'n') return onNew();
		if (press.upArrow || press.downArrow) return setSelected(index => Math.max(0, Math.min(incidents.length - 1, index + (press.upArrow ? -1 : 1))));
		const byNumber = /^[1-9]$/.test(press.input) ? Number(press.input) - 1 : -1;
		const chosen = press.return ? selected : byNumber;
		if (incidents[chosen]) onResume(incidents[chosen]!.id);
	});
	return (
		<Box flexDirection="column">
			<Text bold>{`${incidents.length} incidents are open (newest first): a number resumes one, n opens a new one, q quits`}</Text>
			{incidents.slice(0, 9).map((incident, index) => (
				<Text key={incident.id} wrap="truncate" inverse={index === selected}>
					{`${index + 1}  `}
					<Text color={severityColor(incident.severity)}>{severityLabel(incident.severity)}</Text>
					{`  ${incident.id}  ${statusLabel(incident.status).padEnd(13)}  ${incident.openedAt ? formatDuration(now.getTime() - Date.parse(incident.openedAt)).padEnd(9) : ''}  ${incident.title}`}
				</Text>
			))}
			{incidents.length > 9 ? <Text color={theme.muted}>{`and ${incidents.length - 9} more: incident-tui list`}</Text> : null}
		</Box>
	);
}
