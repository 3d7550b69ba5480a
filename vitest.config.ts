import {defineConfig} from 'vitest/config';

// The screen and core tests share nothing global (no env, cwd or timer changes), so they run in
// one module graph per worker instead of re-importing Ink and React for every file: about a
// third of the time (CONTRIBUTING.md, "Tests"). Everything that spawns processes keeps isolation.
const sharedGraph = ['test/ui/**/*.test.{ts,tsx}', 'test/core/**/*.test.{ts,tsx}'];

export default defineConfig({
	test: {
		// Child processes, real fsync and tmux sessions: generous, but a hang still fails.
		testTimeout: 60_000,
		hookTimeout: 30_000,
		pool: 'forks',
		projects: [
			{extends: true, test: {name: 'screen-and-core', include: sharedGraph, isolate: false}},
			{extends: true, test: {name: 'processes', include: ['test/**/*.test.{ts,tsx}'], exclude: sharedGraph}},
		],
	},
});
