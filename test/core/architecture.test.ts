import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

// Who may import what (ARCHITECTURE.md): the core decides and imports nothing
// outside itself; adapters (journal/, git/, config/, runbook/, report/) each
// hide one outside thing and never call back up; commands are the use cases
// and touch files only through adapters; the screens reach the world only
// through the services passed in; the CLI calls commands.

interface Import {
	/** Such as `ui/hooks/useIncident.ts: ../../journal/read-journal.js`, for the failure message. */
	line: string;
	specifier: string;
	/** `import type …`: erased when compiled, so it loads nothing. */
	typeOnly: boolean;
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

const sourceDir = (path: string) => new URL(`../../source/${path}`, import.meta.url);

function importsOf(path: string): Import[] {
	const files = path.endsWith('.tsx') ? [''] : readdirSync(sourceDir(`${path}/`), {recursive: true, encoding: 'utf8'}).filter(file => /\.tsx?$/.test(file));
	return files.flatMap(file => {
		const name = file === '' ? path : `${path}/${file}`;
		const text = readFileSync(sourceDir(name), 'utf8');
		const found = (specifier: string, typeOnly: boolean): Import => ({line: `${name}: ${specifier}`, specifier, typeOnly});
		return [
			...[...text.matchAll(STATIC_IMPORT)].map(match => found(match[2]!, match[1] !== undefined)),
			...[...text.matchAll(DYNAMIC_IMPORT)].map(match => found(match[1]!, false)),
		];
	});
}

const lines = (imports: readonly Import[]) => imports.map(found => found.line);
const fromFolders = (folders: string) => new RegExp(`^(\\.\\./)+(${folders})/`);
const ADAPTERS = 'journal|git|config|runbook|report';

describe('the import rules', () => {
	it('keeps the core free of React, Ink, Node and every outer layer', () => {
		const outer = fromFolders(`${ADAPTERS}|commands|ui|cli`);
		expect(lines(importsOf('core').filter(({specifier}) => /^(node:|react|ink)/.test(specifier) || outer.test(specifier)))).toEqual([]);
	});

	it('keeps adapters from calling up into commands, screens or the CLI', () => {
		const upward = fromFolders('commands|ui|cli');
		const adapters = ADAPTERS.split('|').flatMap(importsOf);
		expect(lines(adapters.filter(({specifier}) => upward.test(specifier)))).toEqual([]);
	});

	it('keeps ui/ from calling up into the CLI, which owns the terminal and passes in what the screen needs', () => {
		expect(lines(importsOf('ui').filter(({specifier}) => fromFolders('cli').test(specifier)))).toEqual([]);
	});

	it('keeps git/ to plumbing: it knows nothing of journals or commands', () => {
		expect(lines(importsOf('git').filter(({specifier}) => fromFolders('journal|commands').test(specifier)))).toEqual([]);
	});

	it('lets commands touch files only through adapters', () => {
		expect(lines(importsOf('commands').filter(({specifier}) => /^(node:)?fs(\/|$)/.test(specifier)))).toEqual([]);
	});

	it('keeps every part of ui/ away from Node and from the adapters that touch files and git', () => {
		const ui = importsOf('ui');
		expect(lines(ui.filter(({specifier}) => specifier.startsWith('node:')))).toEqual([]);
		const adapters = fromFolders('journal|git|config');
		expect(lines(ui.filter(({specifier, typeOnly}) => adapters.test(specifier) && !typeOnly))).toEqual([]);
	});

	it('has the CLI go through commands wherever one exists', () => {
		// Why each of these may stay: no command stands between them.
		const allowed = new Map([
			['cli/output.ts: ../git/git-fault.js', 'git faults are printed with their hint like any other error'],
			['cli/completion-command.ts: ../journal/incident-directory.js', 'Tab completion lists directory names only, and must be quick'],
		]);
		const cli = [...importsOf('cli'), ...importsOf('cli.tsx')];
		const direct = cli.filter(({specifier, typeOnly}) => fromFolders('journal|git').test(specifier.replace(/^\.\//, '../')) && !typeOnly);
		expect(lines(direct).filter(line => !allowed.has(line))).toEqual([]);
	});

	it('sees static, type-only and dynamic imports (the rules above would pass vacuously otherwise)', () => {
		const ui = importsOf('ui');
		expect(ui.find(found => found.line === 'ui/screen-services.ts: ../journal/read-journal.js')).toMatchObject({typeOnly: true});
		expect(ui.find(found => found.line === 'ui/start-app.tsx: ../commands/sync-incidents.js')).toMatchObject({typeOnly: false});
		expect(ui.find(found => found.line === 'ui/start-app.tsx: ink')).toMatchObject({typeOnly: false});
	});
});
