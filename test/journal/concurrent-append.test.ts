import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {readJournalFile} from '../../source/journal/read-journal.js';
import {bundleScript} from '../helpers/bundle-script.js';
import {makeTempDir} from '../helpers/temp-dir.js';

const PER_PROCESS = 1000;

function run(script: string, args: string[]): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], {stdio: ['ignore', 'ignore', 'inherit']});
		child.on('error', reject);
		child.on('exit', resolve);
	});
}

it('keeps every line whole when two processes append to one journal at once', async () => {
	const dir = makeTempDir();
	const script = await bundleScript('test/helpers/append-worker.ts', dir);
	const journal = join(dir, 'shared@host.jsonl');

	const codes = await Promise.all([
		run(script, [journal, 'alice', String(PER_PROCESS)]),
		run(script, [journal, 'bob', String(PER_PROCESS)]),
	]);
	expect(codes).toEqual([0, 0]);

	const lines = readFileSync(journal, 'utf8').split('\n');
	expect(lines.pop()).toBe('');
	expect(lines).toHaveLength(2 * PER_PROCESS);
	const {events, damaged, unfinishedTail} = readJournalFile(journal);
	expect(damaged).toEqual([]);
	expect(unfinishedTail).toBe(false);
	for (const author of ['alice', 'bob']) {
		const texts = events.filter(e => e.author === author).map(e => ('text' in e && e.text !== undefined ? e.text.split(' ')[1] : ''));
		expect(texts).toEqual(Array.from({length: PER_PROCESS}, (_, index) => String(index)));
	}
});
