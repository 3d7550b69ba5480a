import {describe, expect, it} from 'vitest';
import {KEY_TABLE, type KeyBinding} from '../../../source/ui/keys.js';
import {MODE_HANDLERS} from '../../../source/ui/live-input.js';
import type {ActionPhase, LiveMode, LiveUi, ModeName, WizardDraft} from '../../../source/ui/live-state.js';
import {startWizardStep} from '../../../source/ui/modes/wizard.js';
import {WIZARD_STEPS} from '../../../source/ui/wizard-steps.js';
import {AT, drive, inMode, makeView, RAW} from '../../helpers/live-keys.js';

// Typing that outruns the screen: every key of the key table, in every mode,
// followed by one more key in the SAME read from the terminal. The key after
// the mode change must act exactly as it would have after a frame.

const view = makeView({
	hypotheses: [{id: 'H1', statement: 'DB lock contention', resolved: false}],
	undoTarget: {eventId: 'E39', summary: 'note: note 39'},
});

const wizardAt = (kind: (typeof WIZARD_STEPS)[number]['kind']) => WIZARD_STEPS.findIndex(step => step.kind === kind);
const wizard = (step: number, draft?: WizardDraft): LiveUi => inMode(draft ? {name: 'wizard', step, draft} : startWizardStep(step, view.wizard));
const ASKS_A_KEY = new Set<ActionPhase>(['type', 'priority', 'status']);
const action = (phase: ActionPhase) =>
	wizard(wizardAt('actions'), {kind: 'action', phase, description: 'add a retry', owner: 'bob', value: ASKS_A_KEY.has(phase) ? '' : 'x'});
const invariant = (phase: 'kind' | 'reference' | 'description') =>
	wizard(wizardAt('invariant'), {kind: 'invariant', phase, invariantKind: 'test', reference: 'test/retry.test.ts', value: phase === 'kind' ? '' : 'x'});
const text = (purpose: Extract<LiveMode, {name: 'text'}>['purpose'], value = 'rolled back') => inMode({name: 'text', purpose, value, pressedAt: AT});
const choose = (purpose: Extract<LiveMode, {name: 'choose'}>['purpose']) => inMode({name: 'choose', purpose, index: 1, pressedAt: AT});

const H1 = {hypothesisId: 'H1', ref: 'H1', statement: 'DB lock contention', chosenAs: 'newest open'} as const;

/** Where each mode can be when a key arrives: a new mode fails the test below until it is listed here. */
const STATES: {readonly [Name in ModeName]: readonly LiveUi[]} = {
	browse: [inMode({name: 'browse'}), inMode({name: 'browse'}, {sentUpdate: 'the update just sent', focus: 'timeline'})],
	help: [inMode({name: 'help'}), inMode({name: 'help', scroll: 3})],
	detail: [inMode({name: 'detail', eventId: 'E39', scroll: 0}, {focus: 'timeline'})],
	text: [
		text({kind: 'note', noteKind: 'mitigation'}),
		text({kind: 'note', noteKind: 'note'}, ''),
		text({kind: 'hypothesis-statement'}),
		text({kind: 'hypothesis-test', statement: 'DB lock contention'}),
		text({kind: 'evidence', result: 'confirmed', ...H1}),
		text({kind: 'role-handle', role: 'commander'}, 'bob'),
		text({kind: 'role-handle', role: 'scribe'}, 'bob'),
		text({kind: 'handover-summary', handle: 'bob'}),
		text({kind: 'pending-time'}, '@-5m'),
		text({kind: 'command-line'}, 'kubectl get pods'),
		text({kind: 'amend', target: {eventId: 'E39', at: AT.toISOString(), owner: 'marty', text: 'note 39', summary: 'note: note 39'}}, 'note 39 fixed'),
	],
	choose: [choose({kind: 'status'}), choose({kind: 'severity'}), choose({kind: 'result', ...H1}), choose({kind: 'role'}), choose({kind: 'note-kind', target: 'E39', current: 'note'}), choose({kind: 'change', changes: [
		{kind: 'commit', hash: 'a'.repeat(40), author: 'alice', subject: 'deploy', at: AT.toISOString(), repository: 'api', picked: false},
		{kind: 'tag', hash: 'b'.repeat(40), author: 'alice', subject: 'v1', tag: 'v1', at: AT.toISOString(), repository: 'api', picked: false},
		]}),
	],
	confirm: [inMode({name: 'confirm', targetId: 'E39', summary: 'note: note 39'})],
	wizard: [
		wizard(0),
		wizard(0, {kind: 'text', value: 'The worker died'}),
		wizard(wizardAt('actions') - 1),
		wizard(wizardAt('invariant') - 1),
		action('description'),
		action('type'),
		action('owner'),
		action('priority'),
		action('due'),
		action('link'),
		action('status'),
		invariant('kind'),
		invariant('reference'),
		invariant('description'),
		wizard(wizardAt('close')),
		wizard(wizardAt('close'), {kind: 'close', value: '', phase: 'time'}),
		wizard(wizardAt('publish')),
	],
	compose: [inMode({name: 'compose', value: '[SEV-1] Checkout 5xx', pressedAt: AT})],
};

/** What the terminal sends for a binding of the key table. */
function rawKey(binding: KeyBinding): string {
	if (binding.any) return 'x';
	if (binding.ctrl) return String.fromCharCode(binding.input!.codePointAt(0)! - 0x60);
	if (binding.input !== undefined) return binding.input;
	if (binding.key === 'tab' && binding.shift) return RAW.shiftTab;
	const named = {return: RAW.enter, lineFeed: RAW.ctrlJ, escape: RAW.escape, tab: RAW.tab, erase: RAW.backspace} as const;
	const arrows = {upArrow: RAW.up, downArrow: RAW.down, leftArrow: RAW.left, rightArrow: RAW.right, pageUp: RAW.pageUp, pageDown: RAW.pageDown} as const;
	return binding.key! in named ? named[binding.key as keyof typeof named] : arrows[binding.key as keyof typeof arrows];
}

type Driven = ReturnType<typeof drive>;

/** A printable key for the mode the change led to, and what it must have done there. */
function nextKey(ui: LiveUi): {key: string; acted: (after: Driven, before: Driven) => void} {
	const typed = (after: Driven) => expect(JSON.stringify(after.ui.mode)).toMatch(/"value":"[^"]*x"/);
	switch (ui.mode.name) {
		case 'browse':
			return {key: 'm', acted: after => expect(after.ui.mode).toMatchObject({name: 'text', purpose: {kind: 'note', noteKind: 'mitigation'}, value: ''})};
		case 'help':
			return {key: 'x', acted: after => expect(after.ui.mode.name).toBe('browse')};
		case 'detail':
			return {key: 'q', acted: after => expect(after.ui.mode.name).toBe('browse')};
		case 'choose':
			return {key: '1', acted: (after, before) => expect(after.ui.mode.name !== 'choose' || after.effects.length > before.effects.length).toBe(true)};
		case 'confirm':
			return {key: 'n', acted: after => expect(after.ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'kept; nothing undone'}})};
		case 'wizard': {
			const {draft} = ui.mode;
			if (draft.kind === 'action' && draft.phase === 'type') return {key: 'p', acted: after => expect(after.ui.mode).toMatchObject({draft: {actionKind: 'prevent', phase: 'owner'}})};
			if (draft.kind === 'action' && draft.phase === 'priority') return {key: '1', acted: after => expect(after.ui.mode).toMatchObject({draft: {priority: 'P1', phase: 'due'}})};
			if (draft.kind === 'action' && draft.phase === 'status') return {key: 'd', acted: (after, before) => expect(after.effects.length).toBe(before.effects.length + 1)};
			if (draft.kind === 'invariant' && draft.phase === 'kind') return {key: 't', acted: after => expect(after.ui.mode).toMatchObject({draft: {phase: 'reference'}})};
			if (draft.kind === 'confirm') return {key: 'n', acted: after => expect(after.ui.mode.name).toBe('browse')};
			// A step that takes text (the close step too: no invariant is recorded in this view).
			return {key: 'x', acted: typed};
		}
		case 'text':
		case 'compose':
			return {key: 'x', acted: typed};
	}
}

/** Keys the controller holds until something outside arrives; tested through the real screen instead. */
const HELD_BY_THE_CONTROLLER: Readonly<Record<string, string>> = {
	'browse update': 'the draft arrives later: test/ui/typed-ahead-screen.test.tsx types across it',
	'browse changes': 'the list arrives later: test/ui/changes-key.test.tsx waits for it',
};

const cases = KEY_TABLE.filter(entry => entry.mode !== 'global').flatMap(entry =>
	entry.keys.flatMap(binding => STATES[entry.mode as ModeName].map(start => ({entry, binding, start}))),
);

describe('a key typed right after a mode change, in the same read', () => {
	it('has states to start from for every mode', () => {
		for (const mode of Object.keys(MODE_HANDLERS) as ModeName[]) expect(STATES[mode]?.length ?? 0, mode).toBeGreaterThan(0);
	});

	it.each(cases.map(({entry, binding, start}) => [`${entry.mode} ${entry.command} (${JSON.stringify(rawKey(binding))})`, binding, start, entry] as const))(
		'%s: the next key acts',
		(name, binding, start, entry) => {
			const change = rawKey(binding);
			const changed = drive(start, [change], view);
			if (changed.effect?.type === 'quit') return;
			const held = HELD_BY_THE_CONTROLLER[`${entry.mode} ${entry.command}`];
			if (held) {
				expect(['draft-update', 'list-changes'], held).toContain(changed.effect?.type);
				return;
			}
			const next = nextKey(changed.ui);
			const together = drive(start, [change + next.key], view);
			next.acted(together, changed);
			// And exactly as it would have after a frame.
			expect(together, `${name} and ${next.key} in one read`).toEqual(drive(start, [change, next.key], view));
		},
	);
});
