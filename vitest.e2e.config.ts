import { defineConfig } from 'vitest/config';

/** Tests of the built app (`node build`) over HTTP and in Chromium. `npm test` builds first. */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 90_000
	}
});
