// Bundles the CLI into dist/ as ESM: one file to start, plus chunks that only
// the interactive screen loads. Measured here: an unbundled Ink app takes
// 580-880 ms to its first frame, bundled 200-300 ms.
import {build} from 'esbuild';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {builtinModules, createRequire} from 'node:module';
import {dirname, resolve} from 'node:path';

rmSync('dist', {recursive: true, force: true});

const options = {
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
	alias: {
		'react-devtools-core': './stubs/react-devtools-core.js',
		'ajv/dist/2020.js': './stubs/unused-by-conf.js',
		'ajv-formats': './stubs/unused-by-conf.js',
		semver: './stubs/unused-by-conf.js',
	},
	// Without NODE_ENV, React's development reconciler is bundled and run: slower frames, ~250 KB more.
	define: {'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"'},
	banner: {
		js: [
			'#!/usr/bin/env node',
			// Bundled CommonJS dependencies call require(); ESM has none of its own.
			"import {createRequire as __createRequire} from 'node:module';",
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
};

// esbuild puts the modules reached by each distinct set of entry points (every
// `import()` is one) into a chunk of their own, which cut what every start
// loads into ~25 files; Node's ESM loader costs 10-20 ms more for them than
// for the same code in one file. Here every module of ours that is imported
// with `import()` also imports cli/main.ts, as it is only ever loaded after
// it: then all that cli/main.ts imports statically is reached from the same
// entries, and lands in one chunk. (The stand-in re-exports names only: our
// modules loaded with `import()` have no default export.)
const START_PATH = resolve('source/cli/main.ts');
const startPathInOneChunk = {
	name: 'start-path-in-one-chunk',
	setup(bundler) {
		bundler.onResolve({filter: /.*/}, async ({kind, importer, path, resolveDir, pluginData}) => {
			if (kind !== 'dynamic-import' || !importer.startsWith(resolve('source')) || pluginData === 'real') return undefined;
			const real = await bundler.resolve(path, {kind, importer, resolveDir, pluginData: 'real'});
			return real.errors.length > 0 ? real : {path: real.path, namespace: 'after-start'};
		});
		bundler.onLoad({filter: /.*/, namespace: 'after-start'}, ({path}) => ({
			contents: `import ${JSON.stringify(START_PATH)};\nexport * from ${JSON.stringify(path)};`,
			loader: 'js',
			resolveDir: dirname(path),
		}));
	},
};

// `import ... from 'node:fs'` makes Node build an ES module facade of the
// builtin, which reads every export once, getters included: node:fs's
// `promises` and `ReadStream` load fs/promises, readline and streams,
// node:process's `report` and `stdin` build a report and a stdin stream,
// node:util's load MIME and AbortController, node:crypto's Web Crypto (~3 ms
// alone); `log` uses none of them. Here each builtin is one ES module of the
// bundle that takes it with `require` (the banner's, which builds no facade)
// and exports it as it is, plus its plain functions and values by name; its
// getters are not read until used, but for those imported by name below (a
// named import of any other fails the build with "No matching export", never
// a start). Unlike a required CommonJS module, no wrapper copies its
// properties at each import site (node:process has 14 in Ink).
const GETTERS_IMPORTED_BY_NAME = {'node:util': ['parseArgs']};
const requireAtBuild = createRequire(import.meta.url);
const BUILTIN = new RegExp(`^(node:)?(${builtinModules.map(name => name.replaceAll('/', '\\/')).join('|')})$`);
const builtinsWithoutFacade = {
	name: 'builtins-without-facade',
	setup(bundler) {
		bundler.onResolve({filter: BUILTIN}, ({path, kind}) =>
			kind === 'import-statement' ? {path: path.startsWith('node:') ? path : `node:${path}`, namespace: 'builtin-by-require'} : undefined,
		);
		bundler.onLoad({filter: /.*/, namespace: 'builtin-by-require'}, ({path}) => {
			const plain = Object.entries(Object.getOwnPropertyDescriptors(requireAtBuild(path)))
				.filter(([name, property]) => ('value' in property || GETTERS_IMPORTED_BY_NAME[path]?.includes(name)) && name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name))
				.map(([name]) => name);
			const lines = [`const builtin = require(${JSON.stringify(path)});`, 'export default builtin;'];
			plain.forEach((name, index) => lines.push(`const v${index} = builtin.${name};`, `export {v${index} as ${name}};`));
			return {contents: lines.join('\n'), loader: 'js'};
		});
	},
};

// Yoga (Ink's layout) carries its WebAssembly as a data: URL and, wherever
// `fetch` exists, reads it with fetch, which in Node loads undici first:
// ~30 ms before the screen's first frame. Without fetch it decodes the same
// bytes with atob, as it does on runtimes that have no fetch.
const YOGA_FETCH = 'return w||"function"!=typeof fetch?Promise.resolve()';
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(bundler) {
		bundler.onLoad({filter: /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/}, ({path}) => {
			const code = readFileSync(path, 'utf8');
			// A Yoga whose loader reads differently must be looked at again, not bundled as it is.
			if (code.split(YOGA_FETCH).length !== 2) throw new Error(`${path}: its wasm loader changed; see yogaWithoutFetch in build.mjs`);
			return {contents: code.replace(YOGA_FETCH, 'return!0?Promise.resolve()'), loader: 'js'};
		});
	},
};

// conf's node:assert, for deepEqual at every start: see stubs/assert-for-conf.ts.
const CONF_DIR = dirname(requireAtBuild.resolve('conf'));
const confAssert = {
	name: 'conf-assert',
	setup(bundler) {
		bundler.onResolve({filter: /^(node:)?assert$/}, ({importer}) =>
			importer.startsWith(CONF_DIR) ? {path: resolve('stubs/assert-for-conf.ts')} : undefined,
		);
	},
};

// Every string-width in the bundle (Ink's, wrap-ansi's older one, ours) is
// the package's own function behind source/ui/remembered-widths.ts: Ink
// measures each text several times before the first frame and again every
// frame. The stand-in imports the package's file by its path, which does not
// come back here.
const REMEMBERED_WIDTHS = resolve('source/ui/remembered-widths.ts');
const rememberedWidths = {
	name: 'remembered-widths',
	setup(bundler) {
		bundler.onResolve({filter: /^string-width$/}, async ({path, kind, importer, resolveDir, pluginData}) => {
			if (pluginData === 'real') return undefined;
			const real = await bundler.resolve(path, {kind, importer, resolveDir, pluginData: 'real'});
			return real.errors.length > 0 ? real : {path: real.path, namespace: 'remembered-widths'};
		});
		bundler.onLoad({filter: /.*/, namespace: 'remembered-widths'}, ({path}) => ({
			contents: [
				`import measure from ${JSON.stringify(path)};`,
				`import {rememberWidths} from ${JSON.stringify(REMEMBERED_WIDTHS)};`,
				'export default rememberWidths(measure);',
			].join('\n'),
			loader: 'js',
			resolveDir: dirname(path),
		}));
	},
};

await build({...options, entryPoints: {cli: 'source/cli.tsx'}, plugins: [startPathInOneChunk, confAssert, builtinsWithoutFacade, yogaWithoutFetch, rememberedWidths]});

// Built apart, so that what they share with the CLI does not split its chunks
// again: run's recorder (bin/incident-tui starts it beside a command), the bench.
const apart = {'run-recorder': 'source/run-recorder.ts'};
if (existsSync('bench/bench.ts')) Object.assign(apart, {bench: 'bench/bench.ts', 'minimal-ink-app': 'bench/minimal-ink-app.tsx'});
await build({...options, entryPoints: apart});
