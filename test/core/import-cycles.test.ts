import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
import {makeTempDir} from '../helpers/temp-dir.js';

// Modules that import each other (directly or round a loop) cannot be
// understood, tested or moved one at a time, and a value cycle can hand a
// module an import that is not initialised yet. Type-only imports count too:
// a loop of types is still two modules that must change together.

const SOURCE = fileURLToPath(new URL('../../source/', import.meta.url));

/** Static `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file))
		.map(file => join(dir, file));
}

/** The source file an import names: `./x.js` is `./x.ts` or `./x.tsx`. */
function resolveImport(from: string, specifier: string): string | undefined {
	const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
	return [`${base}.ts`, `${base}.tsx`].find(file => existsSync(file));
}

function importGraph(files: readonly string[]): Map<string, string[]> {
	return new Map(
		files.map(file => [
			file,
			[...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap(match => resolveImport(file, match[1]!) ?? []),
		]),
	);
}

/** Every cycle found by a depth-first search, each as the loop of files that closes it. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	const cycles: string[][] = [];
	const done = new Set<string>();
	const path: string[] = [];
	const onPath = new Set<string>();
	const visit = (file: string) => {
		path.push(file);
		onPath.add(file);
		for (const next of graph.get(file) ?? []) {
			if (onPath.has(next)) cycles.push([...path.slice(path.indexOf(next)), next]);
			else if (!done.has(next)) visit(next);
		}
		path.pop();
		onPath.delete(file);
		done.add(file);
	};
	for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
	return cycles;
}

const shown = (cycle: readonly string[]) => cycle.map(file => relative(SOURCE, file)).join(' -> ');

it('finds a cycle in a graph that has one, and none in one that has none', () => {
	expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
	expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
});

it('reads static, re-exported, type-only, side-effect and dynamic imports', () => {
	const dir = makeTempDir();
	const names = ['static', 'reexport', 'types', 'effect', 'lazy', 'view'];
	for (const name of names) writeFileSync(join(dir, `${name}.${name === 'view' ? 'tsx' : 'ts'}`), '');
	writeFileSync(
		join(dir, 'main.ts'),
		[
			"import {a} from './static.js';",
			"export {b} from './reexport.js';",
			"import type {C} from './types.js';",
			"import './effect.js';",
			"const lazy = await import('./lazy.js');",
			"import {View} from './view.js';",
			"import {z} from 'zod'; // a package, not a module of ours",
		].join('\n'),
	);
	const graph = importGraph([join(dir, 'main.ts')]);
	expect(graph.get(join(dir, 'main.ts'))).toEqual(names.map(name => join(dir, `${name}.${name === 'view' ? 'tsx' : 'ts'}`)));
});

it('has no import cycle in source/', () => {
	const cycles = findCycles(importGraph(sourceFiles(SOURCE))).map(shown);
	expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
});
