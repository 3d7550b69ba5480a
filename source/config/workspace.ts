import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';

export interface Workspace {
	/** The repository's top level as git finds it, or the starting directory outside git. */
	root: string;
	inGitRepository: boolean;
	/** Root of everything the tool writes: `docs/` unless set otherwise. */
	docsDir: string;
}

/**
 * Walks up for `.git` (a directory, or a file in worktrees and submodules)
 * instead of running git: `incident-tui log` must start fast and must work
 * where git is not installed at all.
 */
export function findWorkspace(cwd: string, docsDirSetting: string): Workspace {
	const start = resolve(cwd);
	let dir = start;
	for (;;) {
		if (existsSync(join(dir, '.git'))) {
			return {root: dir, inGitRepository: true, docsDir: resolve(dir, docsDirSetting)};
		}
		const parent = dirname(dir);
		if (parent === dir) return {root: start, inGitRepository: false, docsDir: resolve(start, docsDirSetting)};
		dir = parent;
	}
}
