import {appendFileSync, existsSync, readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {createIncidentStore} from '../../source/commands/incident-store.js';
import {logNote} from '../../source/commands/log-note.js';
import {journalPathOf, quarantinePathOf} from '../../source/journal/journal-paths.js';
import type {IncidentStore} from '../../source/ui/screen-services.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// The screens' one way to the journal, on real files: what a React hook used
// to do itself (quarantine, writing back a deleted journal) happens in here.

function setUp() {
	const docsDir = makeTempDir();
	const context = createCommandContext(docsDir, 'alice', () => Date.parse('2026-11-23T03:10:00.000Z'));
	const store: IncidentStore = createIncidentStore(context);
	const incidentId = store.open({title: 'Checkout 5xx', severity: 1, commander: 'bob', at: new Date('2026-11-23T03:04:05.000Z')});
	return {docsDir, context, store, incidentId, journal: journalPathOf(docsDir, incidentId, context.writer)};
}

const texts = (view: {state: {timeline: readonly {text: string}[]}} | undefined) => view?.state.timeline.map(entry => entry.text);

describe('the incident store', () => {
	it('opens an incident declared and logged at the first key press', () => {
		const {store, incidentId, journal} = setUp();
		const {first} = store.follow(incidentId);
		expect(incidentId).toBe('2026-11-23-01');
		expect(first.state).toMatchObject({title: 'Checkout 5xx', severity: 1, openedAt: '2026-11-23T03:04:05.000Z', roles: {commander: 'bob'}});
		const opening = JSON.parse(readFileSync(journal, 'utf8')) as {at: string; loggedAt?: string};
		// Not at 03:10, when Enter was pressed: a loggedAt equal to `at` is left out.
		expect([opening.at, opening.loggedAt ?? opening.at]).toEqual(['2026-11-23T03:04:05.000Z', '2026-11-23T03:04:05.000Z']);
	});

	it('says nothing changed until an event arrives, then gives the incident with it', () => {
		const {context, store, incidentId} = setUp();
		const feed = store.follow(incidentId);
		expect(feed.poll()).toBeUndefined();
		logNote(context, {incidentId, kind: 'note', text: 'from another terminal'});
		expect(texts(feed.poll())?.at(-1)).toBe('from another terminal');
		expect(feed.poll()).toBeUndefined();
	});

	it('sets damaged lines aside in the quarantine file, those there at the start and those that arrive', () => {
		const {context, store, incidentId, journal} = setUp();
		appendFileSync(journal, 'not json at all\n');
		const feed = store.follow(incidentId);
		expect(feed.first.damaged).toHaveLength(1);
		expect(readFileSync(quarantinePathOf(journal), 'utf8')).toContain('not json at all');
		appendFileSync(journal, '{"half": \n');
		logNote(context, {incidentId, kind: 'note', text: 'still logging'});
		expect(feed.poll()?.damaged).toHaveLength(2);
		expect(readFileSync(quarantinePathOf(journal), 'utf8').trim().split('\n')).toHaveLength(2);
	});

	it('writes a journal deleted under it back from memory, and says so', () => {
		const {context, store, incidentId, journal} = setUp();
		logNote(context, {incidentId, kind: 'note', text: 'one'});
		const feed = store.follow(incidentId);
		unlinkSync(journal);
		const view = feed.poll();
		expect(existsSync(journal)).toBe(true);
		expect(view?.restored).toEqual([`${context.writer}.jsonl was deleted; 2 lines written back`]);
		expect(texts(view)).toEqual([expect.stringContaining('Checkout 5xx'), 'one']);
	});

	it('writes back the lines a journal lost when another file was renamed over it, even one as long', () => {
		const {context, store, incidentId, journal} = setUp();
		logNote(context, {incidentId, kind: 'note', text: 'one'});
		const feed = store.follow(incidentId);
		const [opening] = readFileSync(journal, 'utf8').split('\n');
		// The opening line plus padding: as long as before, so only the file's identity tells.
		const replacement = `${opening}\n`.padEnd(readFileSync(journal).length - 1, ' ') + '\n';
		writeFileSync(`${journal}.new`, replacement);
		renameSync(`${journal}.new`, journal);
		expect(feed.poll()?.restored).toEqual([`${context.writer}.jsonl was deleted; 1 lines written back`]);
		expect(readFileSync(journal, 'utf8')).toContain('"text":"one"');
		feed.stop();
	});
});
