import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

let cached: string | undefined;

/**
 * The installed package's directory, found by walking up to our package.json:
 * the same code runs from source/ under the tests and from dist/ when bundled.
 */
export function packageRoot(): string {
	if (cached) return cached;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'incident-tui') return (cached = dir);
		const parent = dirname(dir);
		if (parent === dir) throw new Error('cannot find the incident-tui package directory');
		dir = parent;
	}
}

export function builtInTemplatesDir(): string {
	return join(packageRoot(), 'templates');
}
