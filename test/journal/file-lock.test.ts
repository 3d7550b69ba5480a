import {existsSync, lstatSync, readdirSync, readlinkSync, symlinkSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {LockTimeoutError, withFileLock} from '../../source/journal/file-lock.js';
import {makeTempDir} from '../helpers/temp-dir.js';

describe('the journal lock', () => {
	it('is one symbolic link naming its holder, made in one step, gone afterwards', () => {
		const lock = join(makeTempDir(), 'alice@host.jsonl.lock');
		const seen = withFileLock(lock, () => ({isLink: lstatSync(lock).isSymbolicLink(), holder: readlinkSync(lock)}));
		expect(seen).toEqual({isLink: true, holder: `${process.pid} ${hostname()}`});
		expect(existsSync(lock)).toBe(false);
	});

	it('waits for a live holder (as a link or as a file of an older version) and gives up with LockTimeoutError', () => {
		const dir = makeTempDir();
		const asLink = join(dir, 'a.lock');
		const asFile = join(dir, 'b.lock');
		symlinkSync(`${process.pid} ${hostname()}`, asLink);
		writeFileSync(asFile, `${process.pid} ${hostname()}`);
		for (const lock of [asLink, asFile]) {
			let ran = false;
			expect(() => withFileLock(lock, () => (ran = true), 50)).toThrow(LockTimeoutError);
			expect(ran).toBe(false);
		}
		expect(readdirSync(dir).sort()).toEqual(['a.lock', 'b.lock']);
	});

	it('takes over at once a link naming a dead process of this host, and another host\'s only when old', () => {
		const dir = makeTempDir();
		const dead = join(dir, 'dead.lock');
		symlinkSync(`999999999 ${hostname()}`, dead);
		expect(withFileLock(dead, () => 'ran')).toBe('ran');
		expect(readdirSync(dir)).toEqual([]);

		const elsewhere = join(dir, 'elsewhere.lock');
		symlinkSync(`999999999 another-host-${hostname()}`, elsewhere);
		expect(() => withFileLock(elsewhere, () => 'ran', 50)).toThrow(LockTimeoutError);
	});
});
