import {Box} from 'ink';
import {severityLabel, statusLabel} from '../../core/describe-event.js';
import type {IncidentState} from '../../core/incident-state.js';
import {formatDuration} from '../../core/metrics.js';
import {formatUtcTime} from '../../core/time-format.js';
import type {UpdateDue} from '../../runbook/update-cadence.js';
import type {SyncStatus} from '../hooks/useSync.js';
import {severityColor, theme} from '../theme.js';
import {Text} from './Text.js';

interface HeaderProps {
	state: IncidentState;
	now: Date;
	/** Warnings for the second line, most important first. */
	warnings: readonly string[];
	sync: SyncStatus;
	update?: UpdateDue;
}

function UpdateCountdown({update}: {update?: UpdateDue}) {
	if (!update) return null;
	if (update.remainingMs < 0) return <Text color={theme.error} bold>{` · update overdue ${formatDuration(-update.remainingMs)}`}</Text>;
	return <Text>{` · next update ${formatDuration(update.remainingMs)}`}</Text>;
}

function syncText(sync: SyncStatus, now: Date): string {
	if (sync.running) return ' · syncing';
	if (sync.problem) return ' · offline';
	if (sync.lastSyncedAt) return ` · synced ${formatDuration(Math.max(0, now.getTime() - sync.lastSyncedAt.getTime()))} ago`;
	return '';
}

export function Header({state, now, warnings, sync, update}: HeaderProps) {
	const elapsed = state.openedAt ? formatDuration(Math.max(0, now.getTime() - Date.parse(state.openedAt))) : '-';
	const roles = [
		`IC ${state.roles.commander ?? '?'}`,
		state.roles.scribe ? `scribe ${state.roles.scribe}` : '',
		state.roles.comms ? `comms ${state.roles.comms}` : '',
	].filter(Boolean);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text bold inverse color={severityColor(state.severity)}>
					{` ${severityLabel(state.severity)} `}
				</Text>
				<Text bold>{` ${state.id}  ${state.title}`}</Text>
			</Text>
			<Text wrap="truncate">
				<Text bold>{statusLabel(state.status)}</Text>
				<Text>{` · ${elapsed} · ${roles.join(' · ')} · ${formatUtcTime(now)} UTC`}</Text>
				<UpdateCountdown update={update} />
				<Text color={sync.problem ? theme.warning : theme.muted}>{syncText(sync, now)}</Text>
			</Text>
			<Text wrap="truncate" color={theme.warning}>
				{warnings.length > 0 ? `⚠ ${warnings[0]!}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}` : ' '}
			</Text>
		</Box>
	);
}
