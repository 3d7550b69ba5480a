import {statusLabel} from '../core/describe-event.js';
import type {IncidentState, TimelineKind} from '../core/incident-state.js';
import {formatUtcMinute} from '../core/time-format.js';
import {mermaidLabel} from './markdown-escape.js';

const KEY_KINDS: ReadonlySet<TimelineKind> = new Set([
	'opened',
	'impact',
	'detection',
	'acknowledged',
	'mitigation',
	'escalation',
	'resolution',
	'severity',
	'closed',
]);

/**
 * A Mermaid `timeline` of the incident: one section per status phase
 * (Investigating → … → Resolved), holding the key events of that phase.
 * GitHub draws it from the ```mermaid block.
 */
export function timelineDiagram(state: IncidentState): string {
	const lines = ['timeline', `    title ${mermaidLabel(`${state.id} ${state.title}`, 60)}`];
	let section = '';
	let status = 'Investigating';
	for (const entry of state.timeline) {
		if (entry.status) {
			status = statusLabel(entry.status);
			continue;
		}
		const confirmed = entry.outcome === 'confirmed';
		if (!KEY_KINDS.has(entry.kind) && !confirmed) continue;
		if (status !== section) {
			lines.push(`    section ${status}`);
			section = status;
		}
		lines.push(`        ${formatUtcMinute(entry.at)} : ${mermaidLabel(entry.text)}`);
	}
	if (section === '') lines.push('    section Investigating', '        - : no key events yet');
	return lines.join('\n');
}
