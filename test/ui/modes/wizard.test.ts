import {describe, expect, it} from 'vitest';
import {CLOSURE_FIELDS, type ClosureField} from '../../../source/core/events.js';
import type {WizardView} from '../../../source/ui/live-state.js';
import {startWizardStep} from '../../../source/ui/modes/wizard.js';
import {CLOSE_STEP, WIZARD_STEPS} from '../../../source/ui/wizard-steps.js';
import {AT, drive, inMode, makeView, RAW} from '../../helpers/live-keys.js';

// The closure wizard: each answer is an event at Enter; Tab, Shift-Tab and Esc move.

const ACTIONS = WIZARD_STEPS.findIndex(step => step.kind === 'actions');
const stepOf = (field: ClosureField) => WIZARD_STEPS.findIndex(step => step.kind === 'field' && step.field === field);
const FIELD_STEPS = WIZARD_STEPS.flatMap(step => (step.kind === 'field' ? [step.field] : []));
const INVARIANT = WIZARD_STEPS.findIndex(step => step.kind === 'invariant');
const PUBLISH = WIZARD_STEPS.length - 1;
const OPEN: WizardView = {closure: {}, hasInvariant: false, closed: false};

function at(step: number, wizard: WizardView = OPEN) {
	return {ui: inMode(startWizardStep(step, wizard)), view: makeView({wizard})};
}

describe('wizard mode', () => {
	it('saves an answer at Enter and moves on; an unchanged or empty answer writes nothing', () => {
		const {ui, view} = at(0);
		expect(drive(ui, [{typed: 'Release v143 leaked connections '}, RAW.enter], view)).toMatchObject({
			ui: {mode: {name: 'wizard', step: 1}},
			effects: [{type: 'record', event: {type: 'closure.recorded', field: 'whatHappened', value: 'Release v143 leaked connections'}, at: AT}],
		});
		const answered = at(0, {...OPEN, closure: {whatHappened: 'It broke'}});
		expect(answered.ui.mode).toMatchObject({draft: {value: 'It broke'}});
		expect(drive(answered.ui, [RAW.enter], answered.view)).toMatchObject({ui: {mode: {step: 1}}, effects: []});
		expect(drive(ui, [RAW.enter], view).effects).toEqual([]);
	});

	it.each([
		['Tab skips', [RAW.tab], 3],
		['Shift-Tab goes back', [RAW.shiftTab], 1],
		['Shift-Tab stops at the first step', [RAW.shiftTab, RAW.shiftTab, RAW.shiftTab], 0],
	])('%s', (_name, keys, step) => {
		const {ui, view} = at(2);
		expect(drive(ui, keys, view).ui.mode).toMatchObject({name: 'wizard', step});
	});

	it('leaves with Esc, and finishes after the last step', () => {
		const {ui, view} = at(2);
		expect(drive(ui, [{typed: 'half'}, RAW.escape], view).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'wizard left; w resumes where answers are missing'}});
		const last = at(PUBLISH);
		expect(drive(last.ui, [RAW.tab], last.view).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'wizard done'}});
	});

	it('asks every closure field once, in the order a postmortem is written', () => {
		expect([...FIELD_STEPS].sort()).toEqual([...CLOSURE_FIELDS].sort());
		const order = ['whatHappened', 'impactUsers', 'detectionMethod', 'detectionGap', 'why1', 'why5', 'rootCause', 'trigger', 'contributingFactors', 'immediateFix', 'wentWell', 'gotLucky', 'lessonsStart'] as const;
		expect(order.map(stepOf)).toEqual(order.map(stepOf).toSorted((a, b) => a - b));
		expect(stepOf('lessonsStart')).toBeLessThan(ACTIONS);
		expect(ACTIONS).toBeLessThan(INVARIANT);
	});

	it.each(FIELD_STEPS)('%s: Enter records the answer, Tab skips it and writes nothing', field => {
		const {ui, view} = at(stepOf(field));
		expect(drive(ui, [{typed: `answer to ${field}`}, RAW.enter], view)).toMatchObject({
			ui: {mode: {step: stepOf(field) + 1}},
			effects: [{type: 'record', event: {type: 'closure.recorded', field, value: `answer to ${field}`}}],
		});
		expect(drive(ui, [{typed: 'half typed'}, RAW.tab], view)).toMatchObject({ui: {mode: {step: stepOf(field) + 1}}, effects: []});
	});

	it.each([
		['the deepest why answered', {why1: 'no connections', why3: 'no finally block'}, 'no finally block'],
		['the root cause already recorded', {why5: 'no finally block', rootCause: 'no code review of the client'}, 'no code review of the client'],
		['nothing without a why', {}, ''],
	] as const)('starts the root cause answer as %s, so Enter keeps one root cause', (_name, closure, expected) => {
		const wizard = {...OPEN, closure};
		const {ui, view} = at(stepOf('rootCause'), wizard);
		expect(ui.mode).toMatchObject({draft: {value: expected}});
		const saved = drive(ui, [RAW.enter], view).effects;
		expect(saved).toEqual(expected === '' || 'rootCause' in closure ? [] : [{type: 'record', event: {type: 'closure.recorded', field: 'rootCause', value: expected}, at: AT}]);
	});

	it('adds action items one after another: description, type, owner, priority, due date, ticket, status', () => {
		const {ui, view} = at(ACTIONS);
		const keys = [{typed: 'Canary every deploy'}, RAW.enter, 'p', {typed: 'bob'}, RAW.enter, '1', {typed: '2026-12-01'}, RAW.enter, {typed: 'OPS-142'}, RAW.enter, 'i'];
		const {ui: after, effects} = drive(ui, keys, view);
		expect(effects).toEqual([
			{
				type: 'record',
				event: {type: 'action.added', description: 'Canary every deploy', kind: 'prevent', owner: 'bob', priority: 'P1', status: 'in-progress', due: '2026-12-01', bug: 'OPS-142'},
				at: AT,
			},
		]);
		expect(after.mode).toMatchObject({step: ACTIONS, draft: {kind: 'action', phase: 'description', value: ''}});
		expect(drive(after, [RAW.enter], view).ui.mode).toMatchObject({step: ACTIONS + 1});
	});

	it.each([
		['p', 'prevent'],
		['m', 'mitigate'],
		['d', 'detect'],
		['r', 'process'],
	] as const)('takes %s as the type %s', (key, kind) => {
		const {ui, view} = at(ACTIONS);
		const typed = drive(ui, [{typed: 'Alert on pool size'}, RAW.enter, key], view).ui;
		expect(typed.mode).toMatchObject({draft: {phase: 'owner', actionKind: kind}});
	});

	it.each([
		['o', 'open'],
		['i', 'in-progress'],
		['d', 'done'],
		['w', 'wont-do'],
	] as const)('takes %s as the status %s, which writes the action item', (key, status) => {
		const {ui, view} = at(ACTIONS);
		const atStatus = drive(ui, [{typed: 'Alert on pool size'}, RAW.enter, RAW.tab, RAW.tab, RAW.tab, RAW.tab, RAW.tab], view).ui;
		expect(atStatus.mode).toMatchObject({draft: {phase: 'status'}});
		expect(drive(atStatus, [key], view).effect).toMatchObject({event: {status}});
	});

	it('skips each field of an action item with Tab: no type, owner, due date or ticket; P2; open', () => {
		const {ui, view} = at(ACTIONS);
		const {effects} = drive(ui, [{typed: 'Alert on pool size'}, RAW.enter, RAW.tab, {typed: 'half'}, RAW.tab, RAW.tab, RAW.tab, RAW.tab, RAW.tab], view);
		expect(effects).toEqual([{type: 'record', event: {type: 'action.added', description: 'Alert on pool size', owner: '', priority: 'P2', status: 'open'}, at: AT}]);
	});

	it('takes only its own keys where an action item asks a question; Enter there does nothing', () => {
		const {ui, view} = at(ACTIONS);
		const atType = drive(ui, [{typed: 'Alert on pool size'}, RAW.enter], view).ui;
		expect(drive(atType, ['x', '1', RAW.enter, RAW.backspace], view).ui.mode).toMatchObject({draft: {phase: 'type'}});
		const atPriority = drive(atType, ['m', RAW.enter], view).ui;
		expect(drive(atPriority, ['7', 'x', RAW.enter, RAW.backspace], view).ui.mode).toMatchObject({draft: {phase: 'priority'}});
		const atStatus = drive(atPriority, ['2', RAW.enter, RAW.enter], view).ui;
		expect(drive(atStatus, ['x', '1', RAW.enter], view)).toMatchObject({ui: {mode: {draft: {phase: 'status'}}}, effects: []});
	});

	it('refuses a due date that is not a real day, keeping the text', () => {
		const {ui, view} = at(ACTIONS);
		const {ui: refused, effects} = drive(ui, [{typed: 'Canary'}, RAW.enter, RAW.tab, RAW.enter, '1', {typed: '2026-02-30'}, RAW.enter], view);
		expect(effects).toEqual([]);
		expect(refused.mode).toMatchObject({draft: {phase: 'due', value: '2026-02-30'}});
		expect(refused.message).toMatchObject({tone: 'error', text: 'not a date: "2026-02-30" (a due date is a real day as YYYY-MM-DD, or empty)'});
		expect(drive(refused, [RAW.backspace, RAW.backspace, {typed: '28'}, RAW.enter, RAW.enter, 'o'], view).effect).toMatchObject({event: {due: '2026-02-28'}});
	});

	it('records the invariant: t or m, the reference (required), what it checks', () => {
		const {ui, view} = at(INVARIANT);
		expect(drive(ui, ['m', RAW.enter], view).ui.message).toMatchObject({tone: 'error', text: 'name the test or monitor (a path, a test id, an alert name)'});
		expect(drive(ui, ['t', {typed: 'tests/test_pool.py'}, RAW.enter, {typed: 'fails on a leak'}, RAW.enter], view)).toMatchObject({
			ui: {mode: {step: INVARIANT + 1}},
			effects: [{type: 'record', event: {type: 'invariant.recorded', kind: 'test', reference: 'tests/test_pool.py', description: 'fails on a leak'}, at: AT}],
		});
		expect(drive(ui, [RAW.enter], view).ui.mode).toMatchObject({step: INVARIANT + 1});
	});

	it('closes with y once an invariant is recorded, at the resolution milestone; n or Enter goes on', () => {
		const {ui, view} = at(CLOSE_STEP, {...OPEN, hasInvariant: true, resolvedAt: '2026-11-23T02:00:00.000Z'});
		expect(drive(ui, ['y'], view)).toMatchObject({ui: {mode: {step: CLOSE_STEP + 1}}, effects: [{type: 'close', at: new Date('2026-11-23T02:00:00.000Z')}]});
		expect(drive(ui, ['n'], view)).toMatchObject({ui: {mode: {step: CLOSE_STEP + 1}}, effects: []});
		expect(drive(ui, ['x'], view).ui.mode).toMatchObject({step: CLOSE_STEP});
	});

	it('without a resolution milestone, asks when it was resolved: empty is now, or a WHEN; a time ahead is refused', () => {
		const {ui, view} = at(CLOSE_STEP, {...OPEN, hasInvariant: true});
		const asking = drive(ui, ['y'], view);
		expect(asking).toMatchObject({ui: {mode: {step: CLOSE_STEP, draft: {kind: 'close', phase: 'time', value: ''}}}, effects: []});
		expect(drive(asking.ui, [RAW.enter], view).effect).toEqual({type: 'close', at: AT});
		expect(drive(asking.ui, [{typed: '@02:30'}, RAW.enter], view).effect).toEqual({type: 'close', at: new Date('2026-11-23T02:30:00.000Z')});
		expect(drive(asking.ui, [{typed: '-1h30m'}, RAW.enter], view).effect).toEqual({type: 'close', at: new Date('2026-11-23T01:30:00.000Z')});
		const ahead = drive(asking.ui, [{typed: '03:30'}, RAW.enter], view);
		expect(ahead).toMatchObject({ui: {mode: {draft: {phase: 'time', value: '03:30'}}, message: {tone: 'error'}}, effects: []});
		expect(ahead.ui.message?.text).toMatch(/^not closed: 03:30 UTC is 30m 00s ahead of now/);
	});

	it('closes at the time @ set when there is no resolution milestone, and uses it up', () => {
		const {ui, view} = at(CLOSE_STEP, {...OPEN, hasInvariant: true});
		const pending = new Date('2026-11-23T02:45:00.000Z');
		const closed = drive({...ui, pendingAt: pending}, ['y'], view);
		expect(closed.effect).toEqual({type: 'close', at: pending});
		expect(closed.ui.pendingAt).toBeUndefined();
	});

	it('without an invariant, closes only with a typed reason, then asks the time', () => {
		const {ui, view} = at(CLOSE_STEP);
		expect(drive(ui, [RAW.enter], view)).toMatchObject({ui: {mode: {step: CLOSE_STEP + 1}}, effects: []});
		const reasoned = drive(ui, [{typed: 'monitor ships Monday'}, RAW.enter], view);
		expect(reasoned).toMatchObject({ui: {mode: {draft: {phase: 'time', reason: 'monitor ships Monday'}}}, effects: []});
		expect(drive(reasoned.ui, [{typed: '02:59'}, RAW.enter], view).effect).toEqual({type: 'close', overrideReason: 'monitor ships Monday', at: new Date('2026-11-23T02:59:00.000Z')});
		const resolved = {...OPEN, resolvedAt: '2026-11-23T02:00:00.000Z'};
		expect(drive(at(CLOSE_STEP, resolved).ui, [{typed: 'monitor ships Monday'}, RAW.enter], makeView({wizard: resolved})).effect).toEqual({
			type: 'close',
			overrideReason: 'monitor ships Monday',
			at: new Date('2026-11-23T02:00:00.000Z'),
		});
	});

	it('only goes on once closed', () => {
		const {ui, view} = at(CLOSE_STEP, {...OPEN, closed: true});
		expect(drive(ui, ['y', 'x', RAW.backspace], view)).toMatchObject({ui: {mode: {step: CLOSE_STEP}}, effects: []});
		expect(drive(ui, [RAW.enter], view).ui.mode).toMatchObject({step: CLOSE_STEP + 1});
	});

	it('publishes with y at the last step; n or Enter finishes', () => {
		const {ui, view} = at(PUBLISH);
		expect(drive(ui, ['y'], view)).toMatchObject({ui: {mode: {name: 'browse'}}, effects: [{type: 'publish'}]});
		expect(drive(ui, ['n'], view).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'wizard done; p publishes'}});
		expect(drive(ui, [RAW.enter], view).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'wizard done; p publishes'}});
	});
});
