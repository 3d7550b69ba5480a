import type {NoteKind} from '../core/events.js';
import {parseTimeline, type ParsedTimeline} from '../core/timeline-import.js';
import type {IncidentState} from '../core/incident-state.js';
import type {CommandContext} from './command-context.js';
import {recordEvent} from './record-event.js';

export interface ImportPlan extends ParsedTimeline {
	incidentId: string;
	/** Lines already in the timeline (same time and text): a second import adds nothing twice. */
	alreadyThere: number;
}

/** What an import would write, without writing anything. */
export function planImport(state: IncidentState, input: string, kind?: NoteKind): ImportPlan {
	const baseDate = (state.openedAt ?? new Date().toISOString()).slice(0, 10);
	const parsed = parseTimeline(input, baseDate, kind);
	const existing = new Set(state.timeline.map(entry => `${entry.at} ${entry.text}`));
	const events = parsed.events.filter(event => !existing.has(`${event.at} ${event.text}`));
	return {...parsed, events, incidentId: state.id, alreadyThere: parsed.events.length - events.length};
}

/** Writes the plan: each line its own event at its own time, logged now. */
export function applyImport(context: CommandContext, plan: ImportPlan): number {
	for (const event of plan.events) {
		recordEvent(context, plan.incidentId, {type: 'note.logged', kind: event.kind, text: event.text}, {at: new Date(event.at)});
	}
	return plan.events.length;
}
