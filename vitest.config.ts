import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Child processes, real fsync and tmux sessions: generous, but a hang still fails.
		testTimeout: 60_000,
		hookTimeout: 30_000,
		pool: 'forks',
	},
});
