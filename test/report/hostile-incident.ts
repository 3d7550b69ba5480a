import type {AnyEvent} from '../../source/core/events.js';
import {eventFactory} from '../helpers/event-factory.js';

/** Text that breaks Markdown tables, HTML, terminals and links. */
export const NASTY = [
	'pipe | in | cells',
	'line one\nline two\r\nline three',
	'<!-- hidden comment --> <script>alert(1)</script> <img src=x onerror=alert(1)>',
	'``` fenced ``` and `tick` and ````',
	'# heading? - list? > quote? 1. ordered? [link](http://evil) ![img](x)',
	'emoji 🔥🚨 and right-to-left עברית العربية \u202eevil\u202c',
	'\u001b[31mred\u001b[0m \u0007 bell',
	'https://evil.example/a www.evil.example <https://evil.example> mail@evil.example',
].join(' ');

/** Text that breaks a Mermaid timeline: separators, comments, directives, entities, fake sections. */
export const MERMAID_NASTY = [
	'14:55 : a colon inside : and ::: three',
	'%% comment %%{init: {"theme":"dark"}}%%',
	'#35; entity &amp; &lt;br&gt; <br> ; semicolon',
	'section Fake\n        99:99 : injected\ntitle Fake\ntimeline',
	'}}{{ braces [brackets] "quotes" \'single\' `tick`',
].join(' ');

/** Every kind of event a diagram shows, each with hostile text, over two UTC days. */
export function hostileIncident(): AnyEvent[] {
	const alice = eventFactory('alice');
	const huge = `${'x'.repeat(5000)}|${'y'.repeat(5000)}\n<!--`;
	const opened = alice(0, {type: 'incident.opened', title: 'Title | with <!-- pipes --> `and` \u202e ../../x 14:55 : %% #35; section x', severity: 1, commander: 'alice'});
	const hypothesis = alice(2, {type: 'hypothesis.added', statement: `${NASTY} ${MERMAID_NASTY}`, test: NASTY});
	const action = alice(6, {type: 'action.added', description: NASTY, owner: 'al|ice\n<b>', priority: 'P0', status: 'open', bug: '<!-- x -->'});
	const note = (minute: number, kind: 'impact' | 'detection' | 'note' | 'mitigation' | 'escalation' | 'communication' | 'resolution', text: string) =>
		alice(minute, {type: 'note.logged', kind, text});
	return [
		opened,
		note(-2, 'impact', MERMAID_NASTY),
		note(1, 'detection', NASTY),
		note(1, 'note', huge),
		note(1, 'escalation', `${'word '.repeat(40)}${'z'.repeat(500)}`),
		hypothesis,
		alice(3, {type: 'hypothesis.resolved', hypothesis: hypothesis.id, result: 'confirmed', evidence: MERMAID_NASTY}),
		note(4, 'mitigation', NASTY),
		note(4, 'communication', `${MERMAID_NASTY}\n${NASTY}`),
		alice(5, {type: 'severity.changed', severity: 2}),
		...(['whatHappened', 'whoImpacted', 'impactUsers', 'impactScope', 'impactData', 'why1', 'rootCause', 'trigger', 'immediateFix', 'permanentFix', 'permanentFixLink', 'lessonsKeep', 'lessonsStop', 'lessonsStart'] as const).map(
			field => alice(5, {type: 'closure.recorded', field, value: NASTY}),
		),
		action,
		alice(7, {type: 'invariant.recorded', kind: 'monitor', reference: NASTY, description: NASTY}),
		// The next day (UTC): the resolution and the close.
		note(24 * 60 + 5, 'resolution', MERMAID_NASTY),
		alice(24 * 60 + 8, {type: 'incident.closed', overrideReason: NASTY}),
	];
}
