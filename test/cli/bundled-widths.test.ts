import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';

// build.mjs puts source/ui/remembered-widths.ts in front of every copy of
// string-width it bundles into the CLI. Read from the built files: each copy
// (its options name `countAnsiEscapeCodes` survives minifying) is handed to
// the wrapper (the function with a 4096-entry default) once.

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const IMPORTED = /(?:\bfrom|\bimport\(?)\s*"(\.\/[^"]+\.js)"/g;

/** Every file the CLI can load: its static and dynamic imports, from cli.js. */
function cliFiles(file = 'cli.js', seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	for (const [, specifier] of readFileSync(join(distDir, file), 'utf8').matchAll(IMPORTED)) cliFiles(specifier!.slice(2), seen);
	return seen;
}

it('measures text through remembered widths wherever the CLI bundles string-width', () => {
	expect(existsSync(join(distDir, 'cli.js')), 'run `node build.mjs` first').toBe(true);
	const code = [...cliFiles()].map(file => readFileSync(join(distDir, file), 'utf8')).join('\n');
	const copies = code.split('countAnsiEscapeCodes').length - 1;
	const wrapper = /function ([\w$]+)\([\w$]+,[\w$]+=4096\)\{/.exec(code)?.[1];
	expect(wrapper, 'the wrapper of source/ui/remembered-widths.ts is not in the bundle').toBeDefined();
	const calls = code.split(new RegExp(`[^\\w$.]${wrapper!.replaceAll('$', '\\$')}\\(`)).length - 2;
	// Ink's and ours (string-width 8) and wrap-ansi's (string-width 7).
	expect(copies).toBe(2);
	expect(calls).toBe(copies);
});
