import {chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeEach, expect, it} from 'vitest';
import {cacheDirectory, loadRunbookCached} from '../../source/runbook/cached-runbook.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// The runbook cache must not be a way for another local user to feed the
// screen a forged runbook or to make it write through a symlink, and no cache
// problem may ever stop the app.

const isRoot = process.getuid?.() === 0;
const inCi = !['', '0', 'false'].includes(process.env['CI'] ?? '');
let cacheHome: string;
let docsDir: string;
beforeEach(() => {
	cacheHome = makeTempDir();
	process.env['XDG_CACHE_HOME'] = cacheHome;
	docsDir = makeTempDir();
});

/** A cache file that holds this repository's key with a forged runbook, as an attacker would plant it. */
async function forgedCache(): Promise<string> {
	const honest = makeTempDir();
	process.env['XDG_CACHE_HOME'] = honest;
	await loadRunbookCached(docsDir);
	process.env['XDG_CACHE_HOME'] = cacheHome;
	const text = readFileSync(join(honest, 'incident-tui', 'runbook-cache.json'), 'utf8');
	expect(text).toContain('Detection & Triage');
	return text.replaceAll('Detection & Triage', 'FORGED PHASE');
}

const firstPhase = async () => (await loadRunbookCached(docsDir)).runbook.phases[0]!.name;

it('keeps the cache in $XDG_CACHE_HOME/incident-tui, private, and not at a shared /tmp path', async () => {
	const shared = join(tmpdir(), `incident-tui-${process.getuid?.()}`);
	const sharedBefore = existsSync(shared) ? statSync(shared).mtimeMs : undefined;
	expect(await firstPhase()).toBe('Detection & Triage');
	const directory = join(cacheHome, 'incident-tui');
	expect(cacheDirectory()).toBe(directory);
	expect(statSync(directory).mode & 0o777).toBe(0o700);
	expect(statSync(join(directory, 'runbook-cache.json')).mode & 0o777).toBe(0o600);
	expect(existsSync(shared) ? statSync(shared).mtimeMs : undefined).toBe(sharedBefore);
	expect(await firstPhase()).toBe('Detection & Triage');
	expect(cacheDirectory({HOME: '/home/alice', XDG_CACHE_HOME: 'relative/ignored'})).toMatch(/\.cache\/incident-tui$/);
});

it('refuses a cache directory that is a symlink: reads nothing through it, writes nothing through it', async () => {
	const forged = await forgedCache();
	const attacker = makeTempDir();
	writeFileSync(join(attacker, 'runbook-cache.json'), forged);
	symlinkSync(attacker, join(cacheHome, 'incident-tui'));
	expect(await firstPhase()).toBe('Detection & Triage');
	expect(readdirSync(attacker)).toEqual(['runbook-cache.json']);
	expect(readFileSync(join(attacker, 'runbook-cache.json'), 'utf8')).toBe(forged);
});

it('refuses a cache file that is a symlink, and replaces the link instead of writing through it', async () => {
	const forged = await forgedCache();
	const target = join(makeTempDir(), 'elsewhere.json');
	writeFileSync(target, forged);
	mkdirSync(join(cacheHome, 'incident-tui'), {mode: 0o700});
	symlinkSync(target, join(cacheHome, 'incident-tui', 'runbook-cache.json'));
	expect(await firstPhase()).toBe('Detection & Triage');
	expect(readFileSync(target, 'utf8')).toBe(forged);
	expect(lstatSync(join(cacheHome, 'incident-tui', 'runbook-cache.json')).isFile()).toBe(true);
});

it.skipIf(!isRoot && !inCi)('refuses a cache directory owned by someone else (needs root)', async () => {
	expect(isRoot, 'this test needs root to chown a directory to another user').toBe(true);
	const forged = await forgedCache();
	const directory = join(cacheHome, 'incident-tui');
	mkdirSync(directory, {mode: 0o700});
	writeFileSync(join(directory, 'runbook-cache.json'), forged);
	chownSync(join(directory, 'runbook-cache.json'), 65534, 65534);
	chownSync(directory, 65534, 65534);
	expect(await firstPhase()).toBe('Detection & Triage');
	expect(readdirSync(directory)).toEqual(['runbook-cache.json']);
	expect(readFileSync(join(directory, 'runbook-cache.json'), 'utf8')).toBe(forged);
});

it('starts normally when the cache cannot be made at all', async () => {
	process.env['XDG_CACHE_HOME'] = join(cacheHome, 'a-file');
	writeFileSync(join(cacheHome, 'a-file'), '');
	expect(await firstPhase()).toBe('Detection & Triage');
});
