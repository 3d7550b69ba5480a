import {readdirSync, readFileSync} from 'node:fs';
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {reduceIncident} from '../../source/core/reducer.js';
import {ChecklistPane} from '../../source/ui/components/ChecklistPane.js';
import {Header} from '../../source/ui/components/Header.js';
import {HypothesesPane} from '../../source/ui/components/HypothesesPane.js';
import {Text} from '../../source/ui/components/Text.js';
import {timelineFormatOf} from '../../source/ui/timeline-layout.js';
import {TimelinePane} from '../../source/ui/components/TimelinePane.js';
import {WizardPanel} from '../../source/ui/components/WizardPanel.js';
import {startWizardStep} from '../../source/ui/modes/wizard.js';
import {WIZARD_STEPS} from '../../source/ui/wizard-steps.js';
import {eventFactory} from '../helpers/event-factory.js';

afterEach(() => cleanup());

/** ink-testing-library draws 100 columns; widen it so no hostile text is cut off unseen. */
function renderWide(node: ReactElement) {
	const app = render(node);
	Object.defineProperty(app.stdout, 'columns', {value: 1000, configurable: true});
	app.rerender(node);
	return app;
}

// Window title, clipboard write, hyperlink, cursor moves, a colour the theme never uses, C1 CSI, bidi override.
const HOSTILE = '\u001b]2;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u001b]8;;https://evil.example/\u0007\u001b[5;5H\u001b[2J\u001b[38;2;1;2;3m\u009b1A\u202eX';
const SHOWN = '␛]2;pwned␇␛]52;c;cHduZWQ=␇␛]8;;https://evil.example/␇␛[5;5H␛[2J␛[38;2;1;2;3m\\x9b1A<U+202E>X';
const SHORT = '\u001b]2;t\u0007\u009b\u202e';
const SHORT_SHOWN = '␛]2;t␇\\x9b<U+202E>';

/** Ink's own colours may be in a frame; nothing else that acts on a terminal may. */
function expectInert(frame: string | undefined): void {
	expect(frame).not.toMatch(/\u001b\]|\u0007|\u009b|\u202e|\u001b\[[0-9;]*[A-HJKSTf]|\u001b\[38;2;1;2;3m/);
}

describe('the one display-safe path', () => {
	it('is the only way the app draws text: nothing but components/Text.tsx imports Ink\'s Text or Transform', () => {
		const ui = new URL('../../source/ui/', import.meta.url);
		const offenders = readdirSync(ui, {recursive: true, encoding: 'utf8'})
			.filter(file => /\.tsx?$/.test(file) && file !== 'components/Text.tsx')
			.flatMap(file => {
				const source = readFileSync(new URL(file, ui), 'utf8');
				const fromInk = [...source.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+'ink'/g)].map(match => match[2]!);
				const bad = fromInk.filter(names => !/^\{[^}]*\}$/.test(names) || /\b(Text|Transform)\b(?!Props)/.test(names));
				// Ink's text element, created by hand, would bypass the component as well.
				if (/['"`]ink-text['"`]/.test(source)) bad.push('ink-text');
				return bad.map(names => `${file}: ${names}`);
			});
		expect(offenders).toEqual([]);
	});

	it('makes every string child safe: plain, in arrays, in fragments, in nested text and in aria-label', () => {
		const {lastFrame} = render(
			<Text>
				{SHORT}
				{[' a', SHORT]}
				<>
					{' b'}
					{SHORT}
				</>
				<Text color="red">{` c${SHORT}`}</Text>
				{7}
			</Text>,
		);
		expectInert(lastFrame());
		expect(lastFrame()).toContain(`${SHORT_SHOWN} a${SHORT_SHOWN} b${SHORT_SHOWN}`);
		expect(lastFrame()).toContain(`c${SHORT_SHOWN}`);
		expect(lastFrame()).toContain('7');
		const labelled = render(<Text aria-label={HOSTILE}>x</Text>);
		expectInert(labelled.lastFrame());
	});
});

describe('every pane draws text from files and remotes inert', () => {
	const mallory = eventFactory('mallory');
	const state = reduceIncident('2026-11-23-01', [
		mallory(0, {type: 'incident.opened', title: `T ${HOSTILE}`, severity: 1, commander: 'mallory'}),
		mallory(1, {type: 'note.logged', kind: 'note', text: `N ${HOSTILE}`}),
		mallory(2, {type: 'hypothesis.added', statement: `H ${HOSTILE}`, test: `P ${HOSTILE}`}),
		mallory(3, {type: 'action.added', description: `A ${HOSTILE}`, owner: `O ${HOSTILE}`, priority: 'P1', status: 'open', kind: 'prevent'}),
	]);
	// Handles are validated when read; the screen must not depend on that.
	const forged = {...state, roles: {commander: `C ${HOSTILE}`, scribe: `S ${HOSTILE}`}, timeline: state.timeline.map(entry => ({...entry, author: `W ${HOSTILE}`}))};
	const now = new Date('2026-11-23T03:10:00.000Z');

	it('the checklist: a hostile runbook phase and items', () => {
		const items = [
			{key: 'triage/one', label: `I ${HOSTILE}`, depth: 0},
			{key: 'triage/one/two', label: `J ${HOSTILE}`, depth: 1},
		];
		const {lastFrame} = renderWide(<ChecklistPane title={`1/1 ${HOSTILE}`} items={items} ticks={{}} selected={0} focused rows={4} width={400} />);
		expectInert(lastFrame());
		expect(lastFrame()).toContain(`1/1 ${SHOWN}`);
		expect(lastFrame()).toContain(`I ${SHOWN}`);
		expect(lastFrame()).toContain(`J ${SHOWN}`);
	});

	it('the header: title, handles and warnings', () => {
		const {lastFrame} = renderWide(<Header state={forged} now={now} warnings={[`W ${HOSTILE}`]} sync={{running: false, problem: `P ${HOSTILE}`}} />);
		expectInert(lastFrame());
		expect(lastFrame()).toContain(`IC C ${SHOWN} · scribe S ${SHOWN}`);
		expect(lastFrame()).toContain(`W ${SHOWN}`);
	});

	it('the timeline, with authors, and the hypotheses', () => {
		const format = timelineFormatOf(forged.timeline, {width: 600, owners: [`W ${HOSTILE}`]});
		const timeline = renderWide(<TimelinePane entries={forged.timeline} format={format} scroll={0} selectedIndex={0} focused rows={5} />);
		expectInert(timeline.lastFrame());
		// The owner column is 12 wide; the detail view shows the whole name.
		expect(timeline.lastFrame()).toContain(`W ${SHOWN.slice(0, 9)}…`);
		expect(timeline.lastFrame()).toContain(`N ${SHOWN}`);
		const hypotheses = renderWide(<HypothesesPane hypotheses={forged.hypotheses} selected={0} focused rows={3} width={400} />);
		expectInert(hypotheses.lastFrame());
		expect(hypotheses.lastFrame()).toContain(`H ${SHOWN} (test: P ${SHOWN})`);
	});

	it('the closure wizard: corrective actions and their owners', () => {
		const step = WIZARD_STEPS.findIndex(candidate => candidate.kind === 'actions');
		const mode = startWizardStep(step, {closure: {}, hasInvariant: false, closed: false});
		const {lastFrame} = renderWide(<WizardPanel state={forged} mode={{...mode, draft: {kind: 'action', phase: 'description', description: '', owner: '', value: HOSTILE}}} rows={20} columns={400} />);
		expectInert(lastFrame());
		expect(lastFrame()).toContain(`· P1 A ${SHOWN} (prevent, O ${SHOWN}, open)`);
		expect(lastFrame()).toContain(`New action item (empty: go on) › ${SHOWN}`);
	});
});
