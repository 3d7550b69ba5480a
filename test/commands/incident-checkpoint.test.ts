import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, truncateSync, unlinkSync, writeFileSync} from 'node:fs';
import {beforeEach, describe, expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {createIncidentStore, FIRST_FRAME_ENTRIES} from '../../source/commands/incident-store.js';
import {CHECKPOINT_AFTER_LINES, loadFold, loadIncident, loadIncidentState} from '../../source/commands/load-incident.js';
import {logNote} from '../../source/commands/log-note.js';
import {recordEvent} from '../../source/commands/record-event.js';
import {appendLines} from '../../source/journal/append-event.js';
import {checkpointPathOf} from '../../source/journal/journal-checkpoint.js';
import {eventsDirOf, journalPathOf} from '../../source/journal/journal-paths.js';
import {cacheDirectory} from '../../source/runbook/cached-runbook.js';
import {eventFactory} from '../helpers/event-factory.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// The checkpoint is derived: whatever happens to it or to the journals after
// it, every command sees the state a fold of every line gives. Real files, a
// real second process.

beforeEach(() => {
	process.env['XDG_CACHE_HOME'] = makeTempDir();
});

const clock = () => Date.parse('2026-11-23T06:00:00.000Z');

/** An incident with enough lines that loading it writes a checkpoint. */
function bigIncident() {
	const docsDir = makeTempDir();
	const context = createCommandContext(docsDir, 'alice', clock);
	const store = createIncidentStore(context);
	const incidentId = store.open({title: 'Checkout 5xx', severity: 1, commander: 'alice', at: new Date('2026-11-23T03:00:00.000Z')});
	const bob = eventFactory('bob', Date.parse('2026-11-23T03:00:00.000Z'));
	const lines = Array.from({length: CHECKPOINT_AFTER_LINES + 50}, (_, index) =>
		JSON.stringify(bob(index / 100, {type: 'note.logged', kind: index % 7 === 0 ? 'mitigation' : 'note', text: `line ${index}`})),
	);
	appendLines(journalPathOf(docsDir, incidentId, 'bob@other'), lines);
	const paths = (['state', 'summary'] as const).map(kind => checkpointPathOf(cacheDirectory(), eventsDirOf(docsDir, incidentId), kind));
	return {docsDir, context, store, incidentId, paths};
}

const fullFold = (docsDir: string, incidentId: string) => loadIncident(docsDir, incidentId).state;

function expectSameAsFullFold(docsDir: string, incidentId: string) {
	const full = fullFold(docsDir, incidentId);
	expect(loadIncidentState(docsDir, incidentId).state).toEqual(full);
	expect(loadIncidentState(docsDir, incidentId, {summary: true}).state).toEqual({...full, timeline: expect.any(Array), activeEventIds: expect.any(Array)});
}

describe('the checkpoint of an incident', () => {
	it('is written by a load of a long journal, and the next load continues from it with the same state', () => {
		const {docsDir, incidentId, paths} = bigIncident();
		expect(loadFold(docsDir, incidentId, 'state').fromCheckpoint).toBe(false);
		for (const path of paths) expect(existsSync(path)).toBe(true);
		expect(loadFold(docsDir, incidentId, 'state').fromCheckpoint).toBe(true);
		expect(loadFold(docsDir, incidentId, 'summary').fromCheckpoint).toBe(true);
		expectSameAsFullFold(docsDir, incidentId);
		// The summary stays small however long the journal.
		expect(readFileSync(paths[1]!, 'utf8').length).toBeLessThan(5000);
	});

	it('changes nothing but speed when deleted, damaged or cut short between two commands', () => {
		const {docsDir, context, incidentId, paths} = bigIncident();
		const expected = () => fullFold(docsDir, incidentId);
		loadIncidentState(docsDir, incidentId);
		const spoilers: ((path: string) => void)[] = [
			path => unlinkSync(path),
			path => writeFileSync(path, '{"format":1,"marks":[{"file":"bob@other.jsonl","size":1'),
			path => truncateSync(path, Math.floor(readFileSync(path).length / 2)),
			// Another incident's checkpoint in its place, with a state of its own.
			path => writeFileSync(path, readFileSync(path, 'utf8').replace('"title":"Checkout 5xx"', '"title":"Other"').replace(/"eventsDir":"[^"]*"/, '"eventsDir":"/elsewhere"')),
		];
		for (const spoil of spoilers) {
			for (const path of paths) if (existsSync(path)) spoil(path);
			logNote(context, {incidentId, kind: 'note', text: 'after the spoiling'});
			expect(loadIncidentState(docsDir, incidentId).state).toEqual(expected());
			expect(loadIncidentState(docsDir, incidentId, {summary: true}).state.title).toBe('Checkout 5xx');
		}
	});

	it('folds what another process appended after it, a correction of an early event included', () => {
		const {docsDir, incidentId} = bigIncident();
		loadIncidentState(docsDir, incidentId);
		const bobJournal = journalPathOf(docsDir, incidentId, 'bob@other');
		const firstBobLine = JSON.parse(readFileSync(bobJournal, 'utf8').split('\n')[0]!) as {id: string};
		const carol = eventFactory('carol', Date.parse('2026-11-23T05:00:00.000Z'));
		const lines = [
			JSON.stringify(carol(1, {type: 'status.changed', status: 'identified'})),
			JSON.stringify(carol(2, {type: 'event.amended', target: firstBobLine.id, text: 'corrected', kind: 'detection'})),
		];
		for (const line of lines) {
			execFileSync(process.execPath, ['-e', `require('node:fs').appendFileSync(process.argv[1], process.argv[2] + '\\n')`, bobJournal, line]);
			expectSameAsFullFold(docsDir, incidentId);
		}
		expect(loadIncidentState(docsDir, incidentId).state.milestones.detected).toBeDefined();
	});

	it('folds lines sync adds to another writer’s journal, and a journal that arrives new', () => {
		const {docsDir, incidentId} = bigIncident();
		loadIncidentState(docsDir, incidentId, {summary: true});
		const dave = eventFactory('dave', Date.parse('2026-11-23T05:00:00.000Z'));
		appendLines(journalPathOf(docsDir, incidentId, 'bob@other'), [JSON.stringify(eventFactory('bob', Date.parse('2026-11-23T05:00:00.000Z'))(3, {type: 'severity.changed', severity: 2}))]);
		expectSameAsFullFold(docsDir, incidentId);
		appendLines(journalPathOf(docsDir, incidentId, 'dave@far'), [JSON.stringify(dave(4, {type: 'incident.closed'}))]);
		expectSameAsFullFold(docsDir, incidentId);
		expect(loadIncidentState(docsDir, incidentId, {summary: true}).state.closed).toBeDefined();
	});

	it('is not trusted when a journal was rewritten to the same length', () => {
		const {docsDir, incidentId} = bigIncident();
		loadIncidentState(docsDir, incidentId);
		const bobJournal = journalPathOf(docsDir, incidentId, 'bob@other');
		writeFileSync(bobJournal, readFileSync(bobJournal, 'utf8').replace(/line 1049"/, 'line XXXX"'));
		expect(loadFold(docsDir, incidentId, 'state').fromCheckpoint).toBe(false);
		expect(loadIncidentState(docsDir, incidentId).state.timeline.at(-1)?.text).toBe('line XXXX');
	});

	it('gives the screen the newest timeline entries first, and the whole incident once completed, with what arrived between', () => {
		const {docsDir, context, store, incidentId} = bigIncident();
		loadIncidentState(docsDir, incidentId);
		const whole = fullFold(docsDir, incidentId);
		const feed = store.follow(incidentId);
		expect(feed.first.state).toEqual({...whole, timeline: whole.timeline.slice(-FIRST_FRAME_ENTRIES), activeEventIds: []});
		logNote(context, {incidentId, kind: 'note', text: 'typed before the rest was read'});
		expect(feed.poll()?.state.timeline.at(-1)?.text).toBe('typed before the rest was read');
		expect(feed.complete()?.state).toEqual(fullFold(docsDir, incidentId));
		feed.stop();
	});

	it('folds the journals again when the older part of the checkpoint turns out damaged', () => {
		const {docsDir, store, incidentId, paths} = bigIncident();
		loadIncidentState(docsDir, incidentId);
		// Same length, so only parsing the older entries can tell.
		writeFileSync(paths[0]!, readFileSync(paths[0]!, 'utf8').replace('"line 3"', '"line 3 '));
		const feed = store.follow(incidentId);
		expect(feed.first.state.timeline).toHaveLength(FIRST_FRAME_ENTRIES);
		expect(feed.complete()?.state).toEqual(fullFold(docsDir, incidentId));
		feed.stop();
	});

	it('lets the screen start from it and fold each new event, corrections and backdated ones too', () => {
		const {docsDir, context, store, incidentId} = bigIncident();
		loadIncidentState(docsDir, incidentId);
		const feed = store.follow(incidentId);
		expect(feed.complete()?.state).toEqual(fullFold(docsDir, incidentId));
		expect(feed.complete()).toBeUndefined();
		const note = logNote(context, {incidentId, kind: 'note', text: 'typed on the screen'}).event;
		expect(feed.poll()?.state).toEqual(fullFold(docsDir, incidentId));
		logNote(context, {incidentId, kind: 'impact', text: '@03:00 backdated'});
		expect(feed.poll()?.state).toEqual(fullFold(docsDir, incidentId));
		recordEvent(context, incidentId, {type: 'event.retracted', target: note.id});
		const view = feed.poll();
		expect(view?.state).toEqual(fullFold(docsDir, incidentId));
		expect(view?.state.timeline.some(entry => entry.text === 'typed on the screen')).toBe(false);
		recordEvent(context, incidentId, {type: 'status.changed', status: 'monitoring'});
		expect(feed.poll()?.state).toEqual(fullFold(docsDir, incidentId));
	});
});

