import {compareEvents, isKnownEvent, type AnyEvent, type IncidentEvent, type NoteKind} from './events.js';

// Retractions and amendments: nothing is deleted or rewritten in the journal;
// the reducer folds the events as corrected. Both are order-independent, so a
// correction synced from a machine with a slow clock can sort before its
// target and still applies.

/** The fields of an event that amendments changed, the latest amendment in force winning per field. */
export interface Correction {
	/** The event as first written, for a detail view and for "amended" in reports. */
	original: IncidentEvent;
	text?: string;
	at?: string;
	kind?: NoteKind;
	by?: string;
}

export interface CorrectedEvents {
	/** Every event not retracted, with its corrections applied, sorted by its corrected time. */
	events: AnyEvent[];
	corrections: ReadonlyMap<string, Correction>;
	retracted: ReadonlySet<string>;
	warnings: string[];
}

/** `sorted` is in (at, id) order, so the later of two amendments of one field wins. */
export function applyCorrections(sorted: readonly AnyEvent[]): CorrectedEvents {
	const retracted = findRetracted(sorted);
	const changes = new Map<string, Omit<Correction, 'original'>>();
	for (const event of sorted) {
		if (!isKnownEvent(event) || event.type !== 'event.amended' || retracted.has(event.id)) continue;
		const change = changes.get(event.target) ?? {};
		if (event.text !== undefined) change.text = event.text;
		if (event.happenedAt !== undefined) change.at = event.happenedAt;
		if (event.kind !== undefined) change.kind = event.kind;
		if (event.doer !== undefined) change.by = event.doer;
		changes.set(event.target, change);
	}
	const corrections = new Map<string, Correction>();
	const warnings: string[] = [];
	const events = sorted.map(event => {
		const change = changes.get(event.id);
		if (!change || !isKnownEvent(event) || retracted.has(event.id)) return event;
		if (change.kind !== undefined && event.type !== 'note.logged') {
			warnings.push(`an amendment of a ${event.type} event changes its kind; only a note has one, so that was ignored`);
		}
		corrections.set(event.id, {original: event, ...change});
		return corrected(event, change);
	});
	return {events: events.sort(compareEvents), corrections, retracted, warnings};
}

function corrected(event: IncidentEvent, change: Omit<Correction, 'original'>): IncidentEvent {
	const moved: IncidentEvent = {...event, at: change.at ?? event.at, ...(change.by !== undefined ? {by: change.by} : {})};
	return moved.type === 'note.logged' && change.kind !== undefined ? {...moved, kind: change.kind} : moved;
}

/**
 * An event is retracted when a retraction that is itself still in force names
 * it, so undoing an undo brings the event back.
 */
function findRetracted(events: readonly AnyEvent[]): Set<string> {
	const retractionsOf = new Map<string, string[]>();
	for (const event of events) {
		if (isKnownEvent(event) && event.type === 'event.retracted') {
			const list = retractionsOf.get(event.target) ?? [];
			list.push(event.id);
			retractionsOf.set(event.target, list);
		}
	}
	const memo = new Map<string, boolean>();
	const isRetracted = (id: string, depth: number): boolean => {
		const known = memo.get(id);
		if (known !== undefined) return known;
		const retractions = retractionsOf.get(id) ?? [];
		const result = depth < 64 && retractions.some(r => !isRetracted(r, depth + 1));
		memo.set(id, result);
		return result;
	};
	const retracted = new Set<string>();
	for (const id of retractionsOf.keys()) if (isRetracted(id, 0)) retracted.add(id);
	return retracted;
}
