import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {aliceRepo} from '../helpers/e2e-repo.js';
import {skipWithout} from '../helpers/requirements.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

// Yoga, Ink's layout engine, reads its WebAssembly with fetch wherever fetch
// exists, and in Node fetch loads undici first: ~30 ms before the first
// frame. The build makes it decode the bytes itself (build.mjs, yogaWithoutFetch).
// Which modules Node loaded is in process.moduleLoadList, written at exit.

let session: TmuxSession | undefined;
afterEach(() => session?.close());

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('the live screen start', () => {
	it('draws the incident without loading fetch (undici)', async () => {
		const {repo, configDir} = aliceRepo();
		expect(runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir}).code).toBe(0);
		const dir = makeTempDir();
		const listFile = join(dir, 'modules.txt');
		const hook = join(dir, 'write-module-list.cjs');
		writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.join('\\n')));\n`);
		session = new TmuxSession({cwd: repo, configDir, launcher: ['env', `NODE_OPTIONS=--require ${hook}`]});
		await session.waitFor('Checkout 5xx');
		await session.waitFor('q quit');
		await session.keys('q');
		await session.waitFor(/\[exit 0\]/);
		const loaded = readFileSync(listFile, 'utf8').split('\n');
		// The list is the app's own: it drew on a terminal.
		expect(loaded).toContain('NativeModule tty');
		expect(loaded).not.toContain('NativeModule internal/deps/undici/undici');
	});
});
