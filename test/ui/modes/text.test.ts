import {describe, expect, it} from 'vitest';
import {MAX_TEXT_LENGTH} from '../../../source/core/events.js';
import {INITIAL_LIVE_UI, type LiveUi, type TextPurpose} from '../../../source/ui/live-state.js';
import {AT, drive, inMode, RAW} from '../../helpers/live-keys.js';

// One-line prompts: editing keys, and what Enter makes of the text.

const ENTER_AT = new Date('2026-11-23T03:07:30.000Z');
const prompt = (purpose: TextPurpose, value = ''): LiveUi => inMode({name: 'text', purpose, value, pressedAt: AT});
const note = prompt({kind: 'note', noteKind: 'mitigation'});

describe('text prompts', () => {
	it.each([
		['typed one key at a time', [{typed: 'rolled back'}], 'rolled back'],
		['typed faster than the screen (one read)', ['rolled back'], 'rolled back'],
		['with hotkeys, Tab and arrows inside', [{typed: 'q?usvh '}, RAW.tab, RAW.up, ' '], 'q?usvh  '],
		['Backspace', [{typed: 'rolled bakc'}, RAW.backspace, RAW.backspace, {typed: 'ck'}], 'rolled back'],
		['Ctrl-W deletes a word', [{typed: 'rolled back v142'}, RAW.ctrlW], 'rolled back '],
		['Ctrl-U clears', [{typed: 'never mind'}, RAW.ctrlU, {typed: 'ok'}], 'ok'],
		['a paste, escape sequences and all', [RAW.pasteStart, 'err\u001b[2J q', RAW.pasteEnd], 'err\u001b[2J q'],
	])('edits: %s', (_name, inputs, value) => {
		expect(drive(note, inputs).ui.mode).toMatchObject({name: 'text', value});
	});

	it('logs a note timed at the key that opened the prompt, written down at Enter', () => {
		expect(drive(note, [{typed: 'rolled back'}, RAW.enter], undefined, ENTER_AT)).toMatchObject({
			ui: {mode: {name: 'browse'}},
			effects: [{type: 'record', event: {type: 'note.logged', kind: 'mitigation', text: 'rolled back'}, at: AT, loggedAt: ENTER_AT}],
		});
	});

	it('backdates with @WHEN and names the doer with @name:, read against the key that opened the prompt', () => {
		const {effect} = drive(note, [{typed: '@02:55 @docbrown: drained USA-2'}, RAW.enter], undefined, ENTER_AT);
		expect(effect).toEqual({
			type: 'record',
			event: {type: 'note.logged', kind: 'mitigation', text: 'drained USA-2'},
			at: new Date('2026-11-23T02:55:00.000Z'),
			loggedAt: ENTER_AT,
			by: 'docbrown',
		});
	});

	it('refuses a time ahead of the key press at the prompt, keeping the text, until it is corrected', () => {
		const refused = drive(note, [{typed: '@03:30 pager'}, RAW.enter]);
		expect(refused.effects).toEqual([]);
		expect(refused.ui.mode).toMatchObject({name: 'text', value: '@03:30 pager'});
		expect(refused.ui.message).toMatchObject({tone: 'error', text: expect.stringMatching(/^not logged: 03:30 UTC is 30m 00s ahead of now/)});
		expect(drive(refused.ui, [RAW.backspace]).ui.message).toBeUndefined();
	});

	it('cancels with Esc and logs nothing', () => {
		expect(drive(note, [{typed: 'never mind'}, RAW.escape])).toMatchObject({ui: {mode: {name: 'browse'}, message: {text: 'cancelled; nothing logged'}}, effects: []});
	});

	it('asks for the hypothesis, then its test, then adds both at the key press', () => {
		const {ui, effects} = drive(INITIAL_LIVE_UI, ['h', {typed: 'DB lock contention'}, RAW.enter, {typed: 'pg_stat_activity'}, RAW.enter]);
		expect(ui.mode.name).toBe('browse');
		expect(effects).toEqual([{type: 'record', event: {type: 'hypothesis.added', statement: 'DB lock contention', test: 'pg_stat_activity'}, at: AT}]);
	});

	it('refuses an empty hypothesis, and one longer than an event holds at its own prompt', () => {
		expect(drive(INITIAL_LIVE_UI, ['h', RAW.enter]).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'a hypothesis needs a statement; nothing logged'}});
		const long = drive(INITIAL_LIVE_UI, ['h', RAW.pasteStart, 'x'.repeat(MAX_TEXT_LENGTH + 1), RAW.pasteEnd, RAW.enter]);
		expect(long.ui.mode).toMatchObject({name: 'text', purpose: {kind: 'hypothesis-statement'}});
		expect(long.ui.message?.text).toMatch(`too long: ${MAX_TEXT_LENGTH + 1} characters`);
		expect(drive(long.ui, [RAW.backspace, RAW.enter]).ui.mode).toMatchObject({purpose: {kind: 'hypothesis-test'}});
	});

	it('records the evidence of a result, and says which hypothesis it was for', () => {
		const evidence = prompt({kind: 'evidence', hypothesisId: 'h1', ref: 'H1', statement: 'DB locks', chosenAs: 'newest open', result: 'ruled-out'});
		expect(drive(evidence, [{typed: 'no waiting queries'}, RAW.enter]).effect).toEqual({
			type: 'record',
			event: {type: 'hypothesis.resolved', hypothesis: 'h1', result: 'ruled-out', evidence: 'no waiting queries'},
			at: AT,
			confirmation: 'H1 ruled out at 03:00:00 UTC',
		});
	});

	it('assigns a role to a handle, with or without its @', () => {
		const scribe = prompt({kind: 'role-handle', role: 'scribe'});
		expect(drive(scribe, [{typed: '@bob'}, RAW.enter]).effect).toEqual({type: 'record', event: {type: 'role.assigned', role: 'scribe', handle: 'bob'}, at: AT});
		expect(drive(scribe, [RAW.enter]).ui.message?.text).toBe('no handle given; nothing assigned');
	});

	it('refuses a handle with a space at its prompt, keeping the text', () => {
		const {ui, effects} = drive(prompt({kind: 'role-handle', role: 'commander'}), [{typed: 'bob smith'}, RAW.enter]);
		expect(effects).toEqual([]);
		expect(ui.mode).toMatchObject({value: 'bob smith'});
		expect(ui.message).toMatchObject({tone: 'error', text: expect.stringMatching(/^not a handle: "bob smith"/)});
	});

	it('hands over command with a note, or without one on an empty line', () => {
		const commander = prompt({kind: 'role-handle', role: 'commander'});
		expect(drive(commander, [{typed: 'carol'}, RAW.enter, {typed: 'failover done '}, RAW.enter]).effect).toEqual({
			type: 'record',
			event: {type: 'role.assigned', role: 'commander', handle: 'carol', summary: 'failover done'},
			at: AT,
		});
		expect(drive(commander, [{typed: 'carol'}, RAW.enter, RAW.enter]).effect).toMatchObject({event: {type: 'role.assigned', handle: 'carol'}});
		expect(drive(commander, [{typed: 'carol'}, RAW.enter, RAW.enter]).effect).not.toMatchObject({event: {summary: expect.anything()}});
	});
});
