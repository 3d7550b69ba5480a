import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';

// What every start loads is one chunk of dist/, not ~25 (build.mjs says why):
// Node's ESM loader pays for each file. Read from the built files' static
// imports, which are all Node fetches before `log` runs its first line.

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g;

function staticGraph(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const text = readFileSync(join(distDir, file), 'utf8');
	for (const [, specifier] of text.matchAll(STATIC_IMPORT)) staticGraph(specifier!.slice(2), seen);
	return seen;
}

it('loads the start path (log, list, new, the start of the screen) from at most three files', () => {
	expect(existsSync(join(distDir, 'cli.js')), 'run `node build.mjs` first').toBe(true);
	const files = [...staticGraph('cli.js')];
	// cli.js, the chunk of everything cli/main.ts imports, and esbuild's helpers for bundled CommonJS.
	expect(files.length, files.join(', ')).toBeLessThanOrEqual(3);
});

it('keeps Ink and React off that path', () => {
	const code = [...staticGraph('cli.js')].map(file => readFileSync(join(distDir, file), 'utf8')).join('\n');
	expect(code).not.toContain('react.transitional.element');
	expect(code).not.toContain('yoga');
});
