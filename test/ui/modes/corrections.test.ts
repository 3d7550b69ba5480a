import {describe, expect, it} from 'vitest';
import type {TimelineEntry} from '../../../source/core/incident-state.js';
import {INITIAL_LIVE_UI, type LiveUi, type TextPurpose} from '../../../source/ui/live-state.js';
import {AT, drive, inMode, makeView, RAW, timelineOf} from '../../helpers/live-keys.js';

// Milestone keys, the time grammar on every prompt, a time for the actions
// without one, and correcting the event selected in the timeline.

const ENTER_AT = new Date('2026-11-23T03:07:30.000Z');
const prompt = (purpose: TextPurpose, value = ''): LiveUi => inMode({name: 'text', purpose, value, pressedAt: AT});
const inTimeline: LiveUi = {...INITIAL_LIVE_UI, focus: 'timeline'};

describe('milestone keys', () => {
	it.each([
		['i', 'impact'],
		['k', 'acknowledged'],
		['R', 'resolution'],
	])('%s opens a %s prompt that backdates like any note', (key, noteKind) => {
		const {ui, effect} = drive(INITIAL_LIVE_UI, [key, {typed: '@02:54 @docbrown: checkout errors began'}, RAW.enter], undefined, ENTER_AT);
		expect(ui.mode.name).toBe('browse');
		expect(effect).toEqual({
			type: 'record',
			event: {type: 'note.logged', kind: noteKind, text: 'checkout errors began'},
			at: new Date('2026-11-23T02:54:00.000Z'),
			loggedAt: ENTER_AT,
			by: 'docbrown',
		});
	});
});

describe('@WHEN on every text prompt', () => {
	const at0255 = new Date('2026-11-23T02:55:00.000Z');

	it('a hypothesis: the statement carries the time and doer to the event written after its test', () => {
		const {effect} = drive(INITIAL_LIVE_UI, ['h', {typed: '@02:55 @doc: DB locks'}, RAW.enter, {typed: 'pg_stat_activity'}, RAW.enter], undefined, ENTER_AT);
		expect(effect).toEqual({
			type: 'record',
			event: {type: 'hypothesis.added', statement: 'DB locks', test: 'pg_stat_activity'},
			at: at0255,
			loggedAt: ENTER_AT,
			by: 'doc',
		});
	});

	it('evidence', () => {
		const evidence = prompt({kind: 'evidence', hypothesisId: 'h1', ref: 'H1', statement: 'DB locks', chosenAs: 'selected', result: 'confirmed'});
		expect(drive(evidence, [{typed: '@02:55 waits everywhere'}, RAW.enter], undefined, ENTER_AT).effect).toMatchObject({
			event: {type: 'hypothesis.resolved', evidence: 'waits everywhere'},
			at: at0255,
			loggedAt: ENTER_AT,
			confirmation: 'H1 confirmed at 02:55:00 UTC',
		});
	});

	it('a handle: the time is taken off, never part of the handle', () => {
		const handle = prompt({kind: 'role-handle', role: 'scribe'});
		expect(drive(handle, [{typed: '@02:55 jennifer'}, RAW.enter], undefined, ENTER_AT).effect).toEqual({
			type: 'record',
			event: {type: 'role.assigned', role: 'scribe', handle: 'jennifer'},
			at: at0255,
			loggedAt: ENTER_AT,
		});
	});

	it('a hand-over: the handle prompt gives the time, the note prompt may give its own', () => {
		const handover = drive(INITIAL_LIVE_UI, ['o', '1', {typed: '@02:55 jennifer'}, RAW.enter, {typed: 'failover done'}, RAW.enter], undefined, ENTER_AT);
		expect(handover.effect).toMatchObject({event: {type: 'role.assigned', role: 'commander', handle: 'jennifer', summary: 'failover done'}, at: at0255});
		const own = drive(INITIAL_LIVE_UI, ['o', '1', {typed: 'jennifer'}, RAW.enter, {typed: '@02:50 failover done'}, RAW.enter], undefined, ENTER_AT);
		expect(own.effect).toMatchObject({event: {summary: 'failover done'}, at: new Date('2026-11-23T02:50:00.000Z')});
	});

	it.each<[string, TextPurpose]>([
		['a hypothesis', {kind: 'hypothesis-statement'}],
		['evidence', {kind: 'evidence', hypothesisId: 'h1', ref: 'H1', statement: 'x', chosenAs: 'selected', result: 'confirmed'}],
		['a handle', {kind: 'role-handle', role: 'scribe'}],
		['a hand-over note', {kind: 'handover-summary', handle: 'jennifer'}],
	])('%s with a time ahead stays open with the reason, text and all', (_name, purpose) => {
		const refused = drive(prompt(purpose), [{typed: '@03:30 jennifer'}, RAW.enter]);
		expect(refused.effects).toEqual([]);
		expect(refused.ui.mode).toMatchObject({name: 'text', value: '@03:30 jennifer'});
		expect(refused.ui.message).toMatchObject({tone: 'error', text: expect.stringMatching(/^not logged: 03:30 UTC is 30m 00s ahead of now/)});
	});
});

describe('a time for status, severity, checklist and close (@)', () => {
	const pending = new Date('2026-11-23T02:55:00.000Z');
	const withTime = drive(INITIAL_LIVE_UI, ['@', {typed: '02:55'}, RAW.enter]).ui;

	it('sets the time with @, says so, and keeps it until an action uses it', () => {
		expect(withTime).toMatchObject({mode: {name: 'browse'}, pendingAt: pending});
		expect(drive(withTime, ['x', RAW.tab, RAW.up]).ui.pendingAt).toEqual(pending);
		expect(drive(INITIAL_LIVE_UI, ['@', {typed: '@-5m'}, RAW.enter]).ui.pendingAt).toEqual(new Date('2026-11-23T02:55:00.000Z'));
	});

	it.each([
		['status', ['s', '2'], {type: 'status.changed', status: 'identified'}],
		['severity', ['v', '1'], {type: 'severity.changed', severity: 1}],
		['tick', [' '], {type: 'checklist.ticked', item: 'triage/ack', label: 'triage/ack'}],
	])('stamps the next %s at it (written down at the key press) and uses it up', (_name, keys, event) => {
		const {ui, effects} = drive(withTime, [...keys, ' ']);
		expect(effects[0]).toEqual({type: 'record', event, at: pending, loggedAt: AT});
		expect(ui.pendingAt).toBeUndefined();
		// The action after it is at its own key press again.
		if (effects[1]) expect(effects[1]).toMatchObject({at: AT});
	});

	it('is cleared by Esc or an empty answer; a note keeps its own time', () => {
		const cleared = drive(withTime, [RAW.escape]).ui;
		expect(cleared.pendingAt).toBeUndefined();
		expect(cleared.message?.text).toBe('time cleared: actions are timed at their key press');
		expect(drive(withTime, ['@', RAW.enter]).ui.pendingAt).toBeUndefined();
		const note = drive(withTime, ['n', {typed: 'x'}, RAW.enter], undefined, ENTER_AT);
		expect(note.effect).toMatchObject({at: ENTER_AT});
		expect(note.ui.pendingAt).toEqual(pending);
	});

	it('refuses a time that is not one, or ahead, keeping the prompt open', () => {
		const refused = drive(INITIAL_LIVE_UI, ['@', {typed: '03:30'}, RAW.enter]);
		expect(refused.ui).toMatchObject({mode: {name: 'text', value: '03:30'}, message: {tone: 'error', text: expect.stringMatching(/^not set: 03:30 UTC is 30m 00s ahead/)}});
		expect(drive(INITIAL_LIVE_UI, ['@', {typed: 'soon'}, RAW.enter]).ui.message?.text).toMatch(/^not set: "soon" is not a time/);
	});
});

/** A timeline of a note by bob (done by docbrown), a status change and a hypothesis. */
function correctable(): TimelineEntry[] {
	return [
		{eventId: 'OPEN', at: '2026-11-23T01:00:00.000Z', author: 'alice', kind: 'opened', text: 'Incident opened: Checkout 5xx (SEV-1), commander alice', amended: false},
		{eventId: 'NOTE', at: '2026-11-23T02:01:00.000Z', author: 'bob', by: 'docbrown', kind: 'note', text: 'drained USA-2', amended: false},
		{eventId: 'STATUS', at: '2026-11-23T02:10:07.250Z', author: 'alice', kind: 'status', text: 'Status set to Identified', amended: false},
		{eventId: 'HYPO', at: '2026-11-23T02:20:00.000Z', author: 'alice', kind: 'hypothesis', text: 'DB locks (test: pg_stat)', amended: false},
	];
}

const correctView = makeView({timeline: correctable(), hypotheses: [{id: 'HYPO', statement: 'DB locks', resolved: false}]});
const selecting = (eventId: string): LiveUi => ({...inTimeline, timelineSelected: eventId});

describe('amending the selected timeline event (E)', () => {
	it('works only with the timeline focused', () => {
		expect(drive(INITIAL_LIVE_UI, ['E'], correctView).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'tab to the timeline and select the event to amend'}});
	});

	it.each([
		['NOTE', '@2026-11-23 02:01 @docbrown: drained USA-2'],
		['STATUS', '@2026-11-23 02:10:07 @alice: '],
		['HYPO', '@2026-11-23 02:20 @alice: DB locks'],
		['OPEN', '@2026-11-23 01:00 @alice: '],
	])('prefills %s in the prompt grammar', (eventId, value) => {
		expect(drive(selecting(eventId), ['E'], correctView).ui.mode).toMatchObject({name: 'text', purpose: {kind: 'amend'}, value});
	});

	const amend = (eventId: string, edits: (string | {typed: string})[]) => drive(selecting(eventId), ['E', ...edits, RAW.enter], correctView, ENTER_AT);

	it('writes nothing when nothing changed, and says so', () => {
		expect(amend('NOTE', [])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'nothing changed; nothing written'}}, effects: []});
		expect(amend('STATUS', []).effects).toEqual([]);
	});

	it('writes one amendment with only the changed fields, and says what changed', () => {
		const time = amend('NOTE', [RAW.ctrlU, {typed: '@2026-11-23 01:55 @docbrown: drained USA-2'}]);
		expect(time.effect).toEqual({
			type: 'record',
			event: {type: 'event.amended', target: 'NOTE', happenedAt: '2026-11-23T01:55:00.000Z'},
			at: ENTER_AT,
			confirmation: 'Amended: time 02:01:00 → 01:55:00 UTC',
		});
		const all = amend('NOTE', [RAW.ctrlU, {typed: '@01:55 @marty: drained USA-3'}]);
		expect(all.effect).toMatchObject({
			event: {type: 'event.amended', target: 'NOTE', happenedAt: '2026-11-23T01:55:00.000Z', doer: 'marty', text: 'drained USA-3'},
			confirmation: 'Amended: time 02:01:00 → 01:55:00 UTC, doer docbrown → marty, text "drained USA-2" → "drained USA-3"',
		});
		expect(amend('HYPO', [RAW.backspace, RAW.backspace, RAW.backspace, RAW.backspace, RAW.backspace, {typed: 'pool'}]).effect).toMatchObject({
			event: {type: 'event.amended', target: 'HYPO', text: 'DB pool'},
		});
	});

	it("amends the opening's time (declared), with the date when it is not today", () => {
		const {effect} = amend('OPEN', [RAW.ctrlU, {typed: '@2026-11-22 23:58 '}]);
		expect(effect).toMatchObject({
			event: {type: 'event.amended', target: 'OPEN', happenedAt: '2026-11-22T23:58:00.000Z'},
			confirmation: 'Amended: time 01:00:00 → 2026-11-22 23:58:00 UTC',
		});
	});

	it('refuses text for an event without any, an empty text, and a time ahead, keeping the prompt', () => {
		const text = amend('STATUS', [{typed: 'oops'}]);
		expect(text).toMatchObject({ui: {mode: {name: 'text'}, message: {tone: 'error', text: expect.stringMatching(/^only a note or a hypothesis has text/)}}, effects: []});
		const emptied = amend('NOTE', [RAW.ctrlW, RAW.ctrlW]);
		expect(emptied.ui.message?.text).toMatch(/^an amendment cannot empty the text/);
		const ahead = amend('NOTE', [RAW.ctrlU, {typed: '@03:30 drained'}]);
		expect(ahead).toMatchObject({ui: {mode: {name: 'text'}, message: {text: expect.stringMatching(/^not amended: 03:30 UTC is 22m 30s ahead of now/)}}, effects: []});
	});

	it('changes the kind of a note with K (the current kind preselected), and only of a note', () => {
		const choosing = drive(selecting('NOTE'), ['K'], correctView).ui;
		expect(choosing.mode).toMatchObject({name: 'choose', purpose: {kind: 'note-kind', target: 'NOTE', current: 'note'}, index: 0});
		expect(drive(choosing, ['6'], correctView).effect).toEqual({
			type: 'record',
			event: {type: 'event.amended', target: 'NOTE', kind: 'mitigation'},
			at: AT,
			confirmation: 'Amended: kind note → mitigation',
		});
		expect(drive(choosing, [RAW.enter], correctView)).toMatchObject({ui: {message: {text: 'kind unchanged; nothing written'}}, effects: []});
		expect(drive(selecting('STATUS'), ['K'], correctView).ui.message?.text).toMatch(/^only a note has a kind/);
		expect(drive(INITIAL_LIVE_UI, ['K'], correctView).ui.message?.text).toMatch(/^tab to the timeline/);
	});
});

describe('retracting the selected event (u in the timeline)', () => {
	it("asks first, naming whose event it is, whoever wrote it; y retracts it", () => {
		const asking = drive(selecting('NOTE'), ['u'], correctView).ui;
		expect(asking.mode).toEqual({name: 'confirm', targetId: 'NOTE', summary: "bob's note (done by docbrown): drained USA-2"});
		expect(drive(asking, ['y'], correctView).effect).toEqual({type: 'record', event: {type: 'event.retracted', target: 'NOTE'}, at: AT});
	});

	it('never retracts the opening, and elsewhere u still undoes your own last event', () => {
		expect(drive(selecting('OPEN'), ['u'], correctView).ui.message?.text).toMatch(/^the opening is never retracted/);
		const view = makeView({timeline: timelineOf(3), undoTarget: {eventId: 'MINE', summary: 'note: mine'}});
		expect(drive(INITIAL_LIVE_UI, ['u'], view).ui.mode).toMatchObject({name: 'confirm', targetId: 'MINE'});
	});
});

describe('a result names its hypothesis', () => {
	const hypotheses = [
		{id: 'h1', statement: 'DNS', resolved: true, result: 'confirmed' as const},
		{id: 'h2', statement: 'DB', resolved: false},
	];
	const view = makeView({hypotheses});

	it('takes the pane selection only while the pane has focus: a selection left there cannot replace a result unseen', () => {
		// Select H1 (confirmed) in the pane, then tab away: r goes to the newest open one.
		const left = drive(INITIAL_LIVE_UI, [RAW.shiftTab, RAW.up, RAW.tab, 'r'], view).ui;
		expect(left.mode).toMatchObject({name: 'choose', purpose: {kind: 'result', hypothesisId: 'h2', ref: 'H2', statement: 'DB', chosenAs: 'newest open'}});
		expect(left.mode).not.toHaveProperty('purpose.replaces');
	});

	it('says when it changes an existing result, and the confirmation says from what', () => {
		const changing = drive(INITIAL_LIVE_UI, [RAW.shiftTab, 'r'], view);
		expect(changing.ui.mode).toMatchObject({purpose: {hypothesisId: 'h1', ref: 'H1', chosenAs: 'selected', replaces: 'confirmed'}});
		expect(drive(changing.ui, ['r', {typed: 'TTLs fine'}, RAW.enter], view).effect).toMatchObject({
			event: {type: 'hypothesis.resolved', hypothesis: 'h1', result: 'ruled-out'},
			confirmation: 'H1 ruled out (changed from confirmed) at 03:00:00 UTC',
		});
	});
});
