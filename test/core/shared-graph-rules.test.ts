import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';

// test/ui and test/core run without per-file isolation (vitest.config.ts): a test there that
// changes process-wide state would leak it into every file after it in the same worker.
const FOLDERS = ['ui', 'core'].map(folder => fileURLToPath(new URL(`../${folder}/`, import.meta.url)));
const GLOBAL_STATE =
	/process\.env(?:\.\w+|\[[^\]]+\])\s*=(?!=)|delete\s+process\.env|process\.chdir|vi\.(?:useFakeTimers|stubEnv|stubGlobal|mock)\b|process\.umask\(/;

// The time-grammar test sets TZ to prove the local zone never leaks in, and puts it back after each case.
const RESTORES_WHAT_IT_CHANGES = new Set(['when.test.ts']);

it('no screen or core test changes process-wide state', () => {
	const offenders = FOLDERS.flatMap(folder =>
		readdirSync(folder, {recursive: true, encoding: 'utf8'})
			.filter(file => /\.test\.tsx?$/.test(file) && file !== 'shared-graph-rules.test.ts')
			.filter(file => !RESTORES_WHAT_IT_CHANGES.has(file))
			.map(file => join(folder, file))
			.filter(file => GLOBAL_STATE.test(readFileSync(file, 'utf8'))),
	);
	expect(offenders).toEqual([]);
});
