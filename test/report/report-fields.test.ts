import {describe, expect, it} from 'vitest';
import {CLOSURE_FIELDS, type AnyEvent, type ClosureField} from '../../source/core/events.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {renderReport} from '../../source/report/render-report.js';
import {findTemplate} from '../../source/report/template-store.js';
import {SCRIPTED_ID, SCRIPTED_NOW} from '../fixtures/scripted-incident.js';
import {eventFactory} from '../helpers/event-factory.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// Each closure answer and each field of an action item or invariant has exactly
// one home in every built-in template (templates/README.md has the table), and
// a skipped answer is left out or said once as a review TODO.

const TEMPLATES = ['incident-report', 'incident-response', 'retrospective', 'postmortem', 'sre'] as const;
const render = (name: string, events: AnyEvent[]) => renderReport(findTemplate(makeTempDir(), name), reduceIncident(SCRIPTED_ID, events), builtInRunbook(), SCRIPTED_NOW);
const count = (text: string, part: string) => text.split(part).length - 1;

/** A resolved incident with every milestone, a scribe and an environment: nothing but the answers is missing. */
function answeredNothing(): AnyEvent[] {
	const alice = eventFactory('alice');
	const note = (minute: number, kind: 'impact' | 'detection' | 'acknowledged' | 'mitigation' | 'resolution', text: string) => alice(minute, {type: 'note.logged', kind, text});
	return [
		alice(1, {type: 'incident.opened', title: 'Fields', severity: 2, commander: 'alice', environment: 'production'}),
		note(0, 'impact', 'errors began'),
		note(1, 'detection', 'pager fired'),
		note(2, 'acknowledged', 'on it'),
		alice(3, {type: 'role.assigned', role: 'scribe', handle: 'bob'}),
		note(10, 'mitigation', 'rolled back'),
		note(20, 'resolution', 'back to normal'),
	];
}

const REVIEW_MEETING = ['_TODO(review): the date of the review_', '_TODO(review): who attended_', '_TODO(review): who approved it_'];

const marker = (name: string) => `QQ${name}QQ`;
const ACTION_MARKS = ['description', 'owner', 'bug'] as const;

/** The same incident with every question answered by a marker that appears nowhere else. */
function answeredEverything(): {events: AnyEvent[]; markers: string[]} {
	const alice = eventFactory('alice');
	const answers = CLOSURE_FIELDS.map(field => alice(30, {type: 'closure.recorded', field, value: marker(field)}));
	const actions = (['P0', 'P2'] as const).map((priority, index) =>
		alice(31, {
			type: 'action.added',
			description: marker(`action${index}description`),
			owner: marker(`action${index}owner`),
			bug: marker(`action${index}bug`),
			priority,
			status: index === 0 ? 'done' : 'in-progress',
			kind: index === 0 ? 'detect' : 'process',
			due: `2031-0${index + 1}-17`,
		}),
	);
	const invariants = (['test', 'monitor'] as const).map(kind =>
		alice(32, {type: 'invariant.recorded', kind, reference: marker(`${kind}reference`), description: marker(`${kind}description`)}),
	);
	const markers = [
		...CLOSURE_FIELDS.map(marker),
		...[0, 1].flatMap(index => [...ACTION_MARKS.map(part => marker(`action${index}${part}`)), `2031-0${index + 1}-17`]),
		...['test', 'monitor'].flatMap(kind => [marker(`${kind}reference`), marker(`${kind}description`)]),
	];
	return {events: [...answeredNothing(), ...answers, ...actions, ...invariants], markers};
}

describe.each(TEMPLATES)('the %s template', name => {
	it('shows every answer exactly once', () => {
		const {events, markers} = answeredEverything();
		const report = render(name, events);
		const misplaced = markers.filter(mark => count(report, mark) !== 1).map(mark => `${mark} ×${count(report, mark)}`);
		expect(misplaced).toEqual([]);
		// Only what the tool cannot know is left to the review: when it met, who came, who approved.
		const todos = (report.match(/_TODO\(review\): [^_]+_/g) ?? []).filter(todo => !REVIEW_MEETING.includes(todo));
		expect(todos).toEqual([]);
	});

	it('with every answer skipped, says each missing one at most once and never "not recorded"', () => {
		const report = render(name, answeredNothing());
		expect(report).not.toMatch(/not recorded|undefined|\{\{/);
		const todos: string[] = report.match(/_TODO\(review\): [^_]+_/g) ?? [];
		expect(todos.length).toBeGreaterThan(0);
		expect(todos.filter((todo, index) => todos.indexOf(todo) !== index)).toEqual([]);
	});

	it('names one root cause: the deepest why when the root cause question was skipped', () => {
		const alice = eventFactory('alice');
		const whys = (['why1', 'why2', 'why3'] as ClosureField[]).map(field => alice(30, {type: 'closure.recorded', field, value: marker(field)}));
		const report = render(name, [...answeredNothing(), ...whys]);
		for (const field of ['why1', 'why2', 'why3']) expect(count(report, marker(field)), field).toBe(1);
		expect(report).not.toContain('the root cause (the 5 whys)');
		expect(count(report.toLowerCase(), 'root cause:') + count(report, '**Primary cause:**')).toBeLessThanOrEqual(1);
	});
});
