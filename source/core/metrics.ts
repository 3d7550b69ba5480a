import {isOpenIncident, type IncidentState, type Milestones} from './incident-state.js';

// Response metrics from milestones only (README "Milestones and metrics").
// `now` is passed in: the core never reads a clock.

export interface IncidentMetrics {
	/** Where the duration starts: impact, else detection, else the declaration. */
	startedAt?: string;
	/** What the times to acknowledge, mitigate and resolve count from: detection, or the declaration when earlier or alone. */
	detectedAt?: string;
	/** Detection − impact. */
	timeToDetectMs?: number;
	/** Acknowledgement − detection. */
	timeToAcknowledgeMs?: number;
	/** Mitigation − detection. */
	timeToMitigateMs?: number;
	/** Resolution − detection. */
	timeToResolveMs?: number;
	/** Resolution (or `now` while the incident is open) − start; none for an incident closed without a resolution. */
	durationMs?: number;
}

// An incident is known by the time it is declared: a detection logged later (not backdated) does not count from then.
export const detectedAtOf = (state: IncidentState) => earliest(state.milestones.detected, state.milestones.declared);

/** Where T+ counts from: the impact's start, else the detection. */
export function startedAtOf(state: IncidentState): string | undefined {
	return state.milestones.impact ?? detectedAtOf(state);
}

export function computeMetrics(state: IncidentState, now: Date): IncidentMetrics {
	const {acknowledged, mitigated, resolved} = state.milestones;
	const detectedAt = detectedAtOf(state);
	const startedAt = startedAtOf(state);
	if (!startedAt) return {};
	// An out-of-order milestone is warned about (checkMilestoneOrder); its figure shows 0, never a negative time.
	const between = (from: string | undefined, to: string | undefined) =>
		from === undefined || to === undefined ? undefined : Math.max(0, Date.parse(to) - Date.parse(from));
	const end = resolved ?? (isOpenIncident(state) ? now.toISOString() : undefined);
	return {
		startedAt,
		detectedAt,
		timeToDetectMs: between(state.milestones.impact, detectedAt),
		timeToAcknowledgeMs: between(detectedAt, acknowledged),
		timeToMitigateMs: between(detectedAt, mitigated),
		timeToResolveMs: between(detectedAt, resolved),
		durationMs: between(startedAt, end),
	};
}

/** Pairs that must come in this order; others (acknowledged before declared) are normal. */
const MILESTONE_ORDER: readonly [keyof Milestones, keyof Milestones][] = [
	['impact', 'detected'],
	['impact', 'declared'],
	['impact', 'acknowledged'],
	['impact', 'mitigated'],
	['impact', 'resolved'],
	['detected', 'declared'],
	['detected', 'acknowledged'],
	['detected', 'mitigated'],
	['detected', 'resolved'],
	['acknowledged', 'mitigated'],
	['acknowledged', 'resolved'],
	['declared', 'resolved'],
	['mitigated', 'resolved'],
];

/** Out-of-order milestones are accepted and shown, never refused (ARCHITECTURE.md "Events and the journal"). */
export function checkMilestoneOrder(milestones: Milestones): string[] {
	const warnings: string[] = [];
	for (const [earlierName, laterName] of MILESTONE_ORDER) {
		const earlierAt = milestones[earlierName];
		const laterAt = milestones[laterName];
		if (earlierAt && laterAt && laterAt < earlierAt) {
			warnings.push(`${laterName} (${laterAt}) is before ${earlierName} (${earlierAt})`);
		}
	}
	return warnings;
}

function earliest(...times: (string | undefined)[]): string | undefined {
	return times.filter((time): time is string => time !== undefined).sort()[0];
}

/** `1h 05m`, `12m 03s`, `45s`: the form used on screen and in reports. */
export function formatDuration(ms: number): string {
	const totalSeconds = Math.floor(ms / 1000);
	const days = Math.floor(totalSeconds / 86_400);
	const hours = Math.floor((totalSeconds % 86_400) / 3600);
	const minutes = Math.floor((totalSeconds % 3600) / 60);
	const seconds = totalSeconds % 60;
	const pad = (n: number) => String(n).padStart(2, '0');
	if (days > 0) return `${days}d ${pad(hours)}h ${pad(minutes)}m`;
	if (hours > 0) return `${hours}h ${pad(minutes)}m`;
	if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
	return `${seconds}s`;
}
