import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {builtInTemplatesDir} from '../config/package-root.js';
import type {LoadedRunbook} from './load-runbook.js';

// The live screen's runbook without loading the Markdown parser when nothing
// changed: parsing costs ~55 ms of start-up (marked's regexes). The cache is
// keyed by each runbook file's path, size and modification time; a miss, or a
// cache that does not read, simply parses again.

const FORMAT = 1;

function cacheFile(): string {
	let user = 'user';
	try {
		user = String(userInfo().uid);
	} catch {
		// No passwd entry (some containers): one shared name is fine for a cache.
	}
	return join(tmpdir(), `incident-tui-${user}`, 'runbook-cache.json');
}

function fingerprint(docsDir: string): string {
	return [join(docsDir, 'RUNBOOK.md'), join(builtInTemplatesDir(), 'runbook.md')]
		.map(path => {
			if (!existsSync(path)) return `${path}:-`;
			const stat = statSync(path);
			return `${path}:${stat.size}:${stat.mtimeMs}`;
		})
		.join('|');
}

/** One entry per repository, the most recent few kept. */
const MAX_ENTRIES = 16;

export async function loadRunbookCached(docsDir: string): Promise<LoadedRunbook> {
	const key = `${FORMAT}|${fingerprint(docsDir)}`;
	const file = cacheFile();
	let entries: {key: string; value: LoadedRunbook}[] = [];
	try {
		const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (Array.isArray(parsed)) entries = parsed;
		const hit = entries.find(entry => entry?.key === key);
		if (hit && Array.isArray(hit.value?.runbook?.phases) && hit.value.runbook.phases.length > 0) return hit.value;
	} catch {
		// Missing or unreadable: parse.
	}
	const {loadRunbook} = await import('./load-runbook.js');
	const value = loadRunbook(docsDir);
	try {
		mkdirSync(join(file, '..'), {recursive: true, mode: 0o700});
		const kept = entries.filter(entry => entry?.key !== key).slice(-(MAX_ENTRIES - 1));
		writeFileSync(file, JSON.stringify([...kept, {key, value}]));
	} catch {
		// A cache that cannot be written only costs the next start a parse.
	}
	return value;
}
