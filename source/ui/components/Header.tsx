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
 * milestone is on another UTC day than now. Where that does not fit in
 * `columns`, it tightens in steps until it does, so the resolution stays in
 * view at 80 columns: short labels; then a date only where the day changes
 * from the milestone before; then times alone (the timeline has the dates).
 */
export function milestoneLine(milestones: Milestones, now: Date, columns = Number.POSITIVE_INFINITY): string {
	const today = formatUtcDateTime(now).slice(0, 10);
	const line = (short: boolean, dates: 'other-days' | 'day-changes' | 'none') => {
		let previousDay = today;
		return MILESTONE_LABELS.map(([name, label, shortLabel]) => {
			const at = milestones[name];
			const dateTime = at === undefined ? undefined : formatUtcDateTime(at);
			const day = dateTime?.slice(0, 10);
			const dated = dateTime !== undefined && day !== today && (dates === 'other-days' || (dates === 'day-changes' && day !== previousDay));
			if (day !== undefined) previousDay = day;
			return `${short ? shortLabel : label} ${dateTime === undefined ? '—' : dated ? dateTime.slice(5) : dateTime.slice(11)}`;
		}).join(' · ');
	};
	const tiers = [line(false, 'other-days'), line(true, 'other-days'), line(true, 'day-changes')];
	return tiers.find(candidate => candidate.length <= columns) ?? line(true, 'none');
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
