import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {CommandContext} from '../../source/commands/command-context.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {draftStatusUpdate} from '../../source/commands/status-update.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {journalLines} from '../helpers/journal-lines.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// A responder typing faster than the screen draws: a whole run of keys across
// mode changes reaches the app in one read. Every key must act where it would
// have after a frame, and every event must reach the journal, in order.

let repo: string;
let context: CommandContext;
let incidentId: string;

const journal = () => journalLines(repo, incidentId);
/** What each event says, in the order the journal holds them. */
const summary = () =>
	journal().map(event => {
		const {type, kind, text, status, statement, test, result, evidence, field, value} = event as Record<string, string | undefined>;
		return [type, kind, text, status, statement, test, result, evidence, field, value].filter(part => part !== undefined).join(' | ');
	});

beforeEach(() => {
	repo = makeTempDir();
	context = testContext(join(repo, 'docs'), 'alice', manualClock('2026-11-23T03:00:00.000Z').now);
	incidentId = openIncident(context, {title: 'Checkout 5xx', severity: 1}).incidentId;
});
afterEach(() => cleanup());

describe('keys typed faster than the screen', () => {
	it('logs every event of a burst across prompts, a sent update, the help, a choice, undo, Esc and the wizard, in order', async () => {
		const copied: string[] = [];
		const app = await renderApp(context, incidentId, {draftUpdate: async id => draftStatusUpdate(context, id).text, copyToClipboard: text => copied.push(text)});
		await app.waitFor('Detection & Triage');
		const burst = [
			'n', 'first note', KEY.enter,
			// The update, sent as drafted; the key after it must not go to closing the sent text.
			'U', KEY.enter,
			'm', 'rolled back', KEY.enter,
			'h', 'pool exhausted', KEY.enter, 'pool metrics', KEY.enter,
			// A result for the hypothesis added a moment ago, before any frame showed it.
			'r', 'c', 'pool at 100%', KEY.enter,
			'?', 'x', 'd', 'pager fired', KEY.enter,
			's', '2',
			'a', 'drained USA-2', KEY.enter,
			'u', 'y',
			'e', 'oops', KEY.escape, 'c', 'told support', KEY.enter,
			'w', 'The pool ran dry', KEY.enter, KEY.escape,
			'n', 'after the wizard', KEY.enter,
		].join('');
		app.send(burst);
		await app.waitFor('after the wizard');
		expect(summary()).toEqual([
			'incident.opened',
			'note.logged | note | first note',
			`note.logged | communication | ${copied[0]?.trimEnd()}`,
			'note.logged | mitigation | rolled back',
			'hypothesis.added | pool exhausted | pool metrics',
			'hypothesis.resolved | confirmed | pool at 100%',
			'note.logged | detection | pager fired',
			'status.changed | identified',
			'note.logged | action | drained USA-2',
			'event.retracted',
			'note.logged | communication | told support',
			'closure.recorded | whatHappened | The pool ran dry',
			'note.logged | note | after the wizard',
		]);
		expect(copied[0]).toMatch(/^\[SEV-1\] Checkout 5xx/);
		const events = journal();
		expect(events[5]).toMatchObject({hypothesis: events[4]!['id']});
		expect(events[9]).toMatchObject({target: events[8]!['id']});
		// Nothing is left open: the last Enter saved the last note.
		expect(app.frame()).toMatch(/q quit/);
	});

	it('holds the keys typed while the update is drafted, and they act on it once it arrives', async () => {
		let deliver: (text: string) => void = () => {};
		const app = await renderApp(context, incidentId, {draftUpdate: () => new Promise(resolve => (deliver = resolve)), copyToClipboard: () => {}});
		await app.waitFor('Detection & Triage');
		app.send(['U', ' ETA 10 min', KEY.enter, 'm', 'rolled back', KEY.enter].join(''));
		await app.waitFor('drafting the update');
		expect(journal()).toHaveLength(1);
		deliver('[SEV-1] Checkout 5xx: Investigating');
		await app.waitFor('Logged mitigation');
		expect(summary().slice(1)).toEqual(['note.logged | communication | [SEV-1] Checkout 5xx: Investigating ETA 10 min', 'note.logged | mitigation | rolled back']);
	});

	it('says when the draft fails, and does not run the keys typed for it as hotkeys', async () => {
		let fail: (error: Error) => void = () => {};
		const app = await renderApp(context, incidentId, {draftUpdate: () => new Promise((_resolve, reject) => (fail = reject))});
		await app.waitFor('Detection & Triage');
		app.send(['U', 'quick note', KEY.enter].join(''));
		await app.waitFor('drafting the update');
		fail(new Error('templates/status-update.md:3: template syntax error'));
		await app.waitFor('template syntax error; the 11 keys typed after U did nothing');
		expect(journal()).toHaveLength(1);
		await app.press('n');
		await app.waitFor('Note @');
	});
});
