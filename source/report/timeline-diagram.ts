import type {IncidentState, TimelineEntry, TimelineKind} from '../core/incident-state.js';
import {detectedAtOf} from '../core/metrics.js';
import {formatUtcDateTime} from '../core/time-format.js';
import {mermaidLabel, mermaidTime} from './mermaid-text.js';
import {timeLabeller} from './report-timeline.js';

// A Mermaid `timeline` of the incident for GitHub to draw from the ```mermaid
// block: one section per stretch between milestones (impact, detection,
// mitigation, resolution), so a mitigation always opens "Mitigation" whatever
// the status said, holding the events that shaped the response.

const PREFIXES: Partial<Record<TimelineKind, string>> = {
	impact: 'Impact',
	detection: 'Detected',
	acknowledged: 'Acknowledged',
	mitigation: 'Mitigated',
	escalation: 'Escalated',
	resolution: 'Resolved',
	severity: '',
	opened: '',
};

/** Events before the first milestone (a backdated action, say). */
const LEAD_UP = 'Lead-up';

export function timelineDiagram(state: IncidentState): string {
	const lines = ['timeline', `    title ${mermaidLabel(`${state.id} ${state.title}`, 60)} (UTC)`];
	const phases = phasesOf(state);
	const time = timeLabeller(state.timeline);
	let section: string | undefined;
	let period: string | undefined;
	for (const entry of state.timeline) {
		const label = labelOf(entry);
		if (label === undefined) continue;
		const phase = phases.findLast(candidate => candidate.at <= entry.at)?.name ?? LEAD_UP;
		if (phase !== section) {
			lines.push(`    section ${phase}`);
			section = phase;
			period = undefined;
		}
		// Events of one minute share a period: Mermaid stacks them under one time.
		const minute = formatUtcDateTime(entry.at);
		if (minute === period) lines[lines.length - 1] += ` : ${label}`;
		else lines.push(`        ${mermaidTime(time(entry.at))} : ${label}`);
		period = minute;
	}
	if (section === undefined) lines.push('        - : no key events yet');
	return lines.join('\n');
}

/** The milestones that open a section, in the order they happened. */
function phasesOf(state: IncidentState): {name: string; at: string}[] {
	const candidates = [
		{name: 'Impact', at: state.milestones.impact},
		// Without a detection note, the declaration is when it was known (README "Milestones and metrics").
		{name: 'Detection', at: detectedAtOf(state)},
		{name: 'Mitigation', at: state.milestones.mitigated},
		{name: 'Resolution', at: state.milestones.resolved},
	];
	return candidates.filter((phase): phase is {name: string; at: string} => phase.at !== undefined).sort((a, b) => a.at.localeCompare(b.at));
}

/** The diagram's words for an event, or undefined when the event is left out. */
function labelOf(entry: TimelineEntry): string | undefined {
	// Closing is stamped at the resolution, which the diagram shows already.
	if (entry.kind === 'opened') return 'Declared';
	if (entry.kind === 'hypothesis') return entry.outcome === 'confirmed' ? mermaidLabel(`Confirmed ${entry.text.replace(/^confirmed[^:]*: /, '')}`) : undefined;
	const prefix = PREFIXES[entry.kind];
	if (prefix === undefined) return undefined;
	return mermaidLabel(prefix === '' ? entry.text : `${prefix} - ${entry.text}`);
}
