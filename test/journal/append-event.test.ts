import {appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {appendEvent} from '../../source/journal/append-event.js';
import {quarantineDamagedLines, readIncidentJournal, readJournalFile} from '../../source/journal/read-journal.js';
import {eventFactory} from '../helpers/event-factory.js';
import {makeTempDir} from '../helpers/temp-dir.js';

const alice = eventFactory('alice');
const note = (minute: number, text: string) => alice(minute, {type: 'note.logged', kind: 'note', text});

let dir: string;
let journal: string;
beforeEach(() => {
	dir = makeTempDir();
	journal = join(dir, 'alice@host.jsonl');
});

describe('appendEvent', () => {
	it('writes one whole line per event and reads back the same events', () => {
		const events = [note(1, 'one'), note(2, 'two with "quotes" and\nnewline')];
		for (const event of events) appendEvent(journal, event);
		const content = readFileSync(journal, 'utf8');
		expect(content.split('\n')).toHaveLength(3);
		expect(readJournalFile(journal).events).toEqual(events);
	});

	it('sets a torn last line aside and never glues the next event onto it', () => {
		const first = note(1, 'acknowledged before the crash');
		appendEvent(journal, first);
		const torn = '{"v":1,"id":"01KAZ00000000000000000TORN","at":"2026-11-23T0';
		appendFileSync(journal, torn);
		expect(readJournalFile(journal)).toMatchObject({events: [first], damaged: [], unfinishedTail: true});

		const next = note(3, 'after restart');
		expect(appendEvent(journal, next).tornBytesSetAside).toBe(torn.length);

		expect(readJournalFile(journal)).toEqual({events: [first, next], damaged: [], unfinishedTail: false});
		expect(readFileSync(`${journal}.torn`, 'utf8')).toBe(`${torn}\n`);
	});

	it('quarantines a damaged middle line verbatim, reports its line number, and loads the rest', () => {
		const first = note(1, 'first');
		const third = note(3, 'third');
		appendEvent(journal, first);
		appendFileSync(journal, 'garbage {not json\n');
		appendEvent(journal, third);

		const contents = readJournalFile(journal);
		expect(contents.events).toEqual([first, third]);
		expect(contents.damaged).toEqual([{file: journal, line: 2, reason: 'not valid JSON', raw: 'garbage {not json'}]);

		quarantineDamagedLines(contents.damaged);
		quarantineDamagedLines(contents.damaged);
		const quarantined = readFileSync(`${journal}.quarantine`, 'utf8').trim().split('\n');
		expect(quarantined).toHaveLength(1);
		expect(JSON.parse(quarantined[0]!)).toMatchObject({line: 2, raw: 'garbage {not json'});
		expect(readFileSync(journal, 'utf8')).toContain('garbage {not json');
	});

	it('treats a known type with a bad field as damaged, not as a silent drop', () => {
		appendFileSync(
			journal,
			'{"v":1,"id":"01KAZ0000000000000000000AA","at":"2026-11-23T03:01:00.000Z","author":"alice","type":"note.logged","kind":"shout","text":"x"}\n',
		);
		expect(readJournalFile(journal).damaged[0]?.reason).toContain('note.logged: kind');
	});

	it('takes over a lock left by a killed process at once', () => {
		writeFileSync(`${journal}.lock`, `999999999 ${hostname()}`);
		appendEvent(journal, note(1, 'after a crash'));
		expect(readJournalFile(journal).events).toHaveLength(1);
		expect(existsSync(`${journal}.lock`)).toBe(false);
	});

	it('takes over an empty lock (a writer killed between creating and naming it) within a second', () => {
		writeFileSync(`${journal}.lock`, '');
		utimesSync(`${journal}.lock`, new Date(Date.now() - 2000), new Date(Date.now() - 2000));
		appendEvent(journal, note(1, 'after an empty lock'));
		expect(readJournalFile(journal).events).toHaveLength(1);
		expect(readdirSync(dir).filter(file => file.includes('.lock'))).toEqual([]);
	});

	it('merges every writer of an incident, sorted by (at, id), each id once', () => {
		const bob = eventFactory('bob');
		const events = [note(1, 'a1'), bob(1, {type: 'note.logged', kind: 'note', text: 'b1'}), note(2, 'a2')];
		appendEvent(journal, events[0]!);
		appendEvent(journal, events[2]!);
		appendEvent(join(dir, 'bob@other.jsonl'), events[1]!);
		// A copy of alice's file (as a careless merge might make) must not double her events.
		writeFileSync(join(dir, 'alice@copy.jsonl'), readFileSync(journal));
		mkdirSync(join(dir, 'not-a-journal.d'));
		const merged = readIncidentJournal(dir);
		expect(merged.events.map(e => e.id)).toEqual([...events].sort((a, b) => (a.at + a.id < b.at + b.id ? -1 : 1)).map(e => e.id));
		expect(merged.journalFiles).toHaveLength(3);
	});
});
