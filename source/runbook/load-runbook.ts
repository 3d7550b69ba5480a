import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {builtInTemplatesDir} from '../config/package-root.js';
import {parseRunbook, RunbookError} from './parse-runbook.js';
import type {Runbook} from './runbook.js';

export interface LoadedRunbook {
	runbook: Runbook;
	/** Why the repository's runbook was not used, in one line. */
	problem?: string;
}

/** The repository's `docs/RUNBOOK.md` if it reads well, else the built-in one. */
export function loadRunbook(docsDir: string): LoadedRunbook {
	const own = join(docsDir, 'RUNBOOK.md');
	if (existsSync(own)) {
		try {
			return {runbook: parseRunbook(readFileSync(own, 'utf8'), own)};
		} catch (error) {
			const reason = error instanceof RunbookError ? error.message : `${own}: ${error instanceof Error ? error.message : String(error)}`;
			return {runbook: builtInRunbook(), problem: `${reason}; using the built-in runbook`};
		}
	}
	return {runbook: builtInRunbook()};
}

export function builtInRunbook(): Runbook {
	const path = join(builtInTemplatesDir(), 'runbook.md');
	return parseRunbook(readFileSync(path, 'utf8'), path);
}
