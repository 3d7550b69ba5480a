import type {IncidentState, Milestones} from './incident-state.js';

// Response metrics, measured from detection (or from the opening when no
// detection was logged). `now` is passed in: the core never reads a clock.

export interface IncidentMetrics {
	/** The start the other figures count from. */
	startedAt?: string;
	timeToAcknowledgeMs?: number;
	timeToMitigateMs?: number;
	timeToResolveMs?: number;
	/** Until resolution, or until `now` while the incident is open. */
	durationMs?: number;
}

export function computeMetrics(state: IncidentState, now: Date): IncidentMetrics {
	const startedAt = earliest(state.milestones.detected, state.openedAt);
	if (!startedAt) return {};
	const start = Date.parse(startedAt);
	const since = (at: string | undefined) => (at === undefined ? undefined : Math.max(0, Date.parse(at) - start));
	const end = state.milestones.resolved ?? now.toISOString();
	return {
		startedAt,
		timeToAcknowledgeMs: since(state.milestones.acknowledged),
		timeToMitigateMs: since(state.milestones.mitigated),
		timeToResolveMs: since(state.milestones.resolved),
		durationMs: since(end),
	};
}

const MILESTONE_ORDER: (keyof Milestones)[] = ['detected', 'acknowledged', 'mitigated', 'resolved'];

/** Out-of-order milestones are accepted and shown, never refused (DESIGN.md "Events"). */
export function checkMilestoneOrder(milestones: Milestones): string[] {
	const warnings: string[] = [];
	for (let later = 1; later < MILESTONE_ORDER.length; later++) {
		for (let earlier = 0; earlier < later; earlier++) {
			const earlierName = MILESTONE_ORDER[earlier]!;
			const laterName = MILESTONE_ORDER[later]!;
			const earlierAt = milestones[earlierName];
			const laterAt = milestones[laterName];
			if (earlierAt && laterAt && laterAt < earlierAt) {
				warnings.push(`${laterName} (${laterAt}) is before ${earlierName} (${earlierAt})`);
			}
		}
	}
	return warnings;
}

function earliest(...times: (string | undefined)[]): string | undefined {
	return times.filter((t): t is string => t !== undefined).sort()[0];
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
