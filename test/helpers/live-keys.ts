import type {ChecklistItem} from '../../source/core/checklist.js';
import type {TimelineEntry} from '../../source/core/incident-state.js';
// Ink's own splitting of what the terminal sent into input events (not exported by Ink): the app sees these.
import {createInputParser} from '../../node_modules/ink/build/input-parser.js';
import {KeyDecoder, type KeyPress} from '../../source/ui/key-press.js';
import {forEachKey, handleLiveKey} from '../../source/ui/live-input.js';
import {timelineFormatOf} from '../../source/ui/timeline-layout.js';
import {INITIAL_LIVE_UI, type LiveEffect, type LiveMode, type LiveUi, type LiveView} from '../../source/ui/live-state.js';

// Drives the live screen's pure key logic without Ink: raw terminal input in,
// the UI state and the effects out, in microseconds.

export const AT = new Date('2026-11-23T03:00:00.000Z');

export const RAW = {
	enter: '\r',
	ctrlJ: '\n',
	escape: '\u001b',
	up: '\u001b[A',
	down: '\u001b[B',
	left: '\u001b[D',
	right: '\u001b[C',
	pageUp: '\u001b[5~',
	pageDown: '\u001b[6~',
	tab: '\t',
	shiftTab: '\u001b[Z',
	backspace: '\u007f',
	ctrlC: '\u0003',
	ctrlU: '\u0015',
	ctrlW: '\u0017',
	pasteStart: '\u001b[200~',
	pasteEnd: '\u001b[201~',
} as const;

const item = (key: string): ChecklistItem => ({key, label: key, depth: 0});

/** `count` notes a minute apart, their IDs `E00`, `E01`, … (oldest first). */
export function timelineOf(count: number): TimelineEntry[] {
	return Array.from({length: count}, (_, index) => ({
		eventId: `E${String(index).padStart(2, '0')}`,
		at: new Date(AT.getTime() - (count - index) * 60_000).toISOString(),
		author: 'marty',
		kind: 'note',
		text: `note ${index}`,
		amended: false,
	}));
}

export function makeView(changes: Partial<LiveView> = {}): LiveView {
	const timeline = changes.timeline ?? timelineOf(40);
	return {
		phases: [[item('triage/ack'), item('triage/assess')], [item('investigate/read')]],
		ticked: new Set(),
		hypotheses: [],
		timeline,
		timelineRows: 10,
		timelineFormat: timelineFormatOf(timeline, {width: 80, owners: undefined}),
		screen: {columns: 80, bodyRows: 17},
		wizard: {closure: {}, hasInvariant: false, closed: false},
		firstMissingStep: 0,
		...changes,
	};
}

export function inMode(mode: LiveMode, changes: Partial<LiveUi> = {}): LiveUi {
	return {...INITIAL_LIVE_UI, mode, ...changes};
}

/**
 * Writes each string as one read from the terminal (so "abc" is typing that
 * outran the screen), one per character with `typed`, through Ink's input
 * parser and KeyDecoder as the app reads them, and hands every key to the
 * live screen's logic the way its controller does.
 */
export function drive(start: LiveUi, inputs: readonly (string | {typed: string})[], view = makeView(), now = AT) {
	const parser = createInputParser();
	const decoder = new KeyDecoder();
	let ui = start;
	const effects: LiveEffect[] = [];
	const reads = inputs.flatMap(input => (typeof input === 'string' ? [input] : Array.from(input.typed)));
	const act = (press: KeyPress) => {
		const result = handleLiveKey(ui, press, view, now);
		ui = result.ui;
		if (result.effect) effects.push(result.effect);
		return result.idle !== true;
	};
	for (const raw of reads) {
		// A lone Esc at the end of a read is held by Ink until nothing follows at once: nothing does here.
		const events = [...parser.push(raw), ...[parser.flushPendingEscape()].filter(event => event !== undefined)];
		for (const event of events) for (const press of decoder.decode(event)) forEachKey(press, act);
	}
	return {ui, effects, effect: effects.at(-1)};
}
