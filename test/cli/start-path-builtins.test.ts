import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {aliceRepo} from '../helpers/e2e-repo.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// Node loads most of its own modules on first use, and some cost more than
// the code `log` runs: Web Crypto (globalThis.crypto) ~3 ms, node:assert ~2 ms,
// and what the getters of node:fs, node:process and node:util load when an
// ES module facade reads them all (build.mjs, builtinsWithoutFacade). Which ones a run
// loaded is in process.moduleLoadList; a preloaded script writes it out at exit.

function builtinsLoadedBy(args: string[], repo: string, configDir: string): string[] {
	const dir = makeTempDir();
	const listFile = join(dir, 'modules.txt');
	const hook = join(dir, 'write-module-list.cjs');
	writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.join('\\n')));\n`);
	const run = runCli(args, {cwd: repo, configDir, env: {NODE_OPTIONS: `--require ${hook}`}});
	expect(run).toMatchObject({code: 0, stderr: ''});
	return readFileSync(listFile, 'utf8').split('\n');
}

it('logs a note without loading Web Crypto (event ids come from node:crypto)', () => {
	const {repo, configDir} = aliceRepo();
	expect(runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir}).code).toBe(0);
	const loaded = builtinsLoadedBy(['log', 'rolled back'], repo, configDir);
	expect(loaded).toContain('NativeModule crypto');
	expect(loaded).not.toContain('NativeModule internal/crypto/webcrypto');
});

it('logs a note without node:assert or what the getters of node:fs, node:process and node:util load', () => {
	const {repo, configDir} = aliceRepo();
	expect(runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir}).code).toBe(0);
	const loaded = builtinsLoadedBy(['log', 'rolled back'], repo, configDir);
	expect(loaded).not.toContain('NativeModule assert');
	expect(loaded).not.toContain('NativeModule internal/fs/streams');
	expect(loaded).not.toContain('NativeModule internal/process/report');
	expect(loaded).not.toContain('NativeModule internal/mime');
});
