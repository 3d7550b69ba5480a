import {Box} from 'ink';
import {severityLabel, statusLabel} from '../../core/describe-event.js';
import type {IncidentState, Milestones} from '../../core/incident-state.js';
import {formatDuration} from '../../core/metrics.js';
import {formatUtcDateTime, formatUtcTime} from '../../core/time-format.js';
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
	/** The terminal's width: the milestone line shortens its labels to fit. */
	columns?: number;
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

/** Each milestone's label, and the shorter one used when the whole line would not fit (80 columns). */
const MILESTONE_LABELS: readonly [keyof Milestones, string, string][] = [
	['impact', 'impact', 'impact'],
	['detected', 'detected', 'det'],
	['acknowledged', 'ack', 'ack'],
	['declared', 'declared', 'decl'],
	['mitigated', 'mitigated', 'mitig'],
	['resolved', 'resolved', 'res'],
];

/**
 * `impact 14:54 · detected 14:55 · … · resolved —`, with the date when a
 * milestone is on another UTC day than now; in fewer than `columns` columns
 * with short labels, so the resolution stays in view at 80 columns.
 */
export function milestoneLine(milestones: Milestones, now: Date, columns = Number.POSITIVE_INFINITY): string {
	const today = formatUtcDateTime(now).slice(0, 10);
	const when = (at: string | undefined) => {
		if (at === undefined) return '—';
		const dateTime = formatUtcDateTime(at);
		return dateTime.startsWith(today) ? dateTime.slice(11) : dateTime.slice(5);
	};
	const line = (short: boolean) => MILESTONE_LABELS.map(([name, label, shortLabel]) => `${short ? shortLabel : label} ${when(milestones[name])}`).join(' · ');
	const full = line(false);
	return full.length <= columns ? full : line(true);
}

export function Header({state, now, warnings, sync, update, columns}: HeaderProps) {
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
			<Text wrap="truncate" color={theme.muted}>
				{milestoneLine(state.milestones, now, columns)}
			</Text>
			<Text wrap="truncate" color={theme.warning}>
				{warnings.length > 0 ? `⚠ ${warnings[0]!}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}` : ' '}
			</Text>
		</Box>
	);
}
