import {build} from 'esbuild';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** Bundles a TypeScript helper so a child process can run it with plain node. */
export async function bundleScript(fromRepositoryRoot: string, outDir: string): Promise<string> {
	const entry = fileURLToPath(new URL(`../../${fromRepositoryRoot}`, import.meta.url));
	const outfile = join(outDir, 'script.mjs');
	await build({entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error'});
	return outfile;
}
