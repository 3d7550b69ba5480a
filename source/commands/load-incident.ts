import type {AnyEvent} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import {extendFold, finishFold, foldIncident, reduceIncident, type IncidentFold} from '../core/reducer.js';
import {
	checkpointExists,
	checkpointPathOf,
	readCheckpoint,
	readCheckpointTail,
	readJournalsAfter,
	type CheckpointRest,
	writeCheckpoint,
	type Checkpoint,
} from '../journal/journal-checkpoint.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {firstOfEachId, quarantineDamagedLines, readIncidentJournal, type DamagedLine} from '../journal/read-journal.js';
import {cacheDirectory} from '../runbook/cached-runbook.js';

export interface LoadedIncident {
	state: IncidentState;
	events: AnyEvent[];
	/** Lines that could not be read: copied to quarantine, reported, and skipped. */
	damaged: DamagedLine[];
}

/** Every event, read and validated from the start: for sync's checks and tests that need the events themselves. */
export function loadIncident(docsDir: string, incidentId: string): LoadedIncident {
	const journal = readIncidentJournal(eventsDirOf(docsDir, incidentId));
	if (journal.damaged.length > 0) quarantineDamagedLines(journal.damaged);
	return {state: reduceIncident(incidentId, journal.events), events: journal.events, damaged: journal.damaged};
}

export interface IncidentAtMarks {
	state: IncidentState;
	damaged: DamagedLine[];
}

/**
 * Below this many lines folded from the journal itself, no checkpoint is
 * written: folding them again is quicker than a file in the cache is worth.
 */
export const CHECKPOINT_AFTER_LINES = 1000;

/**
 * The incident's state from its checkpoint plus the lines appended since
 * (README "Where files go"), the same as folding every line. `summary` is
 * enough for `log` and `list`: everything but the timeline, from a checkpoint
 * that stays small however long the journal grows.
 */
export function loadIncidentState(docsDir: string, incidentId: string, {summary = false} = {}): IncidentAtMarks {
	const loaded = loadFold(docsDir, incidentId, summary ? 'summary' : 'state');
	return {state: finishFold(loaded.fold), damaged: loaded.damaged};
}

/** A summary checkpoint exists: loading the incident then costs little, however long its journal. */
export function hasSummaryCheckpoint(docsDir: string, incidentId: string): boolean {
	return checkpointExists(checkpointPathOf(cacheDirectory(), eventsDirOf(docsDir, incidentId), 'summary'));
}

export interface LoadedFold extends Checkpoint {
	/** True when this fold was continued from a checkpoint. */
	fromCheckpoint: boolean;
	/**
	 * Set when the fold's timeline holds only the newest entries (and its
	 * activeEventIds only those folded after the checkpoint): parses the rest,
	 * undefined when they are damaged (then fold the journals again).
	 */
	restOfTimeline?: () => CheckpointRest | undefined;
}

/**
 * The fold and the journal marks it covers, for the screen to follow from.
 * With `newestEntries` (a state fold only), a checkpoint's older timeline
 * entries are left to `restOfTimeline`, so the first frame does not wait for them.
 */
export function loadFold(docsDir: string, incidentId: string, kind: 'state' | 'summary', {newestEntries}: {newestEntries?: number} = {}): LoadedFold {
	const eventsDir = eventsDirOf(docsDir, incidentId);
	const path = checkpointPathOf(cacheDirectory(), eventsDir, kind);
	const partial = newestEntries === undefined ? undefined : readCheckpointTail(path, eventsDir, newestEntries);
	const checkpoint = partial ? partial.checkpoint : readCheckpoint(path, eventsDir);
	const tail = checkpoint && readJournalsAfter(eventsDir, checkpoint.marks);
	const continued = checkpoint && tail && extendFold(checkpoint.fold, tail.events);
	if (checkpoint && tail && continued) {
		if (tail.damaged.length > 0) quarantineDamagedLines(tail.damaged);
		const loaded: LoadedFold = {marks: tail.marks, fold: continued, damaged: [...checkpoint.damaged, ...tail.damaged], fromCheckpoint: true};
		if (partial) loaded.restOfTimeline = partial.rest;
		if (tail.linesRead >= CHECKPOINT_AFTER_LINES) {
			// A checkpoint is only ever written whole: with the rest damaged, the next load folds the journals.
			const whole = partial ? withRest(loaded.fold, partial.rest()) : loaded.fold;
			if (whole) saveCheckpoint(path, eventsDir, {...loaded, fold: whole}, kind);
		}
		return loaded;
	}
	const whole = readJournalsAfter(eventsDir, []) ?? {events: [], damaged: [], marks: [], linesRead: 0};
	if (whole.damaged.length > 0) quarantineDamagedLines(whole.damaged);
	const loaded = {marks: whole.marks, fold: foldIncident(incidentId, firstOfEachId(whole.events)), damaged: whole.damaged, fromCheckpoint: false};
	if (whole.linesRead >= CHECKPOINT_AFTER_LINES) {
		saveCheckpoint(path, eventsDir, loaded, kind);
		// The other kind is made from the same fold for free; the screen and `log` then both start fast.
		const other = kind === 'state' ? 'summary' : 'state';
		saveCheckpoint(checkpointPathOf(cacheDirectory(), eventsDir, other), eventsDir, loaded, other);
	}
	return loaded;
}

/** A fold from `loadFold` with `newestEntries`, made whole again with what `restOfTimeline` gave. */
export function withRest(fold: IncidentFold, rest: CheckpointRest | undefined): IncidentFold | undefined {
	if (!rest) return undefined;
	const {state} = fold;
	return {...fold, state: {...state, timeline: [...rest.olderTimeline, ...state.timeline], activeEventIds: [...rest.activeEventIds, ...state.activeEventIds]}};
}

function saveCheckpoint(path: string, eventsDir: string, {marks, fold, damaged}: Checkpoint, kind: 'state' | 'summary'): void {
	writeCheckpoint(path, eventsDir, {marks, fold: kind === 'summary' ? summaryOf(fold) : fold, damaged});
}

/** The fold without the parts that grow with every event: what `log` and `list` read. */
function summaryOf(fold: IncidentFold): IncidentFold {
	return {...fold, state: {...fold.state, timeline: [], activeEventIds: []}};
}

/** One line per damaged line, for stderr or the screen's warning area. */
export function describeDamage(damaged: readonly DamagedLine[]): string[] {
	return damaged.map(d => `damaged journal line ${d.line} of ${d.file} (${d.reason}) was set aside in its .quarantine file`);
}
