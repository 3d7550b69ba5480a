import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {makeTempDir} from '../helpers/temp-dir.js';
import {runCli} from '../helpers/run-cli.js';

// A read-only settings directory needs a read-only mount (root ignores file
// modes). Where mounting is not allowed the test is skipped, except under
// CI=true, where it runs and fails: CI must not lose it silently.

const mounted: string[] = [];
const mountTmpfs = (dir: string) => execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]);
const canMount = (() => {
	const probe = makeTempDir();
	if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe]).status !== 0) return false;
	spawnSync('umount', [probe]);
	return true;
})();

afterEach(() => {
	for (const dir of mounted.splice(0)) spawnSync('umount', ['-l', dir]);
});

describe('config set on a read-only settings directory', () => {
	it.skipIf(!canMount && !process.env['CI'])('says the settings file could not be written, and changes nothing', () => {
		const repo = makeTempDir();
		const configDir = makeTempDir();
		mountTmpfs(configDir);
		mounted.push(configDir);
		expect(runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir}).code).toBe(0);
		const file = join(configDir, 'config.json');
		const before = readFileSync(file, 'utf8');
		execFileSync('mount', ['-o', 'remount,ro', configDir]);

		const run = runCli(['config', 'set', 'handle', 'bob'], {cwd: repo, configDir});
		expect(run).toEqual({
			code: 2,
			stdout: '',
			stderr: `incident-tui: could not write the settings file ${file}: the file system is read-only (remount it read-write or work from a writable clone; nothing changed, handle is still alice)\n`,
		});
		expect(readFileSync(file, 'utf8')).toBe(before);
		expect(runCli(['config', 'get', 'handle'], {cwd: repo, configDir}).stdout).toBe('alice\n');
	});

	it.skipIf(!canMount && !process.env['CI'])('a settings directory that cannot be created is named as such, not as a broken file', () => {
		const repo = makeTempDir();
		const readOnly = makeTempDir();
		mountTmpfs(readOnly);
		mounted.push(readOnly);
		execFileSync('mount', ['-o', 'remount,ro', readOnly]);
		const configDir = join(readOnly, 'incident-tui');

		const run = runCli(['config', 'set', 'handle', 'bob'], {cwd: repo, configDir});
		expect(run.code).toBe(2);
		expect(run.stderr.split('\n')[0]).toMatch(`incident-tui: warning: the settings directory ${configDir} could not be created (`);
		expect(run.stderr.split('\n')[1]).toMatch(`incident-tui: could not create the settings directory ${configDir}: `);
		expect(run.stderr).not.toMatch(/fix or delete that file/);
	});
});

it('settings that are fine are written and read back (the same test without the fault)', () => {
	const repo = makeTempDir();
	const configDir = makeTempDir();
	writeFileSync(join(configDir, 'config.json'), '{}');
	expect(runCli(['config', 'set', 'handoverHours', '2'], {cwd: repo, configDir})).toEqual({code: 0, stdout: 'handoverHours=2\n', stderr: ''});
	expect(runCli(['config', 'get', 'handoverHours'], {cwd: repo, configDir}).stdout).toBe('2\n');
});
