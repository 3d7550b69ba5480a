import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach} from 'vitest';

const created: string[] = [];

/** A fresh directory under the OS temp dir, removed after the test. */
export function makeTempDir(prefix = 'incident-tui-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	created.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of created.splice(0)) rmSync(dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 50});
});
