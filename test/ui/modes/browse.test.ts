import {describe, expect, it} from 'vitest';
import {INITIAL_LIVE_UI, selectedTimelineEntry} from '../../../source/ui/live-state.js';
import {AT, drive, inMode, makeView, RAW, timelineOf} from '../../helpers/live-keys.js';

// Browsing: which key opens which prompt, moves what, or asks for which effect.

describe('browse mode', () => {
	it.each([
		['n', 'note'],
		['d', 'detection'],
		['a', 'action'],
		['m', 'mitigation'],
		['c', 'communication'],
		['e', 'escalation'],
	])('%s opens a %s prompt timed at the key press', (key, noteKind) => {
		expect(drive(INITIAL_LIVE_UI, [key]).ui.mode).toEqual({name: 'text', purpose: {kind: 'note', noteKind}, value: '', pressedAt: AT});
	});

	it.each([
		['h', {name: 'text', purpose: {kind: 'hypothesis-statement'}}],
		['s', {name: 'choose', purpose: {kind: 'status'}, index: 0}],
		['v', {name: 'choose', purpose: {kind: 'severity'}, index: 0}],
		['o', {name: 'choose', purpose: {kind: 'role'}, index: 0}],
		['?', {name: 'help'}],
		['w', {name: 'wizard', step: 0, draft: {kind: 'text', value: ''}}],
	])('%s opens %o', (key, mode) => {
		expect(drive(INITIAL_LIVE_UI, [key]).ui.mode).toMatchObject(mode);
	});

	it.each([
		['q', {type: 'quit'}],
		[RAW.ctrlC, {type: 'quit'}],
		['p', {type: 'publish'}],
		['g', {type: 'sync'}],
		['U', {type: 'draft-update'}],
	])('%j asks for %o', (key, effect) => {
		expect(drive(INITIAL_LIVE_UI, [key]).effect).toEqual(effect);
	});

	it('leaves no "publishing…" or "syncing…" line for the controller to overwrite', () => {
		expect(drive(inMode({name: 'browse'}, {message: {text: 'Saved', tone: 'info'}}), ['p']).ui.message).toBeUndefined();
		expect(drive(INITIAL_LIVE_UI, ['g']).ui.message).toBeUndefined();
	});

	it('ticks and unticks the selected checklist item at the key press, only in the checklist', () => {
		expect(drive(INITIAL_LIVE_UI, [' ']).effect).toEqual({type: 'record', event: {type: 'checklist.ticked', item: 'triage/ack', label: 'triage/ack'}, at: AT});
		const ticked = makeView({ticked: new Set(['triage/assess'])});
		expect(drive(INITIAL_LIVE_UI, [RAW.down, ' '], ticked).effect).toEqual({type: 'record', event: {type: 'checklist.unticked', item: 'triage/assess'}, at: AT});
		const inTimeline = drive(INITIAL_LIVE_UI, [RAW.tab, ' ']);
		expect(inTimeline.effects).toEqual([]);
		expect(inTimeline.ui.message?.text).toBe('tab to the checklist to tick items');
	});

	it('moves between panes with Tab and back with Shift-Tab', () => {
		expect(drive(INITIAL_LIVE_UI, [RAW.tab]).ui.focus).toBe('timeline');
		expect(drive(INITIAL_LIVE_UI, [RAW.tab, RAW.tab]).ui.focus).toBe('hypotheses');
		expect(drive(INITIAL_LIVE_UI, [RAW.shiftTab]).ui.focus).toBe('hypotheses');
	});

	it('moves between phases with the arrows, back to the first item, and stops at the ends', () => {
		expect(drive(INITIAL_LIVE_UI, [RAW.down, RAW.right]).ui).toMatchObject({phaseIndex: 1, checklistIndex: 0, focus: 'checklist'});
		expect(drive(INITIAL_LIVE_UI, [RAW.right, RAW.right, RAW.right]).ui.phaseIndex).toBe(1);
		expect(drive(INITIAL_LIVE_UI, [RAW.left]).ui.phaseIndex).toBe(0);
		expect(drive(INITIAL_LIVE_UI, [RAW.down, RAW.down, RAW.down]).ui.checklistIndex).toBe(1);
	});

	it('moves the timeline selection by an event with the arrows and by a page with PgUp/PgDn, scrolling only to keep it on screen', () => {
		expect(drive(INITIAL_LIVE_UI, [RAW.tab, RAW.up, RAW.up]).ui).toMatchObject({timelineSelected: 'E37', timelineScroll: 0});
		expect(drive(INITIAL_LIVE_UI, [RAW.tab, ...Array<string>(12).fill(RAW.up)]).ui).toMatchObject({timelineSelected: 'E27', timelineScroll: 3});
		expect(drive(INITIAL_LIVE_UI, [RAW.pageUp]).ui).toMatchObject({focus: 'timeline', timelineSelected: 'E30', timelineScroll: 0});
		expect(drive(INITIAL_LIVE_UI, [RAW.pageUp, RAW.pageUp, RAW.pageUp, RAW.pageUp, RAW.pageUp]).ui).toMatchObject({timelineSelected: 'E00', timelineScroll: 30});
		// Back on the newest, the selection follows new events again.
		expect(drive(INITIAL_LIVE_UI, [RAW.pageUp, RAW.pageDown, RAW.pageDown]).ui).toMatchObject({timelineSelected: undefined, timelineScroll: 0});
	});

	it('keeps the selection on its event when newer events arrive, and falls back to the newest when it is retracted', () => {
		const ui = drive(INITIAL_LIVE_UI, [RAW.tab, RAW.up]).ui;
		expect(selectedTimelineEntry(ui, makeView({timeline: timelineOf(45)}))?.eventId).toBe('E38');
		expect(selectedTimelineEntry(ui, makeView({timeline: timelineOf(30)}))?.eventId).toBe('E29');
	});

	it('records a result for the selected hypothesis, or the newest open one, or says there is none', () => {
		const hypotheses = [
			{id: 'h1', statement: 'DNS', resolved: false},
			{id: 'h2', statement: 'DB', resolved: false},
			{id: 'h3', statement: 'cache', resolved: true},
		];
		const view = makeView({hypotheses});
		expect(drive(INITIAL_LIVE_UI, ['r'], view).ui.mode).toMatchObject({name: 'choose', purpose: {kind: 'result', hypothesisId: 'h2'}});
		expect(drive(INITIAL_LIVE_UI, [RAW.shiftTab, 'r'], view).ui.mode).toMatchObject({purpose: {hypothesisId: 'h1'}});
		expect(drive(INITIAL_LIVE_UI, ['r']).ui.message?.text).toBe('no open hypothesis; press h to add one, or tab to the hypotheses to change a result');
	});

	it('asks before undoing, and says when there is nothing to undo', () => {
		const view = makeView({undoTarget: {eventId: 'e1', summary: 'note: wrong turn'}});
		expect(drive(INITIAL_LIVE_UI, ['u'], view).ui.mode).toEqual({name: 'confirm', targetId: 'e1', summary: 'note: wrong turn'});
		expect(drive(INITIAL_LIVE_UI, ['u']).ui.message?.text).toBe('nothing of yours to undo');
	});

	it('ignores a paste: no run of hotkeys, however many it holds', () => {
		const {ui, effects} = drive(INITIAL_LIVE_UI, [RAW.pasteStart, 'quit now', RAW.pasteEnd]);
		expect(effects).toEqual([]);
		expect(ui.mode.name).toBe('browse');
		expect(ui.message?.text).toMatch(/^paste ignored/);
	});

	it('clears the last message at the next key, known or not', () => {
		expect(drive(inMode({name: 'browse'}, {message: {text: 'Saved', tone: 'info'}}), ['x']).ui.message).toBeUndefined();
	});

	it('closes the help overlay on any key, without acting on it', () => {
		expect(drive(inMode({name: 'help'}), ['q'])).toMatchObject({ui: {mode: {name: 'browse'}}, effects: []});
	});

	it('closes the sent update at the next key, which acts as in browse', () => {
		const {ui} = drive(inMode({name: 'browse'}, {sentUpdate: 'x'}), ['n']);
		expect(ui).toMatchObject({mode: {name: 'text', purpose: {kind: 'note', noteKind: 'note'}}});
		expect(ui.sentUpdate).toBeUndefined();
	});
});
